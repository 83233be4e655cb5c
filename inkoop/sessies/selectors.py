"""Reads for sessions, minutes, input, the response report (reactienota) and the planning.

Every page reads with a fixed number of queries, however many items a session or round has.
"""

import datetime as dt

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit
from inkoop.core.velden import EERSTE_DATUM, LAATSTE_DATUM
from inkoop.sessies.constants import Verwerking
from inkoop.sessies.models import Actiepunt, Agendapunt, Conclusie, Inbreng, Sessie, Stelling
from inkoop.trajecten.models import Mijlpaal, Traject
from uitgangspunten.models import Uitgangspunt

# Input answered neither in the session nor in writing: the filter twin of Inbreng.beantwoord.
ONBEANTWOORD = Q(verwerking=Verwerking.OPEN, antwoord="")

UITGANGSPUNTEN_KORT = Uitgangspunt.objects.only("id", "uid", "titel", "traject_id")


def sessies_lijst(qs):
    return (
        qs.select_related("traject", "gremium", "regio")
        .annotate(aantal_inbreng=Count("inbreng", distinct=True))
        .order_by("-datum", "-begintijd", "titel")
    )


def inbreng_queryset():
    return Inbreng.objects.select_related("voorziening", "sessie").prefetch_related(
        Prefetch("uitgangspunten", queryset=UITGANGSPUNTEN_KORT.order_by("volgorde", "pk"))
    )


def verslag_is_vastgesteld(sessie) -> bool:
    """Minutes are adopted when a later session or a body's decision recorded "vastgesteld"
    on them, or the secretary adopted them (no later session). One rule for the session page,
    the adoption services and the PDF's CONCEPT mark."""
    if sessie.verslag_vastgesteld_op is not None:
        return True
    return Besluit.objects.filter(verslag_van=sessie, uitkomst=Uitkomst.VASTGESTELD).exists()


def ronde_gesloten(traject) -> bool:
    """A round is closed once a body adopted a version of one of its documents: from then on
    its response report is final and readable for every role."""
    return Besluit.objects.filter(
        versie__document__traject=traject, uitkomst=Uitkomst.VASTGESTELD
    ).exists()


def vastgestelde_verslagen(traject):
    """Sessions of a round whose minutes were adopted, with the adopting decision."""
    vaststellingen = Besluit.objects.filter(uitkomst=Uitkomst.VASTGESTELD).select_related(
        "sessie", "gremium"
    )
    return (
        Sessie.objects.filter(
            traject=traject,
            verslag_besluiten__uitkomst=Uitkomst.VASTGESTELD,
        )
        .distinct()
        .select_related("gremium")
        .prefetch_related(
            Prefetch("verslag_besluiten", queryset=vaststellingen, to_attr="vastgesteld_in")
        )
        .order_by("datum", "pk")
    )


def sessie_detail(pk) -> Sessie:
    vaststellingen = Besluit.objects.filter(uitkomst=Uitkomst.VASTGESTELD).select_related(
        "sessie", "gremium"
    )
    return (
        Sessie.objects.select_related(
            "regio", "traject", "traject__regio", "gremium", "verslag_vastgesteld_door"
        )
        .prefetch_related(
            "deelnemers",
            "afgemeld",
            "gasten",
            Prefetch(
                "agendapunten",
                queryset=Agendapunt.objects.select_related(
                    "document", "versie", "voorziening", "voorstel"
                ),
            ),
            Prefetch("conclusies", queryset=Conclusie.objects.select_related("voorziening")),
            Prefetch("stellingen", queryset=Stelling.objects.select_related("voorziening")),
            Prefetch("inbreng", queryset=inbreng_queryset()),
            Prefetch(
                "actiepunten", queryset=Actiepunt.objects.select_related("eigenaar_gebruiker")
            ),
            Prefetch("verslag_besluiten", queryset=vaststellingen, to_attr="vastgesteld_in"),
            Prefetch(
                "besluiten",
                queryset=Besluit.objects.filter(verslag_van__isnull=False).select_related(
                    "verslag_van"
                ),
                to_attr="vastgestelde_verslagen",
            ),
        )
        .get(pk=pk)
    )


