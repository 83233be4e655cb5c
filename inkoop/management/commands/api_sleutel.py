"""Issue or revoke an API key: `manage.py api_sleutel uitgeven --naam ... --regio slug
[--rol secretaris] --door beheerder`, `manage.py api_sleutel intrekken PREFIX --door beheerder`."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from inkoop.api import services
from inkoop.api.models import ApiToken
from regions.constants import Rol
from regions.models import Regio


class Command(BaseCommand):
    help = "Geef een API-sleutel uit aan een toepassing, of trek er een in."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="actie", required=True)
        uit = sub.add_parser("uitgeven")
        uit.add_argument("--naam", required=True)
        uit.add_argument("--regio", action="append", required=True, help="korte naam")
        uit.add_argument("--rol", default=Rol.LEZER, choices=services.TOEPASSING_ROLLEN)
        uit.add_argument("--door", required=True, help="gebruikersnaam van de beheerder")
        intrek = sub.add_parser("intrekken")
        intrek.add_argument("prefix")
        intrek.add_argument("--door", required=True)

    def handle(self, *args, actie, door, **opties):
        try:
            beheerder = get_user_model()._default_manager.get(username=door)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"Onbekende gebruiker {door}.") from exc
        try:
            if actie == "uitgeven":
                regios = list(Regio.objects.filter(slug__in=opties["regio"]))
                if len(regios) != len(set(opties["regio"])):
                    raise CommandError("Een van de regio's bestaat niet.")
                token, sleutel = services.sleutel_uitgeven(
                    door=beheerder, naam=opties["naam"], regios=regios, rol=opties["rol"]
                )
                self.stdout.write(f"Sleutel voor {token.naam} (alleen nu zichtbaar):\n{sleutel}")
            else:
                token = ApiToken.objects.filter(prefix=opties["prefix"]).first()
                if token is None:
                    raise CommandError("Geen sleutel met dat begin.")
                services.sleutel_intrekken(door=beheerder, token=token)
                self.stdout.write(f"Sleutel {token} ingetrokken.")
        except PermissionDenied as exc:
            raise CommandError("Alleen een beheerder (superuser) geeft sleutels uit.") from exc
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
