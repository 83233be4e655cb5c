"""Read the forms of a page the way a browser does, to send them back unchanged.

`formulieren(html)` returns every <form> with its method, action and the values a browser would
submit without the user touching anything. A browser sanitises some values first (HTML
"value sanitization algorithm"): a date input whose value is not yyyy-mm-dd is empty, a time
input needs HH:MM, a number input a number, a colour input #rrggbb. That is exactly what broke
the memo header: the server rendered "23-01-2020" into a date input, the browser showed nothing
and sent nothing. The parser applies the same rules, so a test sees what a user would send.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

GELDIG = {
    "date": re.compile(r"\d{4,}-\d{2}-\d{2}"),
    "time": re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?"),
    "month": re.compile(r"\d{4,}-\d{2}"),
    "datetime-local": re.compile(r"\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?"),
    "number": re.compile(r"-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?"),
    "color": re.compile(r"#[0-9a-fA-F]{6}"),
}
NIET_VERSTUURD = {"submit", "button", "reset", "image", "file"}


def browserwaarde(soort: str, waarde: str) -> str:
    """The value a browser submits for an input of type `soort` rendered with `waarde`."""
    if soort == "color":
        return waarde.lower() if GELDIG["color"].fullmatch(waarde) else "#000000"
    patroon = GELDIG.get(soort)
    if patroon is not None and not patroon.fullmatch(waarde):
        return ""
    if soort not in ("textarea", "hidden", "password"):
        # Browsers strip newlines from single-line inputs.
        waarde = waarde.replace("\r", "").replace("\n", "")
    return waarde


@dataclass
class Formulier:
    methode: str
    actie: str | None
    velden: list[tuple[str, str]] = field(default_factory=list)
    # Each date/time input: (name, type, rendered value), to check what the server rendered.
    invoer: list[tuple[str, str, str]] = field(default_factory=list)

    def data(self) -> dict[str, list[str]]:
        uit: dict[str, list[str]] = {}
        for naam, waarde in self.velden:
            uit.setdefault(naam, []).append(waarde)
        return uit

    @property
    def namen(self) -> set[str]:
        return {naam for naam, _ in self.velden}


class _Lezer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.formulieren: list[Formulier] = []
        self.huidig: Formulier | None = None
        self.textarea: tuple[str, list[str]] | None = None
        self.select: dict | None = None
        self.optie: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self.huidig = Formulier(
                methode=(a.get("method") or "get").lower(),
                actie=a.get("action") or a.get("hx-post") or None,
            )
            self.formulieren.append(self.huidig)
            return
        if self.huidig is None or "disabled" in a:
            return
        naam = a.get("name")
        if tag == "input" and naam:
            soort = (a.get("type") or "text").lower()
            if soort in NIET_VERSTUURD:
                return
            if soort in ("checkbox", "radio"):
                if "checked" in a:
                    self.huidig.velden.append((naam, a.get("value", "on")))
                return
            waarde = a.get("value", "")
            self.huidig.invoer.append((naam, soort, waarde))
            self.huidig.velden.append((naam, browserwaarde(soort, waarde)))
        elif tag == "textarea" and naam:
            self.textarea = (naam, [])
        elif tag == "select" and naam:
            self.select = {"naam": naam, "opties": [], "gekozen": [], "meer": "multiple" in a}
        elif tag == "option" and self.select is not None:
            self.optie = {"waarde": a.get("value"), "tekst": [], "gekozen": "selected" in a}

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1].append(data)
        if self.optie is not None:
            self.optie["tekst"].append(data)

    def _optie_sluiten(self):
        if self.optie is not None and self.select is not None:
            waarde = self.optie["waarde"]
            if waarde is None:
                waarde = "".join(self.optie["tekst"]).strip()
            self.select["opties"].append(waarde)
            if self.optie["gekozen"]:
                self.select["gekozen"].append(waarde)
            self.optie = None

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None and self.huidig is not None:
            naam, delen = self.textarea
            tekst = "".join(delen).replace("\r\n", "\n")
            # A browser drops the one newline that directly follows <textarea> (Django writes it).
            tekst = tekst.removeprefix("\n")
            self.huidig.velden.append((naam, tekst))
            self.textarea = None
        elif tag == "option":
            self._optie_sluiten()
        elif tag == "select" and self.select is not None and self.huidig is not None:
            self._optie_sluiten()
            gekozen = self.select["gekozen"]
            if not gekozen and not self.select["meer"] and self.select["opties"]:
                gekozen = self.select["opties"][:1]
            for waarde in gekozen if self.select["meer"] else gekozen[-1:]:
                self.huidig.velden.append((self.select["naam"], waarde))
            self.select = None
        elif tag == "form":
            self.huidig = None


def formulieren(html: str) -> list[Formulier]:
    lezer = _Lezer()
    lezer.feed(html)
    lezer.close()
    return lezer.formulieren
