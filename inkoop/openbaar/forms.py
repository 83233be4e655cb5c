from django import forms

from inkoop.core.velden import LangeTekst, eenregelig_maken


class IntrekkenForm(forms.Form):
    reden = LangeTekst(
        label="Reden van intrekken",
        help_text="Deze reden blijft op de openbare pagina staan.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


eenregelig_maken(globals())
