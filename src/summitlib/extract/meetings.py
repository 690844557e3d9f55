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

import datetime as dt
import re
from collections.abc import Sequence

import attrs

from summitlib.extract._context import (
    VENUE_LEAD,
    SentenceCue,
    dates_in,
    entities_in,
    keyword_sentences,
    paragraph_index,
    persons_in,
    sentence_index,
    top_leaders,
    unique_persons,
)
from summitlib.extract._doc import Doc
from summitlib.extract._lexicon import ci_search
from summitlib.extract.entities import EntityKind, EntityMention
from summitlib.model import Meeting, MeetingKind, PartialDate, Person, Precision, Span, Summit

__all__ = ["find_meetings"]

_CALL = re.compile(
    r"\b(?:telefonier\w*|telefonisch|Telefon(?:at|gespräch|gesprächs|konferenz)\w*|Videoschalte\w*"
    r"|Videokonferenz\w*)"
)
_VISIT = re.compile(
    r"\b(?:Staatsbesuch\w*|Arbeitsbesuch\w*|Besuch(?:s|es)?\b|besucht\w*|Antrittsbesuch\w*"
    r"|reiste[n]?\b[^.;]{0,60}?\bnach\b|(?:weiter)?reist\b[^.;]{0,60}?\bnach\b|Reise\s+nach"
    r"|Station\s+gemacht|machte\b[^.;]{0,60}?\bStation)"
)
# Talks: a word ending in "Gespräch…" (Gespräch, Einzelgespräche, not Telefongespräch) or another cue.
_TALKS_NOUN = r"[A-ZÄÖÜ]?[a-zäöüß]*(?<![Tt]elefon)[Gg]espräch\w*"
_TALKS_OTHER = r"""traf(?:en)?\b | trifft | getroffen | zusammen(?:kam|kamen|getroffen|treffen)?\b
        | zusammengekommen | begegnet | Treffen\s+(?:mit|zwischen) | unter\s+vier\s+Augen | Vier-Augen-\w+
        | Treffen\s+(?=[A-ZÄÖÜ][\w-]+s\s+(?:und|mit)\s+[A-ZÄÖÜ])   # "ein Treffen Putins und Trumps"
        | empf(?:ing|angen)\b | Unterredung\w* | berieten | in\s+kleiner\s+Runde | im\s+kleinen\s+Kreis
        | im\s+Beisein"""
_TALKS = re.compile(rf"\b(?: {_TALKS_NOUN} | {_TALKS_OTHER} )", re.VERBOSE)
_TALKS_NOUN_RE = re.compile(rf"\b{_TALKS_NOUN}")
_TALKS_OTHER_RE = re.compile(rf"\b(?: {_TALKS_OTHER} )", re.VERBOSE)
# "sprach (am Sonntag) mit X": talks when a person follows "mit" (not "sprach mit Journalisten über X").
_SPOKE_WITH = re.compile(r"\bsprach(?:en)?\s+(?!sich\b)(?:[\w-]+\s+){0,4}?mit\s+")
_NOT_PARTNER_GAP = re.compile(r"\b(?:über|zu|zum|zur|in|im|auf|am|von|vom|nach|für|bei|beim)\b")
_TRILATERAL = re.compile(r"\b(?:trilateral\w*|Dreiertreffen|Dreiergespräch\w*|zu\s+dritt)", re.I)
_SEPARATE = re.compile(
    r"\b(?:jeweils|Einzelgespräch\w*|getrennt\w*|separat\w*\s+mit|bilateral(?:e[n]?\s+Gespräch\w*)?|nacheinander)\b",
    re.I,
)
_WITH_PARTNER = re.compile(r"\bmit\s+(?:[\w-]+\s+){0,5}\Z")
_SUMMIT_DAY = re.compile(r"\b(?:am\s+)?(?P<n>ersten|zweiten|dritten|letzten)\s+Gipfeltag\b")
_SIDELINES = re.compile(r"\b(?:am\s+Rande|Rande\s+de[sr]|Gipfeltag\w*|während\s+des\s+Gipfels|beim\s+Gipfel)\b", re.I)
_PRONOUN = re.compile(r"\b(?:[Ee]r|ihn|ihm|[Dd]er\s+Gastgeber)\b")
_GUEST = re.compile(r"\b(?:seinen|seinem|ihren|ihrem)\s+Gast\b")
_BOTH = re.compile(
    r"\b(?:[Bb]eide[nr]?|die\s+beiden)\s+(?:Präsidenten|Staatschefs|Politiker|Spitzenpolitiker|Amtskollegen)\b"
)
_NOT_MEETING = re.compile(r"\b(?:Gesprächsbereitschaft|Gesprächsangebot|[ii][nm]s?\s+Gespräch\b)")
# An invitation is no encounter yet ("lud X zu einem Besuch nach Astana ein").
_INVITATION = re.compile(r"\b(?:lud|luden|einlud|eingeladen|Einladung)\b")
# A reception of many guests opens a summit; it is no meeting of its own.
_RECEPTION_ONLY = re.compile(r"\bempf(?:ing|angen)\b")
# "Gespräche mit A und B", "mit A und mit B": one encounter per partner.
_WITH_EACH = re.compile(r"\b(?:Gespräche[n]?\s+mit|mit\s+\S+(?:\s+\S+){0,3}\s+(?:und|sowie)\s+mit)\b")
_FUTURE = re.compile(
    r"\b(?:will|wollen|wollte|wird|werden|soll|sollen|reist|trifft|geplant|vorgesehen|erwartet"
    r"|kommende[nmrs]?|nächste[nmrs]?)\b"
)
_EVENT_RELATIVE = re.compile(r"\b(?:Vortag|Folgetag|Vorabend)\b")


