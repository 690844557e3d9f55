"""Meetings: talks, visits and calls between named leaders, linked to a summit when on its sidelines.

The grammar: a sentence with a meeting cue (``Gespräch``, ``traf sich mit``, ``kam … zusammen``,
``unter vier Augen``, ``Staatsbesuch``, ``telefonierte`` …, see ``_CUES``) and at least two persons,
counting a pronoun subject (``er``, ``Der Gastgeber``, ``beide Präsidenten``) resolved to the person the
text last spoke of. ``Gespräche mit A und B`` or ``jeweils zu Einzelgesprächen mit A, B und C`` are one
bilateral per partner; three named leaders with a trilateral cue are one trilateral. A visit to a city or
state whose host the sentence leaves unnamed takes the leader of that state the article mentions. A
meeting is on a summit's sidelines when its sentence says so (``am Rande des Gipfels``, ``am ersten
Gipfeltag``) or continues a paragraph that did, without a place or date of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summitlib.extract._context import entities_in, persons_in, unique_persons
from summitlib.extract._doc import Doc
from summitlib.extract.entities import EntityKind, EntityMention
from summitlib.model import Meeting, MeetingKind, PartialDate, Person, Precision, Span, Summit

__all__ = ["find_meetings"]

_CALL = re.compile(r"\b(?:telefonier\w*|Telefon(?:at|gespräch|gesprächs|konferenz)\w*|Videoschalte\w*|Videokonferenz\w*)")
_VISIT = re.compile(
    r"\b(?:Staatsbesuch\w*|Arbeitsbesuch\w*|Besuch(?:s|es)?\b|besucht\w*|Antrittsbesuch\w*"
    r"|reiste[n]?\b[^.;]{0,60}?\bnach\b|(?:weiter)?reist\b[^.;]{0,60}?\bnach\b|Reise\s+nach)"
)
_TALKS = re.compile(
    r"""\b(?: Gespräch\w* | traf(?:en)?\b | trifft | getroffen | zusammen(?:kam|kamen|getroffen|treffen)?\b
        | zusammengekommen | begegnet | Treffen\s+mit | unter\s+vier\s+Augen | Vier-Augen-\w+
        | empf(?:ing|angen)\b | Unterredung\w* )""",
    re.VERBOSE,
)
_TRILATERAL = re.compile(r"\b(?:trilateral\w*|Dreiertreffen|Dreiergespräch\w*|zu\s+dritt)", re.I)
_SEPARATE = re.compile(r"\b(?:jeweils|Einzelgespräch\w*|getrennt\w*|separat\w*\s+mit)\b", re.I)
_SIDELINES = re.compile(r"\b(?:am\s+Rande|Rande\s+de[sr]|Gipfeltag\w*|während\s+des\s+Gipfels|beim\s+Gipfel)\b", re.I)
_PRONOUN = re.compile(
    r"\b(?:[Ee]r|ihn|ihm|[Dd]er\s+Gastgeber|seinen\s+Gast|seinem\s+Gast|[Dd]er\s+Kremlchef)\b"
)
_BOTH = re.compile(r"\b[Bb]eide[nr]?\s+(?:Präsidenten|Staatschefs|Politiker|Spitzenpolitiker)\b")
_NOT_MEETING = re.compile(r"\b(?:Gesprächsbereitschaft|Gesprächsangebot|im\s+Gespräch\b)")
_VENUE_PREP = re.compile(r"(?:\bin|\bim|\bnach)\s+(?:der\s+|dem\s+)?(?:\w+\s+){0,2}\Z")


def _kind(sentence: str) -> MeetingKind | None:
    if _NOT_MEETING.search(sentence) and not _TALKS.search(_NOT_MEETING.sub("", sentence)):
        return None
    if _CALL.search(sentence):
        return MeetingKind.CALL
    if _VISIT.search(sentence):
        return MeetingKind.VISIT
    if _TALKS.search(sentence):
        return MeetingKind.BILATERAL
    return None


def _last_leaders(doc: Doc, before: int, n: int) -> list[EntityMention]:
    """The ``n`` most recently mentioned distinct persons before ``before`` (leaders preferred)."""
    out: list[EntityMention] = []
    for e in reversed(doc.entities):
        if e.span.start >= before or e.kind is not EntityKind.PERSON:
            continue
        if e.key not in {o.key for o in out} and (e.is_leader or e.role is None):
            out.append(e)
            if len(out) == n:
                break
    return out


def _venue(doc: Doc, sent: Span) -> tuple[str | None, str | None]:
    for e in entities_in(doc, sent.start, sent.end):
        if e.kind is EntityKind.CITY and _VENUE_PREP.search(doc.text[max(sent.start, e.span.start - 30) : e.span.start]):
            return e.key, e.country
    return None, None


def _country_of_venue(doc: Doc, sent: Span) -> str | None:
    for e in entities_in(doc, sent.start, sent.end):
        if e.kind in (EntityKind.CITY, EntityKind.COUNTRY) and _VENUE_PREP.search(
            doc.text[max(sent.start, e.span.start - 30) : e.span.start]
        ):
            return e.country if e.kind is EntityKind.CITY else e.key
    return None


def _date(doc: Doc, sent: Span) -> PartialDate | None:
    found = [d.date for d in doc.dates if sent.start <= d.span.start < sent.end and d.date.precision is not Precision.YEAR]
    return min(found, key=lambda d: d.start) if found else None


def _summit_of(doc: Doc, sent: Span, summits: Sequence[Summit]) -> int | None:
    for i, s in enumerate(summits):
        if any(sent.start <= ev.start < sent.end for ev in s.evidence):
            return i
    return 0 if summits else None


def _host(doc: Doc, country: str | None, exclude: set[str]) -> EntityMention | None:
    if country is None:
        return None
    for e in doc.entities:
        if e.kind is EntityKind.PERSON and e.is_leader and e.country == country and e.key not in exclude:
            return e
    return None


def find_meetings(doc: Doc, summits: Sequence[Summit]) -> list[Meeting]:
    """The meetings between named leaders an article reports, in text order.

    Returns:
        One :class:`Meeting` per encounter; a state visit is one ``visit`` (its talks are not repeated).
    """
    text = doc.text
    out: list[Meeting] = []
    sideline_paragraph: int | None = None
    paragraphs = doc.article.paragraphs
    subheads = doc.article.subheadings

    def paragraph_of(offset: int) -> int:
        return next((i for i, p in enumerate(paragraphs) if p.start <= offset < p.end), -1)

    for sent in doc.sentences:
        if any(s.start <= sent.start < s.end for s in subheads):
            continue
        chunk = text[sent.start : sent.end]
        kind = _kind(chunk)
        sidelines = bool(_SIDELINES.search(chunk))
        para = paragraph_of(sent.start)
        if sidelines:
            sideline_paragraph = para
        if kind is None:
            continue
        people = [p for p in persons_in(doc, sent.start, sent.end) if p.role != "minister" or kind is MeetingKind.CALL]
        if _BOTH.search(chunk) and len({p.key for p in people}) < 2:
            people = _last_leaders(doc, sent.start, 2) + people
        pron = _PRONOUN.search(chunk)
        if pron and len({p.key for p in people}) < 2:
            if re.match(r"[Dd]er\s+Gastgeber", pron.group()) and summits and summits[0].chair is not None:
                host = summits[0].chair
                people = [*people, _as_mention(doc, host, pron)]
            else:
                prev = _last_leaders(doc, sent.start, 2)
                have = {p.key for p in people}
                extra = next((p for p in prev if p.key not in have), None)
                if extra is not None:
                    people = [extra, *people]
        city, country = _venue(doc, sent)
        date = _date(doc, sent)
        if kind is MeetingKind.VISIT and len({p.key for p in people}) == 1:
            host = _host(doc, country or _country_of_venue(doc, sent), {p.key for p in people})
            if host is not None:
                people = [*people, host]
        persons = unique_persons(people)
        if len(persons) < 2:
            continue
        on_sidelines = sidelines or ("Gipfel" in chunk and kind is not MeetingKind.VISIT) or (
            sideline_paragraph == para and city is None and kind is MeetingKind.BILATERAL
        )
        summit = _summit_of(doc, sent, summits) if on_sidelines and summits else None
        evidence = (Span.of(text, sent.start, sent.end),)
        groups: list[tuple[Person, ...]]
        if kind is MeetingKind.BILATERAL and _TRILATERAL.search(chunk) and len(persons) >= 3:
            groups, kind = [tuple(persons[:3])], MeetingKind.TRILATERAL
        elif len(persons) > 2 and (_SEPARATE.search(chunk) or kind is not MeetingKind.CALL):
            lead = persons[0]
            groups = [(lead, p) for p in persons[1:]]
        else:
            groups = [tuple(persons)]
        for group in groups:
            k = kind
            if k is MeetingKind.BILATERAL and len(group) > 3:
                k = MeetingKind.MULTILATERAL
            out.append(Meeting(group, k, summit, city if not on_sidelines else None,
                               country if not on_sidelines else None,
                               date, (), evidence))
    return _dedupe(out)


def _as_mention(doc: Doc, person: Person, where: re.Match[str]) -> EntityMention:
    return EntityMention(
        span=Span.of(doc.text, where.start(), where.end()), kind=EntityKind.PERSON, key=person.name,
        country=person.country, role="head_of_state", form="role_phrase", is_leader=True,
    )


def _dedupe(meetings: list[Meeting]) -> list[Meeting]:
    """One entry per encounter: repeated talks of a visit, or the same sideline talks twice, merge."""
    out: list[Meeting] = []
    for m in meetings:
        keys = frozenset(p.name for p in m.participants)
        dup = next(
            (
                o for o in out
                if frozenset(p.name for p in o.participants) == keys
                and (o.summit == m.summit or (o.kind is MeetingKind.VISIT and m.summit is None))
                and (m.city is None or o.city in (None, m.city))
                and (m.date is None or o.date is None or o.date.overlaps(m.date.start, m.date.end))
            ),
            None,
        )
        if dup is None:
            out.append(m)
    return out