def verslag_per_agendapunt(sessie) -> list[dict]:
    """The minutes as the meeting went: per agenda item its introduction, its questions and
    remarks, its statements (each with its result, the input asked under it, its conclusions and
    action points), its conclusions and action points. Items under no agenda item come first
    ("Algemeen", untitled when the session has no agenda). Reads the prefetches of
    `sessie_detail`: no queries of its own.

    [{"agendapunt": Agendapunt | None, "inbreng": [...], "stellingen": [{"stelling", "inbreng",
      "conclusies", "actiepunten"}], "conclusies": [...], "actiepunten": [...]}]"""
    agendapunten = list(sessie.agendapunten.all())
    stellingen = list(sessie.stellingen.all())
    per_stelling = {st.pk: st for st in stellingen}
    groepen = {None: {"agendapunt": None}}
    for punt in agendapunten:
        groepen[punt.pk] = {"agendapunt": punt}
    for groep in groepen.values():
        groep.update(inbreng=[], stellingen=[], conclusies=[], actiepunten=[])
    blokken = {}
    for st in stellingen:
        blok = {"stelling": st, "inbreng": [], "conclusies": [], "actiepunten": []}
        blokken[st.pk] = blok
        groepen.get(st.agendapunt_id, groepen[None])["stellingen"].append(blok)

    def plaats(item, lijst):
        stelling_id = getattr(item, "stelling_id", None)
        if stelling_id in blokken:
            blokken[stelling_id][lijst].append(item)
            return
        punt = item.agendapunt_id
        if punt is None and stelling_id in per_stelling:
            punt = per_stelling[stelling_id].agendapunt_id
        groepen.get(punt, groepen[None])[lijst].append(item)

    for item in sessie.inbreng.all():
        plaats(item, "inbreng")
    for item in sessie.conclusies.all():
        plaats(item, "conclusies")
    for item in sessie.actiepunten.all():
        plaats(item, "actiepunten")
    algemeen = groepen.pop(None)
    leeg = not any(algemeen[k] for k in ("inbreng", "stellingen", "conclusies", "actiepunten"))
    return ([] if leeg else [algemeen]) + list(groepen.values())


def agendapunt_van(item, stellingen: dict) -> int | None:
    """The agenda item an item of the minutes stands under: its own, else its statement's."""
    if item.agendapunt_id is None and getattr(item, "stelling_id", None) in stellingen:
        return stellingen[item.stelling_id].agendapunt_id
    return item.agendapunt_id


def onderdelen_per_agendapunt(sessie) -> list[dict]:
    """The editable items of the minutes per agenda item, in agenda order, and last those under
    no agenda item (always there: its forms add items without one). Per kind, flat (the edit
    page shows each item once; `verslag_per_agendapunt` nests them under their statements for
    reading). Reads the prefetches of `sessie_detail`: no queries of its own.

    [{"agendapunt": Agendapunt | None, "inbreng": [...], "stelling": [...], "conclusie": [...],
      "actiepunt": [...]}]"""
    stellingen = {st.pk: st for st in sessie.stellingen.all()}
    groepen = {punt.pk: {"agendapunt": punt} for punt in sessie.agendapunten.all()}
    groepen[None] = {"agendapunt": None}
    for groep in groepen.values():
        groep.update(inbreng=[], stelling=[], conclusie=[], actiepunt=[])
    for soort, items in (
        ("inbreng", sessie.inbreng.all()), ("stelling", stellingen.values()),
        ("conclusie", sessie.conclusies.all()), ("actiepunt", sessie.actiepunten.all()),
    ):  # fmt: skip
        for item in items:
            groepen.get(agendapunt_van(item, stellingen), groepen[None])[soort].append(item)
    return list(groepen.values())


def open_inbreng(traject: Traject, voorziening=None):
    """Input of a round (or of one of its services) that still has no answer."""
    qs = inbreng_queryset().filter(traject=traject, verwerking=Verwerking.OPEN)
    if voorziening is not None:
        qs = qs.filter(voorziening=voorziening)
    return qs.order_by("sessie__datum", "volgorde", "pk")


def open_inbreng_bij_voorziening(voorziening) -> list[dict]:
    """Per round of a service: how much input is still unanswered (for the service page).

    [{"traject": Traject, "aantal": n}]; the include
    inkoop/sessies/_open_inbreng_bij_voorziening.html renders it with a link to the round's
    input list filtered on the service.
    """
    rijen = (
        Inbreng.objects.filter(voorziening=voorziening, verwerking=Verwerking.OPEN)
        .values("traject")
        .annotate(aantal=Count("pk"))
        .order_by()
    )
    aantallen = {r["traject"]: r["aantal"] for r in rijen}
    trajecten = Traject.objects.filter(pk__in=aantallen).select_related("regio")
    return [{"traject": t, "aantal": aantallen[t.pk]} for t in trajecten]


def bron_tekst(inbreng) -> str:
    bron = inbreng.get_bron_soort_display()
    return f"{bron}: {inbreng.bron_naam}" if inbreng.bron_naam else str(bron)