#: Literals of which every match of a meeting cue contains one (see ``sentences_with``; some without
#: their capital, so that the keywords of the automaton share few first letters).
_CUE_WORDS = (
    "elefon",
    "ideo",
    "esuch",
    "reis",
    "Reise",
    "tation",
    "espräch",
    "traf",
    "trifft",
    "getroffen",
    "zusammen",
    "begegnet",
    "reffen",
    "ugen",
    "empf",
    "nterredung",
    "berieten",
    "Runde",
    "Kreis",
    "eisein",
    "sprach",
)
# Literals of which every match of one cue holds one (lowercase for the case-insensitive patterns).
_CALL_WORDS = ("elefon", "Video")
_VISIT_WORDS = ("esuch", "reis", "Reise", "Station")
_TALKS_OTHER_WORDS = (
    "traf",
    "trifft",
    "getroffen",
    "zusammen",
    "begegnet",
    "Treffen",
    "Augen",
    "empf",
    "Unterredung",
    "berieten",
    "Runde",
    "Kreis",
    "Beisein",
)
_INVITATION_WORDS = ("lud", "eladen", "Einladung")
_TRILATERAL_WORDS = ("trilateral", "dreier", "dritt")
_SEPARATE_WORDS = ("jeweils", "einzelgespräch", "getrennt", "separat", "bilateral", "nacheinander")


