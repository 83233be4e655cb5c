"""Import a Word document into a round, or minutes into a session, without the review screen:
the proposal as read is saved as is (principles as strategic principles)."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from inkoop.sessies.models import Sessie
from inkoop.trajecten.models import Traject
from inkoop.uitwisseling import verslag_in, word_in
from regions import permissions


class Command(BaseCommand):
    help = (
        "Leest een .docx in: een document in een traject (--regio en --traject; laatste regel "
        "document=<id>) of een verslag in een sessie (--sessie; laatste regel "
        "sessie=<id> vragen=N opmerkingen=N stellingen=N)."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="het .docx-bestand (bij --sessie ook .txt)")
        parser.add_argument("--regio", help="korte naam van de regio")
        parser.add_argument("--traject", help="korte naam van het traject")
        parser.add_argument("--sessie", type=int, help="id van de sessie")
        parser.add_argument("--user", required=True, help="gebruikersnaam van de auteur")

    def handle(self, *args, bestand, regio=None, traject=None, sessie=None, user, **opties):
        pad = Path(bestand)
        try:
            data = pad.read_bytes()
        except OSError as exc:
            raise CommandError(f"Kan {bestand} niet lezen: {exc}") from exc
        gebruiker = get_user_model().objects.filter(username=user).first()
        if gebruiker is None:
            raise CommandError(f"Onbekende gebruiker: {user}")
        try:
            if sessie:
                self._verslag(data, pad, sessie, gebruiker)
            elif regio and traject:
                self._document(data, pad, regio, traject, gebruiker)
            else:
                raise CommandError("Geef --regio en --traject, of --sessie.")
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from fout

    def _document(self, data, pad, regio, slug, gebruiker):
        gevonden = Traject.objects.select_related("regio").filter(regio__slug=regio, slug=slug)
        traject = gevonden.first()
        if traject is None:
            raise CommandError(f"Geen traject {slug} in regio {regio}.")
        if not permissions.mag(gebruiker, "bewerken", traject):
            raise CommandError(f"{gebruiker.username} mag in dit traject geen documenten maken.")
        voorstel = word_in.document_voorstel(data, pad.name)
        for melding in voorstel["niet_overgenomen"]:
            self.stdout.write(f"Let op: {melding}")
        resultaat = word_in.document_importeren(traject=traject, auteur=gebruiker,
                                                voorstel=voorstel)  # fmt: skip
        self.stdout.write(resultaat.melding())
        self.stdout.write(f"document={resultaat.document.pk}")

    def _verslag(self, data, pad, pk, gebruiker):
        sessie = Sessie.objects.select_related("regio").filter(pk=pk).first()
        if sessie is None:
            raise CommandError(f"Geen sessie {pk}.")
        if not permissions.mag(gebruiker, "sessies_bewerken", sessie):
            raise CommandError(
                f"{gebruiker.username} mag het verslag van deze sessie niet bijwerken."
            )
        if pad.suffix.lower() == ".txt":
            voorstel = verslag_in.verslag_uit_tekst(data.decode("utf-8"))
        else:
            voorstel = verslag_in.verslag_uit_docx(data, pad.name)
        resultaat = verslag_in.verslag_importeren(sessie=sessie, voorstel=voorstel)
        self.stdout.write(resultaat.melding())
        self.stdout.write(
            f"sessie={sessie.pk} vragen={resultaat.vragen} opmerkingen={resultaat.opmerkingen} "
            f"stellingen={resultaat.stellingen}"
        )