def reactienota(traject: Traject, voorziening=None) -> dict:
    """The response report as plain data (for the page and the PDF).

    {"traject": naam, "voorziening": naam or None, "aantal": n, "groepen": [
        {"titel": "Algemeen" | service name, "voorziening_id": id or None, "items": [
            {"pk", "soort", "tekst", "antwoord", "bron", "bron_soort", "bron_naam",
             "sessie": {"titel", "datum"} or None, "uitgangspunten": [{"titel", "url"}],
             "verwerking" (code, "" = open), "verwerking_label" (Inbreng.antwoord_status),
             "beantwoord", "toelichting"}]}], "onbeantwoord": n}
    General input ("Algemeen") first, then services in their usual order.
    """
    qs = inbreng_queryset().filter(traject=traject)
    if voorziening is not None:
        qs = qs.filter(voorziening=voorziening)
    qs = qs.order_by(
        "voorziening__volgorde", "voorziening__naam", "sessie__datum", "volgorde", "pk"
    )
    groepen: dict = {}
    for inbreng in qs:
        sleutel = inbreng.voorziening_id
        if sleutel not in groepen:
            groepen[sleutel] = {
                "titel": inbreng.voorziening.naam if sleutel else "Algemeen",
                "voorziening_id": sleutel,
                "items": [],
            }
        groepen[sleutel]["items"].append(
            {
                "pk": inbreng.pk,
                "soort": inbreng.get_soort_display(),
                "tekst": inbreng.tekst,
                "antwoord": inbreng.antwoord,
                "bron": bron_tekst(inbreng),
                "bron_soort": inbreng.bron_soort,
                "bron_naam": inbreng.bron_naam,
                "sessie": (
                    {"titel": inbreng.sessie.titel, "datum": inbreng.sessie.datum}
                    if inbreng.sessie_id
                    else None
                ),
                "uitgangspunten": [
                    {"titel": u.titel, "url": u.get_absolute_url()}
                    for u in inbreng.uitgangspunten.all()
                ],
                "verwerking": inbreng.verwerking,
                "verwerking_label": inbreng.antwoord_status,
                "beantwoord": inbreng.beantwoord,
                "toelichting": inbreng.verwerking_toelichting,
            }
        )
    lijst = list(groepen.values())
    lijst.sort(key=lambda g: g["voorziening_id"] is not None)  # stable: Algemeen first
    return {
        "traject": traject.naam,
        "voorziening": voorziening.naam if voorziening is not None else None,
        "aantal": sum(len(g["items"]) for g in lijst),
        "onbeantwoord": sum(1 for g in lijst for i in g["items"] if not i["beantwoord"]),
        "groepen": lijst,
    }


# ---------- Planning ----------


def agenda_items(traject: Traject):
    """Sessions and dated milestones of a round, for the calendar export.

    Only dates in the range a form accepts (inkoop.core.velden: 2000 to 2100): a date outside
    it can only have come in past the forms (the admin, an import), is no real appointment, and
    would overflow the calendar arithmetic; the planning page still shows it."""
    bereik = (EERSTE_DATUM, LAATSTE_DATUM)
    sessies = list(
        Sessie.objects.filter(traject=traject, datum__range=bereik)
        .select_related("gremium")
        .order_by("datum")
    )
    mijlpalen = list(
        Mijlpaal.objects.filter(traject=traject, datum__range=bereik).order_by("datum")
    )
    return sessies, mijlpalen


def agenda_ics(traject: Traject) -> bytes:
    """An iCalendar file of a round's sessions and dated milestones.

    Sessions with times start and end in Europe/Amsterdam time; sessions without times and
    milestones are all-day events. UIDs stay the same for the same object, so calendar apps
    update an event instead of duplicating it on a new import.
    """
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    zone = ZoneInfo("Europe/Amsterdam")
    cal = Calendar()
    cal.add("prodid", "-//Inkoopbeleid sociaal domein//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{traject.naam} ({traject.regio.naam})")
    sessies, mijlpalen = agenda_items(traject)
    nu = timezone.now()
    for sessie in sessies:
        event = Event()
        event.add("uid", f"sessie-{sessie.pk}@inkoopbeleid-sociaal-domein")
        event.add("dtstamp", nu)
        event.add("summary", sessie.titel)
        if sessie.begintijd:
            begin = dt.datetime.combine(sessie.datum, sessie.begintijd, tzinfo=zone)
            event.add("dtstart", begin)
            if sessie.eindtijd:
                event.add("dtend", dt.datetime.combine(sessie.datum, sessie.eindtijd, tzinfo=zone))
        else:
            event.add("dtstart", sessie.datum)
            event.add("dtend", sessie.datum + dt.timedelta(days=1))
        if sessie.locatie:
            event.add("location", sessie.locatie)
        omschrijving = [sessie.get_soort_display()]
        if sessie.gremium_id:
            omschrijving.append(sessie.gremium.naam)
        if sessie.doel:
            omschrijving.append(sessie.doel)
        event.add("description", "\n".join(str(d) for d in omschrijving))
        cal.add_component(event)
    for mijlpaal in mijlpalen:
        event = Event()
        event.add("uid", f"mijlpaal-{mijlpaal.pk}@inkoopbeleid-sociaal-domein")
        event.add("dtstamp", nu)
        event.add("summary", mijlpaal.omschrijving)
        event.add("dtstart", mijlpaal.datum)
        event.add("dtend", mijlpaal.datum + dt.timedelta(days=1))
        event.add("description", f"Mijlpaal, status: {mijlpaal.get_status_display().lower()}")
        cal.add_component(event)
    if sessies:
        # Only the time zone rules for the years the sessions span keep the file small.
        cal.add_missing_timezones(
            first_date=sessies[0].datum - dt.timedelta(days=366),
            last_date=sessies[-1].datum + dt.timedelta(days=366),
        )
    return cal.to_ical()
