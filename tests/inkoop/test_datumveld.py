"""Dates as day, month and year (NL Design System date input): Dutch errors, nothing lost."""

import datetime as dt

import pytest
from django import forms

from inkoop.core.velden import Datumveld


class Formulier(forms.Form):
    datum = Datumveld(label="Datum van het besluit")
    later = Datumveld(label="Later", required=False)


def _delen(dag, maand, jaar, naam="datum"):
    return {f"{naam}_dag": dag, f"{naam}_maand": maand, f"{naam}_jaar": jaar}


def test_dag_maand_jaar_geeft_de_datum():
    form = Formulier(_delen("1", "3", "2027"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"datum": dt.date(2027, 3, 1), "later": None}


@pytest.mark.parametrize(
    ("delen", "melding"),
    [
        (("31", "02", "2027"), "31-02-2027 bestaat niet: kies een bestaande datum."),
        # Beyond a C int (found by the parameter sweep): an error at the field, no 500.
        (("1", "1", "2147483648"), "1-1-2147483648 bestaat niet: kies een bestaande datum."),
        (("1", "", "2027"), "Vul ook de maand in."),
        (("", "", "2027"), "Vul ook de dag en de maand in."),
        (("1", "maart", "2027"), "Vul de dag, de maand en het jaar in cijfers in."),
        (("1", "3", "1999"), "Kies een datum tussen 01-01-2000 en 31-12-2100."),
        (("", "", ""), "Dit veld is verplicht."),
    ],
)
def test_foute_datum_geeft_nederlandse_melding_en_houdt_de_invoer(delen, melding):
    form = Formulier(_delen(*delen))
    assert form.errors["datum"] == [melding]
    html = str(form["datum"])
    for deel, naam in zip(delen, ("dag", "maand", "jaar"), strict=True):
        assert f'name="datum_{naam}"' in html
        if deel:
            assert f'value="{deel}"' in html


def test_opgeslagen_datum_staat_in_de_drie_vakken_met_labels():
    html = str(Formulier(initial={"datum": dt.date(2027, 1, 23)})["datum"])
    for label, waarde in [("Dag", "23"), ("Maand", "1"), ("Jaar", "2027")]:
        assert f">{label}</label>" in html
        assert f'value="{waarde}"' in html
    assert 'for="id_datum_0"' in html and 'id="id_datum_0"' in html
    assert Formulier()["datum"].id_for_label == "id_datum_0"


@pytest.mark.parametrize("tekst", ["2027-01-23", "23-01-2027"])
def test_hele_datum_onder_de_veldnaam_blijft_werken(tekst):
    form = Formulier({"datum": tekst})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["datum"] == dt.date(2027, 1, 23)


def test_onveranderde_datum_is_geen_wijziging():
    form = Formulier(_delen("23", "1", "2027"), initial={"datum": dt.date(2027, 1, 23)})
    assert "datum" not in form.changed_data
