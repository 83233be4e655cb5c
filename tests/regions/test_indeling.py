"""The national municipality list: the shipped file, CBS's CSV, mergers as membership changes."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from inkoop.core.fouten import DomeinFout
from regions import services
from regions.indeling import MEEGELEVERD, indeling_lezen
from regions.models import Gemeente, Lidmaatschap
from tests.factories import GemeenteFactory, LidmaatschapFactory, RegioFactory

pytestmark = pytest.mark.django_db

KOP = "Gemeentecode;GemeentecodeGM;Gemeentenaam;Provinciecode;ProvinciecodePV;Provincienaam\r\n"


def _csv(*rijen, kop=KOP, codering="utf-8"):
    return (kop + "".join(f"{r}\r\n" for r in rijen)).encode(codering)


def test_meegeleverde_lijst_2026_heeft_342_gemeenten_met_cbs_codes():
    rijen = indeling_lezen(MEEGELEVERD.read_bytes())
    assert len(rijen) == 342
    codes = {r.cbs_code: r for r in rijen}
    assert codes["GM1992"].naam == "Voorne aan Zee"
    assert codes["GM0363"].naam == "Amsterdam"
    assert codes["GM0518"].naam == "'s-Gravenhage"
    assert codes["GM1900"].naam == "Súdwest-Fryslân"
    assert codes["GM0402"].provincie == "Noord-Holland"
    # merged away before 2026: Weesp (2022), Brielle, Hellevoetsluis, Westvoorne (2023)
    assert not {"GM0457", "GM0501", "GM0530", "GM0614"} & codes.keys()
    assert len({r.provincie for r in rijen}) == 12


def test_command_laadt_de_meegeleverde_lijst_en_is_idempotent():
    uit = StringIO()
    call_command("gemeenten_bijwerken", stdout=uit)
    assert uit.getvalue().splitlines()[-1].startswith("nieuw=342 ")
    assert Gemeente.objects.count() == 342
    uit = StringIO()
    call_command("gemeenten_bijwerken", stdout=uit)
    assert uit.getvalue().splitlines()[-1] == (
        "nieuw=0 hernoemd=0 opgeheven=0 lidmaatschappen_beeindigd=0 lidmaatschappen_begonnen=0"
    )


def test_windows_1252_en_komma_en_alleen_numerieke_code():
    rijen = indeling_lezen(
        _csv(
            "80,Leeuwarden,Fryslân",
            "1900,Súdwest-Fryslân,Fryslân",
            kop="Gemeentecode,Gemeentenaam,Provincienaam\r\n",
            codering="cp1252",
        )
    )
    assert [(r.cbs_code, r.naam) for r in rijen] == [
        ("GM0080", "Leeuwarden"),
        ("GM1900", "Súdwest-Fryslân"),
    ]


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"naam;code\r\nX;Y\r\n", "geen gemeentelijke indeling"),
        (_csv("0402;GM402;Hilversum;27;PV27;Noord-Holland"), "Regel 2"),
        (_csv("0402;GM0402;Hilversum;;;", "0402;GM0402;Hilversum;;;"), "twee keer"),
        (KOP.encode(), "geen gemeenten"),
    ],
)
def test_kapotte_csv_geeft_een_nederlandse_melding(inhoud, melding):
    with pytest.raises(DomeinFout, match=melding):
        indeling_lezen(inhoud)


def test_fusie_beeindigt_lidmaatschap_en_begint_dat_van_de_opvolger(tmp_path):
    regio = RegioFactory(slug="vpr")
    oud = [
        GemeenteFactory(cbs_code=c, naam=n)
        for c, n in (("GM0501", "Brielle"), ("GM0530", "Hellevoetsluis"), ("GM0614", "Westvoorne"))
    ]
    blijft = GemeenteFactory(cbs_code="GM1930", naam="Nissewaard")
    for g in [*oud, blijft]:
        LidmaatschapFactory(regio=regio, gemeente=g, begin=dt.date(2015, 1, 1))
    bestand = tmp_path / "gemeenten-2023.csv"
    bestand.write_bytes(
        _csv(
            "1930;GM1930;Nissewaard;28;PV28;Zuid-Holland",
            "1992;GM1992;Voorne aan Zee;28;PV28;Zuid-Holland",
        )
    )
    uit = StringIO()
    call_command("gemeenten_bijwerken", str(bestand), stdout=uit)
    assert uit.getvalue().splitlines()[-1] == (
        "nieuw=1 hernoemd=0 opgeheven=3 lidmaatschappen_beeindigd=3 lidmaatschappen_begonnen=1"
    )
    for g in oud:
        lid = Lidmaatschap.objects.get(regio=regio, gemeente=g)
        assert lid.einde == dt.date(2022, 12, 31)
        assert lid.toelichting == "Opgegaan in Voorne aan Zee per 01-01-2023"
        g.refresh_from_db()
        assert g.opgeheven_op == dt.date(2023, 1, 1)
    nieuw = Lidmaatschap.objects.get(regio=regio, gemeente__cbs_code="GM1992")
    assert (nieuw.begin, nieuw.einde) == (dt.date(2023, 1, 1), None)
    assert Lidmaatschap.objects.get(gemeente=blijft).einde is None
    call_command("gemeenten_bijwerken", str(bestand), stdout=StringIO())
    assert Lidmaatschap.objects.filter(regio=regio).count() == 5


def test_opgaan_in_een_bestaande_gemeente_vraagt_om_fusie(tmp_path):
    regio = RegioFactory(slug="ams")
    weesp = GemeenteFactory(cbs_code="GM0457", naam="Weesp")
    LidmaatschapFactory(regio=regio, gemeente=weesp)
    GemeenteFactory(cbs_code="GM0363", naam="Amsterdam")
    bestand = tmp_path / "indeling.csv"
    bestand.write_bytes(_csv("0363;GM0363;Amsterdam;27;PV27;Noord-Holland"))
    with pytest.raises(CommandError, match="--fusie GM0457=GMxxxx"):
        call_command("gemeenten_bijwerken", str(bestand), "--peildatum", "2022-03-24")
    assert Lidmaatschap.objects.get(gemeente=weesp).einde is None  # nothing half-done
    call_command(
        "gemeenten_bijwerken",
        str(bestand),
        "--peildatum",
        "2022-03-24",
        "--fusie",
        "GM0457=GM0363",
        stdout=StringIO(),
    )
    assert Lidmaatschap.objects.get(gemeente=weesp).einde == dt.date(2022, 3, 23)
    assert Lidmaatschap.objects.get(gemeente__cbs_code="GM0363").begin == dt.date(2022, 3, 24)


def test_naamswijziging_volgt_de_lijst():
    GemeenteFactory(cbs_code="GM0080", naam="Leeuwarden")
    resultaat = services.gemeentelijke_indeling_verwerken(
        rijen=indeling_lezen(_csv("0080;GM0080;Ljouwert;21;PV21;Fryslân")),
        peildatum=dt.date(2030, 1, 1),
    )
    assert resultaat.hernoemd == [("Leeuwarden", "Ljouwert")]
    assert Gemeente.objects.get(cbs_code="GM0080").provincie == "Fryslân"
