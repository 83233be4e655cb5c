"""The guard of the commands that make users with a published password (`load_demo`,
`seed_scale`): they refuse under production settings (DEBUG off) unless `--force` is given."""

from django.conf import settings
from django.core.management.base import CommandError

WEIGERING = (
    "{commando} weigert: DEBUG staat uit (productie-instellingen). Het maakt gebruikers met het "
    "openbare wachtwoord {wachtwoord}{extra}. Zet DJANGO_DEBUG=1 voor een ontwikkelomgeving, of "
    "geef --force als u dit op deze omgeving echt wilt."
)


def force_argument(parser) -> None:
    parser.add_argument(
        "--force",
        action="store_true",
        help="Ook laden als DEBUG uit staat (maakt gebruikers met een openbaar wachtwoord).",
    )


def alleen_in_ontwikkeling(opties, *, commando: str, wachtwoord: str, extra: str = "") -> None:
    if not settings.DEBUG and not opties.get("force"):
        raise CommandError(WEIGERING.format(commando=commando, wachtwoord=wachtwoord, extra=extra))