def _holds(chunk: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` occurs in ``chunk``."""
    return any(map(chunk.__contains__, words))


def _has_talks(s: str) -> bool:
    """``_TALKS.search(s) is not None``, quicker: the noun part is tried from the word of the first
    "espräch" on (no match can start before it), the other part only if one of its words occurs."""
    i = s.find("espräch")
    if i != -1 and _TALKS_NOUN_RE.search(s, s.rfind(" ", 0, i) + 1) is not None:
        return True
    return _holds(s, _TALKS_OTHER_WORDS) and _TALKS_OTHER_RE.search(s) is not None


def _kind(sentence: str) -> MeetingKind | None:
    if "Gespräch" in sentence and _NOT_MEETING.search(sentence) and not _has_talks(_NOT_MEETING.sub("", sentence)):
        return None
    if _holds(sentence, _CALL_WORDS) and _CALL.search(sentence):
        return MeetingKind.CALL
    if _holds(sentence, _VISIT_WORDS) and _VISIT.search(sentence):
        return MeetingKind.VISIT
    if _has_talks(sentence):
        return MeetingKind.BILATERAL
    return None


def _previous_subject(doc: Doc, before: int) -> EntityMention | None:
    """The person a pronoun most likely points to: the first person of an earlier clause of its sentence,
    else of the closest earlier sentence."""
    i = sentence_index(doc, before)
    earlier = persons_in(doc, doc.sentences[i].start, before)  # an earlier clause of the same sentence
    if earlier:
        return earlier[0]
    for j in range(i - 1, max(i - 4, -1), -1):
        sent = doc.sentences[j]
        people = persons_in(doc, sent.start, sent.end)
        if people:
            return people[0]
    return None


def _venue(doc: Doc, sent: Span) -> tuple[str | None, str | None]:
    for e in entities_in(doc, sent.start, sent.end):
        if e.kind is EntityKind.CITY and VENUE_LEAD.search(doc.text[max(sent.start, e.span.start - 30) : e.span.start]):
            return e.key, e.country
    return None, None


_VISIT_NOUN = re.compile(r"(?:[Bb]esuch\w*|reist\w*|Reise)\s+(?:in|nach)\s+(?:die\s+|der\s+|das\s+)?")


def _visit_venue(doc: Doc, sent: Span) -> tuple[str | None, str | None]:
    """The place a visit phrase names: "Staatsbesuch in Tadschikistan", "reist … nach Astana"."""
    for lead in _VISIT_NOUN.finditer(doc.text, sent.start, sent.end):
        for e in entities_in(doc, lead.end(), min(sent.end, lead.end() + 30)):
            if e.span.start != lead.end():
                break
            if e.kind is EntityKind.CITY:
                return e.key, e.country
            if e.kind is EntityKind.COUNTRY:
                return None, e.key
    return None, None


def _country_of_venue(doc: Doc, sent: Span) -> str | None:
    for e in entities_in(doc, sent.start, sent.end):
        if e.kind in (EntityKind.CITY, EntityKind.COUNTRY) and VENUE_LEAD.search(
            doc.text[max(sent.start, e.span.start - 30) : e.span.start]
        ):
            return e.country if e.kind is EntityKind.CITY else e.key
    return None


def _date(doc: Doc, sent: Span, summits: Sequence[Summit], chunk: str) -> PartialDate | None:
    """The earliest day or month the sentence gives for the encounter.

    "am Vortag"/"am Folgetag" count from the summit's date when there is one; a weekday in a sentence
    about a plan ("reist am Donnerstag weiter") is the next such day, not the last.
    """
    found: list[PartialDate] = []
    for d in dates_in(doc, sent.start, sent.end):
        if d.date.precision is Precision.YEAR:
            continue
        value = d.date
        if (
            _EVENT_RELATIVE.search(d.span.text)
            and summits
            and summits[0].date is not None
            and summits[0].date.precision is Precision.DAY
        ):
            shift = -1 if "Vor" in d.span.text else 1
            base = summits[0].date.start
            value = PartialDate.day(base + dt.timedelta(days=shift))
        elif d.relative and value.precision is Precision.DAY and _FUTURE.search(chunk):
            published = doc.published
            if published is not None and value.start < published:
                value = PartialDate.day(value.start + dt.timedelta(days=7))
        found.append(value)
    day = _SUMMIT_DAY.search(chunk) if "Gipfeltag" in chunk else None
    if day and summits and summits[0].date is not None:
        first = summits[0].date
        n = {"ersten": 0, "zweiten": 1, "dritten": 2}.get(day.group("n"))
        at = first.start + dt.timedelta(days=n) if n is not None else first.end
        found.append(PartialDate.day(min(at, first.end)))
    return min(found, key=lambda d: d.start) if found else None


def _summit_sentences(doc: Doc, summits: Sequence[Summit]) -> dict[int, int]:
    """Sentence index -> index of the first summit mentioned in it."""
    out: dict[int, int] = {}
    for i, s in enumerate(summits):
        for ev in s.evidence:
            out.setdefault(sentence_index(doc, ev.start), i)
    return out


def _during(summit: Summit, city: str | None, date: PartialDate | None) -> bool:
    """Talks in the summit's city while it runs (up to two days after its first day) are on its sidelines."""
    if city is None or city != summit.city or summit.date is None:
        return False
    return date is None or summit.date.start <= date.start <= summit.date.end + dt.timedelta(days=2)


def _host(
    doc: Doc, country: str | None, exclude: set[str], where: Span, *, state_visit: bool = False
) -> EntityMention | None:
    """The host of a visit to ``country``: its leader as the article names them (for a state visit its
    head of state), else (for a visit to a state whose leader the article leaves unnamed) its head of
    state on the publication day."""
    if country is None:
        return None
    named = next(
        (
            e
            for e in doc.leader_rank
            if e.country == country and e.key not in exclude and (not state_visit or e.role == "head_of_state")
        ),
        None,
    ) or next((e for e in doc.leader_rank if e.country == country and e.key not in exclude), None)
    if named is not None or doc.published is None:
        return named
    from summitlib.gazetteer import leaders_of

    rows = [r for r in leaders_of(country, "head_of_state", doc.published) if r.canonical not in exclude]
    if not rows:
        return None
    return EntityMention(
        span=where,
        kind=EntityKind.PERSON,
        key=rows[0].canonical,
        country=country,
        role="head_of_state",
        form="role_phrase",
        is_leader=True,
    )


class _Sidelines:
    """The sentences that say "am Rande des Gipfels", tried lazily: which one was the last one read."""

    __slots__ = ("_doc", "_last", "_read", "_resolved", "cue")

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self.cue = SentenceCue(doc, _SIDELINES, ("Rande", "Gipfel", "gipfel"))
        self._read: list[int] = []  # candidate sentences read so far, in order
        self._resolved = 0  # how many of them ``_last`` accounts for
        self._last: int | None = None  # paragraph of the last sidelines sentence among those

    def read(self, i: int) -> None:
        """Note that sentence ``i`` was read."""
        if i in self.cue.candidates:
            self._read.append(i)

    def last_paragraph(self) -> int | None:
        """The paragraph of the last sentence read so far that speaks of the sidelines (None if none did);
        the candidates are tried from the last one back, each at most once."""
        for j in range(len(self._read) - 1, self._resolved - 1, -1):
            k = self._read[j]
            if k in self.cue:
                self._last = paragraph_index(self._doc, self._doc.sentences[k].start)
                break
        self._resolved = len(self._read)
        return self._last


def find_meetings(doc: Doc, summits: Sequence[Summit]) -> list[Meeting]:
    """The meetings between named leaders an article reports, in text order.

    Returns:
        One :class:`Meeting` per encounter; a state visit is one ``visit`` (its talks are not repeated).
    """
    text = doc.text
    out: list[Meeting] = []
    lead = doc.sentences[2].end if len(doc.sentences) > 2 else len(text)
    main_reported = bool(summits) and any(ev.start < lead for ev in summits[0].evidence)
    subheads = doc.article.subheadings

    def paragraph_of(offset: int) -> int:
        return paragraph_index(doc, offset)

    cues = keyword_sentences(doc, _CUE_WORDS) if doc.sentences else set()
    mentioned = _summit_sentences(doc, summits)
    side = _Sidelines(doc)
    for i, sent, whole in _units(doc, cues | side.cue.candidates):
        if subheads and any(s.start <= sent.start < s.end for s in subheads):
            continue
        side.read(i)
        chunk = text[sent.start : sent.end]
        # every cue match holds a cue word, so a sentence without one has no kind
        kind = _kind(chunk) if i in cues else None
        if kind is None and i in cues and "sprach" in chunk and _spoke_with(doc, sent):
            kind = MeetingKind.BILATERAL
        if kind is None or (_holds(chunk, _INVITATION_WORDS) and _INVITATION.search(chunk)):
            continue
        sidelines = i in side.cue and (whole or _SIDELINES.search(chunk) is not None)
        para = paragraph_of(sent.start)
        people = [p for p in persons_in(doc, sent.start, sent.end) if p.role != "minister" or kind is MeetingKind.CALL]
        trilateral = ci_search(_TRILATERAL, chunk, _TRILATERAL_WORDS)
        if (
            "empf" in chunk
            and _RECEPTION_ONLY.search(chunk)
            and len({p.key for p in people}) > 2
            and not _has_talks(_RECEPTION_ONLY.sub("", chunk))
        ):
            continue  # the host receiving every guest of a summit
        if len({p.key for p in people}) > 3 and not (
            ci_search(_SEPARATE, chunk, _SEPARATE_WORDS) or trilateral or "Beisein" in chunk
        ):
            continue  # "Putin traf dort auf Tokajew, Rachmon, Mirsijojew, …": the gathering, not talks
        people = _resolve_references(doc, sent, chunk, people, summits)
        city, country = _visit_venue(doc, sent) if kind is MeetingKind.VISIT else (None, None)
        if city is None and country is None:
            city, country = _venue(doc, sent)
        if kind is MeetingKind.CALL:
            city = country = None  # a call has no place ("nach Angaben des Präsidialamts in Astana")
        date = _date(doc, sent, summits, chunk)
        if kind is MeetingKind.VISIT and len({p.key for p in people}) == 1:
            visited = country or _country_of_venue(doc, sent) or _other_state(doc, sent, people[0])
            # protocol: a state visit, or a head of state's visit, is hosted by the head of state
            state_visit = "Staatsbesuch" in chunk or people[0].role == "head_of_state"
            host = _host(doc, visited, {p.key for p in people}, sent, state_visit=state_visit)
            country = country or visited
            if host is not None:
                people = [*people, host]
        if kind is MeetingKind.VISIT and city is None:
            city = _capital(country or _country_of_venue(doc, sent))
            country = country or _country_of_venue(doc, sent)
        if (
            len({p.key for p in people}) == 1
            and kind is MeetingKind.BILATERAL
            and _WITH_PARTNER.search(text, max(sent.start, people[0].span.start - 60), people[0].span.start)
        ):
            # "Das erste Gespräch am Rande des Gipfels mit Xi Jinping …": the article's protagonist
            protagonist = _previous_subject(doc, sent.start)
            if protagonist is not None and protagonist.key != people[0].key:
                people = [protagonist, *people]
        persons = unique_persons(people)
        if persons and summits and kind is MeetingKind.BILATERAL and ("ede" in chunk or "einzeln" in chunk):
            each = _each_leader(doc, sent, chunk, persons[0], summits=summits, summit=mentioned.get(i, 0), date=date)
            if each:
                out.extend(each)
                continue
        if trilateral and len(persons) < 3:
            persons = unique_persons([*people, *top_leaders(doc, 3 - len(persons), {p.name for p in persons})])
        if len(persons) < 2:
            continue
        talks = kind not in (MeetingKind.VISIT, MeetingKind.CALL)
        on_sidelines = (
            sidelines
            or ("Gipfel" in chunk and kind is not MeetingKind.VISIT)
            or (talks and city is None and (side.last_paragraph() == para or (date is None and main_reported)))
        )
        if talks and not on_sidelines and summits and _during(summits[0], city, date):
            on_sidelines = True
        if sidelines and city is not None:
            rande = _SIDELINES.search(chunk)
            if rande is not None and any(
                e.kind is EntityKind.CITY and e.key == city and e.span.start - sent.start > rande.start()
                for e in entities_in(doc, sent.start, sent.end)
            ):
                city = None  # "am Rande des Gipfels in Lima": the summit's venue, not the meeting's
        summit = mentioned.get(i, 0) if on_sidelines and summits else None
        if sidelines and city is not None and summit is not None and summits[summit].city == city:
            city = None  # "In Samarkand traf Putin am Rande des Gipfels …": the summit's venue
        evidence = (Span.of(text, sent.start, sent.end),)
        groups: list[tuple[Person, ...]]
        if (
            len(persons) > 2
            and not trilateral
            and (_SEPARATE.search(chunk) or _WITH_EACH.search(chunk) or not _coordinated(text, people))
        ):
            groups = [(persons[0], p) for p in persons[1:]]
        else:
            groups = [tuple(persons)]
        for group in groups:
            k = kind
            if k is MeetingKind.BILATERAL and len(group) == 3:
                k = MeetingKind.TRILATERAL
            elif k is MeetingKind.BILATERAL and len(group) > 3:
                k = MeetingKind.MULTILATERAL
            out.append(Meeting(group, k, summit, city, country if city else None, date, (), evidence))
    return _dedupe(out)


def _spoke_with(doc: Doc, sent: Span) -> bool:
    """Whether the unit says a leader "sprach mit" another person (talks, as "traf")."""
    text = doc.text
    for m in _SPOKE_WITH.finditer(text, sent.start, sent.end):
        partners = persons_in(doc, m.end(), min(sent.end, m.end() + 60))
        if partners:
            gap = text[m.end() : partners[0].span.start]
            # "mit den Präsidenten Kasachstans, Usbekistans, …" (a plural) is a round, not talks
            if len(gap.split()) <= 4 and _NOT_PARTNER_GAP.search(gap) is None and not gap.startswith("den "):
                return True
    return False


# "traf die Präsidenten einzeln", "mit jedem der fünf Staatschefs": talks with each leader of the summit.
_EACH_OF = re.compile(
    r"""\b(?:mit\s+(?:jedem|jeder|allen)\s+(?:der\s+)?(?:\w+\s+)?(?:Präsidenten|Staatschefs|Staats-\s+und\s+Regierungschefs
                                                    |Amtskollegen|Teilnehmer[n]?|Gäste[n]?)
         | (?:Präsidenten|Staatschefs|Amtskollegen|Gäste|Teilnehmer)\s+(?:\w+\s+)?einzeln
         | einzeln\s+mit\s+(?:allen|den)\s)""",
    re.VERBOSE,
)


def _each_leader(
    doc: Doc,
    sent: Span,
    chunk: str,
    subject: Person,
    *,
    summits: Sequence[Summit],
    summit: int,
    date: PartialDate | None,
) -> list[Meeting]:
    """One bilateral of ``subject`` with each leader of the summit, when the unit says it met them one
    by one ("traf die Präsidenten einzeln", "führte mit jedem der fünf Präsidenten ein Einzelgespräch")."""
    if _EACH_OF.search(chunk) is None:
        return []
    leaders = summits[summit].leaders
    chair = summits[summit].chair
    if subject.name not in {p.name for p in leaders} and (chair is None or chair.name != subject.name):
        return []  # the subject is no participant of that summit: not its round of talks
    evidence = (Span.of(doc.text, sent.start, sent.end),)
    return [
        Meeting((subject, other), MeetingKind.BILATERAL, summit, None, None, date, (), evidence)
        for other in leaders
        if other.name != subject.name
    ]


def _units(doc: Doc, wanted: set[int]) -> list[tuple[int, Span, bool]]:
    """The sentences of index in ``wanted`` as units of one encounter each, in text order, with their
    index and whether the unit is the whole sentence: a sentence joins independent reports with a
    semicolon ("traf Modi Lula; am Dienstag reist der Regierungschef zu einem Staatsbesuch nach Brasília
    weiter" is talks and a visit)."""
    text = doc.text
    sentences = doc.sentences
    out: list[tuple[int, Span, bool]] = []
    for i in sorted(wanted):
        sent = sentences[i]
        semi = text.find("; ", sent.start, sent.end)
        if semi < 0:
            out.append((i, sent, True))
            continue
        start = sent.start
        while semi >= 0:
            out.append((i, Span.of(text, start, semi + 1), False))
            start = semi + 2
            semi = text.find("; ", start, sent.end)
        out.append((i, Span.of(text, start, sent.end), False))
    return out


# Between two coordinated persons: a comma or "und", an article, and up to three words of a role phrase
# ("Anutin Charnvirakul und der kambodschanische Regierungschef Hun Manet").
_COORDINATION = re.compile(r"\s*(?:,|und|sowie)\s*(?:und\s+)?(?:der|die|dem|den)?\s*(?:[\w-]+\s+){0,3}\Z")


def _coordinated(text: str, people: Sequence[EntityMention]) -> bool:
    """Whether the first two persons are one coordinated subject ("Erdoğan, Alijew und Tokajew berieten")
    rather than a subject and its partners ("Erdoğan traf Alijew und Tokajew": one meeting each)."""
    ordered = sorted(people, key=lambda p: p.span.start)
    if len(ordered) < 2:
        return True
    return bool(_COORDINATION.match(text, ordered[0].span.end, ordered[1].span.start))


def _resolve_references(
    doc: Doc, sent: Span, chunk: str, people: list[EntityMention], summits: Sequence[Summit]
) -> list[EntityMention]:
    """Add the persons a pronoun, "Der Gastgeber", "seinen Gast" or "beide Präsidenten" stand for."""
    first_person = people[0].span.start - sent.start if people else len(chunk)
    keys = {p.key for p in people}
    if len(keys) < 2 and "eide" in chunk and _BOTH.search(chunk):
        return [*top_leaders(doc, 2), *people]
    pron = _PRONOUN.search(chunk) if first_person > 0 else None  # none can stand before offset 0
    if pron and pron.start() < first_person:
        if pron.group().endswith("Gastgeber") and summits and summits[0].chair is not None:
            return [_as_mention(doc, summits[0].chair, sent.start + pron.start(), sent.start + pron.end()), *people]
        prev = _previous_subject(doc, sent.start)
        if prev is not None and prev.key not in keys:
            return [prev, *people]
    if len(keys) < 2 and "Gast" in chunk and _GUEST.search(chunk):
        other = top_leaders(doc, 1, keys)
        return [*people, *other]
    return people


def _other_state(doc: Doc, sent: Span, visitor: EntityMention) -> str | None:
    """The one state other than the visitor's that a visit sentence names ("Xi hatte Kasachstan einen
    Staatsbesuch abgestattet")."""
    states = {
        c.key
        for c in entities_in(doc, sent.start, sent.end, EntityKind.COUNTRY)
        if c.form == "name" and c.key != visitor.country
    }
    return states.pop() if len(states) == 1 else None


def _capital(country: str | None) -> str | None:
    """The capital of a state, for a state visit that names only the state."""
    if country is None:
        return None
    from summitlib.gazetteer import cities

    return next((c.name_en for c in cities() if c.country == country and c.capital), None)


def _as_mention(doc: Doc, person: Person, start: int, end: int) -> EntityMention:
    return EntityMention(
        span=Span.of(doc.text, start, end),
        kind=EntityKind.PERSON,
        key=person.name,
        country=person.country,
        role="head_of_state",
        form="role_phrase",
        is_leader=True,
    )


def _dedupe(meetings: list[Meeting]) -> list[Meeting]:
    """One entry per encounter.

    A later mention of the same participants merges into an earlier one (a call never with a visit) when
    it adds no place or date of its own, or when it repeats a visit's talks (same place, overlapping
    dates); a visit takes the place and date such a repetition gives ("wurde am Donnerstag von Steinmeier empfangen").
    """
    out: list[Meeting] = []
    seen: dict[frozenset[str], list[int]] = {}
    for m in meetings:
        same = seen.setdefault(frozenset(p.name for p in m.participants), [])
        merged = False
        for j in same:
            o = out[j]
            if {o.kind, m.kind} == {MeetingKind.CALL, MeetingKind.VISIT}:
                continue  # a phone call and a visit are two encounters ("telefonierte …; will … besuchen")
            plain_repeat = m.city is None and m.date is None and (m.summit is None or o.summit == m.summit)
            visit_talks = (
                (o.summit == m.summit or (o.kind is MeetingKind.VISIT and m.summit is None))
                and (m.city is None or o.city in (None, m.city))
                and (m.date is None or o.date is None or o.date.overlaps(m.date.start, m.date.end))
            )
            # one state visit may take in several cities ("weiter nach Chiwa") over a few days
            same_trip = (
                o.kind is MeetingKind.VISIT
                and m.kind is MeetingKind.VISIT
                and (o.date is None or m.date is None or abs((m.date.start - o.date.start).days) <= 4)
            )
            if plain_repeat or visit_talks or same_trip:
                if o.kind is MeetingKind.VISIT and m.summit is None and not same_trip:
                    out[j] = attrs.evolve(
                        o, city=o.city or m.city, date=o.date or m.date, evidence=o.evidence + m.evidence
                    )
                merged = True
                break
        if not merged:
            same.append(len(out))
            out.append(m)
    return out
