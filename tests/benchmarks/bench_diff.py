"""Diff benchmark (issue 11, punt 14): a document of 30 sections of 20,000 characters compared
with its draft, through the function the compare page, the review and the redline PDF use.

Run: .venv/bin/python tests/benchmarks/bench_diff.py   (make bench-diff)
Two drafts of the same document are measured, each in CPU seconds of one comparison:
- bewerkt:     a realistic draft: in every section words changed in a few paragraphs, one
               paragraph added and one removed (all marked word by word);
- herschreven: every section rewritten completely on one line without punctuation, the
               worst case for a word diff (it ran for over a minute before the limit).
Last line: sections=30 chars=600000 diff_s=X   (X: the slower of the two; must be under 1 s)
"""

import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inkoop.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from inkoop.core.diff import inhoud_diff  # noqa: E402

SECTIES = 30
TEKENS = 20_000
GRENS_S = 1.0
WOORDEN = (
    "de het een en van regio gemeente gemeenten zorg aanbieder aanbieders inkoop contract "
    "tarief tarieven toegang jeugd wmo ondersteuning samen beleid partnerschap bekostiging "
    "contractmanagement huishoudelijke hulp dagbesteding begeleiding inwoners kwaliteit"
).split()


def alinea(rnd: random.Random) -> str:
    zinnen = []
    for _ in range(rnd.randint(3, 6)):
        woorden = [rnd.choice(WOORDEN) for _ in range(rnd.randint(8, 18))]
        zinnen.append(" ".join(woorden).capitalize() + ".")
    return " ".join(zinnen)


def sectietekst(rnd: random.Random) -> list[str]:
    alineas, lengte = [], 0
    while lengte < TEKENS:
        alineas.append(alinea(rnd))
        lengte += len(alineas[-1]) + 2
    tekst = "\n\n".join(alineas)[:TEKENS]
    return tekst.split("\n\n")


def bewerken(alineas: list[str], rnd: random.Random) -> str:
    nieuw = list(alineas)
    for i in rnd.sample(range(len(nieuw)), 4):
        woorden = nieuw[i].split(" ")
        for j in rnd.sample(range(len(woorden)), 3):
            woorden[j] = rnd.choice(WOORDEN)
        nieuw[i] = " ".join(woorden)
    del nieuw[rnd.randrange(len(nieuw))]
    nieuw.insert(rnd.randrange(len(nieuw)), alinea(rnd))
    return "\n\n".join(nieuw)


def herschrijven(rnd: random.Random) -> str:
    return " ".join(rnd.choice(WOORDEN) for _ in range(TEKENS))[:TEKENS]


def inhoud(teksten: list[str]) -> dict:
    return {
        "kop": {"betreft": "Uitgangspunten inkoop"},
        "secties": [
            {"id": i, "titel": f"Hoofdstuk {i + 1}", "tekst": t} for i, t in enumerate(teksten)
        ],
    }


def meten(oud: dict, nieuw: dict) -> tuple[float, dict]:
    begin = time.process_time()
    diff = inhoud_diff(oud, nieuw, labels=True)
    return time.process_time() - begin, diff


def main() -> int:
    rnd = random.Random(20261111)
    alineas = [sectietekst(rnd) for _ in range(SECTIES)]
    versie = inhoud(["\n\n".join(a) for a in alineas])
    tekens = sum(len(s["tekst"]) for s in versie["secties"])
    bewerkt_s, bewerkt = meten(versie, inhoud([bewerken(a, rnd) for a in alineas]))
    herschreven_s, herschreven = meten(versie, inhoud([herschrijven(rnd) for _ in alineas]))
    print(
        f"bewerkt:     {bewerkt_s:.3f} s, {len(bewerkt['secties'])} secties gewijzigd, "
        f"woord voor woord: {'nee' if bewerkt['begrensd'] else 'ja'}"
    )
    print(
        f"herschreven: {herschreven_s:.3f} s, {len(herschreven['secties'])} secties gewijzigd, "
        f"begrensd met melding: {'ja' if herschreven['begrensd'] else 'nee'}"
    )
    diff_s = max(bewerkt_s, herschreven_s)
    print(f"sections={SECTIES} chars={tekens} diff_s={diff_s:.3f}")
    return 0 if diff_s < GRENS_S else 1


if __name__ == "__main__":
    sys.exit(main())
