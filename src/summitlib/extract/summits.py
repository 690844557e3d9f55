"""Summits: which multilateral gatherings an article reports, where, when, chaired by whom, with whom.

The grammar, in steps:

1. **Mentions.** A summit noun (``Gipfel``, ``Gipfeltreffen``, ``Konsultativtreffen``, ``Rat der
   Staatschefs``, ``Oberster Eurasischer Wirtschaftsrat``…, see ``data/summit_terms_de.tsv``), also as
   the head of a compound (``SOZ-Gipfel``, ``Brics-Gipfels``, ``Klimagipfel``). Its organization comes
   from the compound (``GUS-Gipfel``), a following genitive or format (``Gipfel der Organisation
   Türkischer Staaten``, ``Gipfeltreffen EU–Zentralasien``, ``im Format „Zentralasien plus 1“``), or the
   noun itself; a proper adjective or an unknown compound (``Kaspischen Gipfel``, ``Aralsee-Gipfel``)
   makes it ``OTHER``.
2. **Features** of each mention from its own clause: venue (``in Duschanbe``, ``im usbekischen
   Samarkand``, ``in der kasachischen Hauptstadt``, ``in China``), date, and whether it points to another
   occasion (``das nächste Gipfeltreffen``, ``ein erster … Gipfel hatte``, ``soll 2027 … stattfinden``).
3. **Instances.** Mentions merge into the first instance they do not contradict (organization, venue,
   date); a mention pointing to another occasion starts a new instance only if it says something of its
   own (a venue, a date or a host). The first instance is the article's main summit.
4. **Chair**: the person the text names as host or chair (``Gastgeber``, ``unter dem Vorsitz von``,
   ``dessen Land den Vorsitz innehatte``, ``lud … zum nächsten Gipfel … ein``); for the main summit,
   failing that, the leader of the venue's state.
5. **Participants**: for a main summit named in the lead, every head of state or government the
   article mentions, except those named as absent, and the states of every participant or participation
   list (``darunter Russland, Belarus, …``); for other summits, the leaders of their own sentences.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

import attrs

from summitlib._data import read_rows
from summitlib.extract._context import (
    ABSENCE,
    ABSENCE_WORDS,
    VENUE_LEAD,
    SentenceCue,
    codes,
    dates_in,
    entities_in,
    keyword_ends,
    keyword_offsets,
    paragraph_index,
    person_of,
    persons_in,
    sentence_at,
    sentence_entities,
    sentence_index,
    sentence_persons,
    top_leaders,
    unique_persons,
    venue_lead_before,
)
from summitlib.extract._doc import Doc
from summitlib.extract._lexicon import ci_search
from summitlib.extract.entities import EntityKind, EntityMention
from summitlib.gazetteer import leads_on
from summitlib.model import PartialDate, Person, Precision, Span, Summit, _span

__all__ = ["find_summits"]

# ----------------------------------------------------------------- lexicon


@attrs.frozen
class _Term:
    pattern: re.Pattern[str]
    organization: str | None
    anchor: str
    anaphoric: bool = False  # "Sitzung des Rates", "Treffen in diesem Format": another occasion of a named body


@cache
def _terms() -> tuple[_Term, ...]:
    """The summit nouns of ``summit_terms_de.tsv``, each compiled with a right word boundary (organization
    ``~``: the noun refers back to a summit named before)."""
    out: list[_Term] = []
    for row in read_rows("summit_terms_de.tsv")[1]:  # pattern, organization, anchor, note
        # A noun is a whole word or the head of a compound ("SOZ-Gipfel", "Klimagipfel"): only its
        # right edge must be a word boundary; the left side is inspected separately.
        anaphoric = row[1] == "~"
        out.append(
            _Term(re.compile(row[0] + r"(?![\wäöüß])"), None if anaphoric else row[1] or None, row[2], anaphoric)
        )
    return tuple(out)


@cache
def _anchors() -> tuple[str, ...]:
    return tuple(t.anchor for t in _terms())


def _anchor_starts(ends: list[int], anchor: str) -> list[int]:
    """The offsets ``str.find`` would step through: each occurrence not overlapping the one before."""
    size = len(anchor)
    out: list[int] = []
    after = 0
    for end in ends:
        i = end - size + 1
        if i >= after:
            out.append(i)
            after = i + size
    return out


def _noun_matches(doc: Doc) -> list[tuple[re.Match[str], _Term]]:
    """Every summit noun in the text, in order, without overlaps.

    Each term's anchor is found by the document's keyword automaton and its pattern tried only in a
    small window around each hit: a single alternation of all terms, tried at every position of the
    text, costs ten times as much.
    """
    text = doc.text
    found: list[tuple[re.Match[str], _Term]] = []
    size = len(text)
    hits = keyword_ends(doc, _anchors())
    for term in _terms():
        for i in _anchor_starts(hits.get(term.anchor, []), term.anchor):
            lo, hi = max(0, i - 12), min(size, i + len(term.anchor) + 80)
            m = term.pattern.search(text, lo, hi)
            while m is not None and m.end() <= i:
                m = term.pattern.search(text, m.end(), hi)
            if m is not None and m.start() <= i + len(term.anchor) and (m.end() < hi or hi == size):
                found.append((m, term))
    found.sort(key=lambda mt: (mt[0].start(), -mt[0].end()))
    out: list[tuple[re.Match[str], _Term]] = []
    last_end = -1
    for m, term in found:
        if m.start() >= last_end:
            out.append((m, term))
            last_end = m.end()
    return out


_COMPOUND_HEAD = re.compile(r"[Gg]ipfel")

# Words in the few tokens before a noun that point to another occasion than the one reported.
_NEXT = re.compile(
    r"\b(?:nächste[nmrs]?|kommende[nmrs]?|künftige[nmrs]?|bevorstehende[nmrs]?|folgende[nmrs]?"
    r"|geplante[nmrs]?|anstehende[nmrs]?)\b",
    re.IGNORECASE,
)
_PREVIOUS = re.compile(
    r"\b(?:vorige[nmrs]?|vorherige[nmrs]?|letzte[nmrs]?|vergangene[nmrs]?|frühere[nmrs]?|erste[nmrs]?)\b",
    re.IGNORECASE,
)
# Clause cues: the mention is about a future occasion, or a past one told in the pluperfect.
_FUTURE_CLAUSE = re.compile(
    r"\b(?:soll|sollen|solle|werde|werden|wird|geplant|vorgesehen|ausrichten|einlud|ein\b(?=[.;]))",
    re.IGNORECASE,
)
_AGO = re.compile(
    r"\bvergangene[nmrs]?\b|\bletzte[nmrs]?\b|\bvorige[nmrs]?\b|\b(?:Jahre?n?|Monate?n?|Wochen?)\s+nach\s+de[mr]\b",
    re.IGNORECASE,
)
# A bare summit noun: another occasion of the same format unless the text says otherwise.
_PLAIN_NOUN = re.compile(
    r"Gipfel(?:treffen)?s?(?:\s+der\s+(?:Organisation|Gruppe|Gemeinschaft|Allianz|Union|Staatschefs)"
    r"|\s+des\s+(?:Bündnisses|Formats|Blocks|Verbunds))?"
)
# Literals (lowercase for the case-insensitive patterns) of which every match of a pattern holds one.
_NEXT_WORDS = ("nächste", "kommende", "künftige", "bevorstehende", "folgende", "geplante", "anstehende")
_PREVIOUS_WORDS = ("vorige", "vorherige", "letzte", "vergangene", "frühere", "erste")
_FUTURE_WORDS = ("soll", "werde", "wird", "geplant", "vorgesehen", "ausrichten", "einlud", "ein.", "ein;")
_AGO_WORDS = ("vergangene", "letzte", "vorige", "nach")
_LOWER_FORMAT_WORDS = ("trilateral", "dreier", "vierer")
_HABITUAL_WORDS = ("alle", "jährlich", "regelmäßig", "turnusmäßig")
_HABITUAL = re.compile(r"\balle\s+(?:zwei|drei|vier|fünf|\d)\s+Jahre\b|\bjährlich\b|\bregelmäßig\b|\bturnusmäßig\b")
_SIDELINES_OF = re.compile(r"\b[Rr]ande\s+de[sr]\s+(?:\w+\s+)?\Z")
# A state that will host: "Indien werde den nächsten Gipfel im kommenden Jahr ausrichten".
_HOSTS_NEXT = re.compile(
    r"\b(?:ausrichten|ausrichtet|ausrichte|ausgerichtet|Gastgeber(?:land)?|übernimmt\s+den\s+Vorsitz)\b"
)
_PAST_CLAUSE = re.compile(r"\b(?:hatte|hatten|war|waren)\b")

# Determiners, prepositions and the like that may stand capitalised before a noun but are no format.
_NOT_FORMAT = frozenset(
    [
        "Beim",
        "Bei",
        "Dem",
        "Den",
        "Der",
        "Die",
        "Das",
        "Des",
        "Am",
        "Im",
        "Zum",
        "Zur",
        "Vom",
        "Ein",
        "Eine",
        "Einen",
        "Einem",
        "Eines",
        "Auf",
        "Nach",
        "Vor",
        "Seit",
        "Diesem",
        "Dieser",
        "Dieses",
        "Diesen",
        "Jenem",
        "Ihrem",
        "Ihren",
        "Seinem",
        "Seinen",
        "Unser",
        "Unserem",
        "Auch",
        "Zu",
        "Mit",
        "Ohne",
        "Für",
        "Vom",
        "Während",
        "Wegen",
        "Trotz",
        "Nächsten",
        "Nächste",
        "Kommenden",
        "Ersten",
        "Zweiten",
        "Dritten",
        "Letzten",
    ]
)
_ORDINAL = re.compile(r"\d{1,3}\.")
_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:en|er|e|es|em)\Z")
# A format of its own ("trilateralen Gipfeltreffen"); "informell", "außerordentlich" and "Sonder-" do not
# change whose summit it is.
_LOWER_FORMAT = re.compile(r"\b(?:trilateral|dreier|vierer)\w*\s*\Z", re.I)

# Text between a noun and an organization that belongs to the summit's name.
_NAME_BRIDGE = re.compile(
    r"""\A(?:\s+(?:der|des|im\s+Format|zum\s+Thema|von|zwischen\s+der|zwischen\s+den)\s+[„«"‚]?   # "Gipfel der SOZ"
        |\s+der\s+(?:Staats-\s+und\s+Regierungschefs|Staatschefs|Staatsoberhäupter|Mitgliedstaaten
            |Mitgliedsstaaten|Präsidenten)\s+(?:der|des)\s+               # "Gipfeltreffen der Staatschefs der GUS"
        |\s*[„«"‚]?\s*                                                  # "Gipfel „Zentralasien – China“"
        )\Z""",
    re.VERBOSE,
)
_PARTICIPATION = re.compile(
    r"""\b(?: [Tt]eil(?:nehmen|nahmen|nahm|genommen|zunehmen) | nahm(?:en)?\b | [Dd]arunter | Delegation
        | Mitglied | vertreten | Gäste? | Gast\b | anwesend | reisten | angereist | kamen | versammelt
        | zusammengekommen | Teilnehmer | Staats-\s+und\s+Regierungschefs | Staatschefs | Präsidenten
        | unterzeichneten | verabschiedeten )""",
    re.VERBOSE,
)
# The keywords of the automaton share few first letters (each distinct first letter slows it for every
# character of the text), so some are given without their capital: "taatschefs" for "Staatschefs".
_PARTICIPATION_WORDS = (
    "eilnehm",
    "eilnahm",
    "eilgenommen",
    "eilzunehm",
    "nahm",
    "arunter",
    "elegation",
    "itglied",
    "vertreten",
    "Gast",
    "Gäste",
    "anwesend",
    "reisten",
    "angereist",
    "kamen",
    "versammelt",
    "zusammengekommen",
    "Regierungschefs",
    "taatschefs",
    "räsidenten",
    "unterzeichneten",
    "verabschiedeten",
)
_EXCLUDED_BEFORE = re.compile(r"\b(?:[Oo]hne|außer|ausser|Fernbleiben|Abwesenheit|Boykott|Absage)\s+(?:\w+\s+){0,1}\Z")
_EXCLUDED_WORDS = ("hne", "außer", "ausser", "ernbleiben", "bwesenheit", "kott", "bsage")
_LIST_GAP = re.compile(r"\A(?:\s*,\s*|\s+und\s+|\s+sowie\s+|\s*,\s*und\s+)(?:die\s+|der\s+|den\s+)?\Z")
# A leader named only as the object of thanks or congratulation is no participant ("dankte X für").
_OBJECT_OF_SPEECH = re.compile(r"\b(?:dankte[n]?|gratulierte[n]?|würdigte[n]?)\s+(?:\w+\s+){0,3}\Z")
_MEETING_CUE = re.compile(
    r"\b(?:zusammengetroffen|getroffen|traf|treffen|trifft|empfing|empfangen|Gespräch\w*|besucht\w*|reist)\b"
)
_ELSEWHERE = re.compile(r"\b(?:telefonier\w*|Telefon\w*|Staatsbesuch\w*|reiste[n]?\s+(?:\w+\s+){0,3}weiter)")
_BOTH = re.compile(r"\b[Bb]eide[nr]?\s+(?:Präsidenten|Staatschefs|Seiten|Politiker|Amtskollegen)\b")

# Chair cues before and after a person mention.
_CHAIR_BEFORE = re.compile(
    r"(?:Gastgebers?|Gastgeberin|Vorsitz(?:es)?\s+(?:von|des|der)?|Vorsitzende[rn]?|geleitet\s+von|"
    r"Vorsitz\s+(?:führte|hatte|übernahm|innehatte))\s+(?:\w+\s+){0,4}\Z"
)
_CHAIR_AFTER = re.compile(
    r"\A(?:[^.;]{0,40}?\bals\s+Gastgeber|(?:\s+(?:mit|an|bekannt))?,\s+(?:dessen\s+Land|der|die)\s+den\s+Vorsitz"
    r"|\s+(?:eröffnete|leitete)\b|[^.;]{0,15}\s+geleitete[nrs]?\b|[^.;]{0,60}?\blud\b[^.;]{0,80}?\b(?:zum|zu\s+dem)\s+"
    r"(?:nächsten|kommenden)\b)"
)
#: Literals of which every ``_CHAIR_AFTER`` match holds one (a cheap test before the pattern).
# "neben dem Gastgeber auch Lukaschenko": a guest named beside the host.
_BESIDE_HOST = re.compile(
    r"\b(?:[Nn]eben|[Aa]ußer)\s+(?:dem|der|ihrem|seinem)\s+Gastgeber(?:in)?\s*(?:,|\bauch\b|\bnoch\b|\bsowie\b)"
)
_CHAIR_AFTER_WORDS = ("Gastgeber", "Vorsitz", "eröffnete", "leitete", "lud")
#: Literals of which every chair cue before or after a person holds one.
_CHAIR_WORDS = ("Gastgeber", "rsitz", "geleitet", "eröffnete", "leitete", "lud")
_UNKNOWN_BODY = re.compile(r"\s+de[sr]\s+(?:Internationalen|Zwischenstaatlichen|Organisation|Fonds|Forums)")
_HOST_LEAD = re.compile(r"\bGastgeber(?:in)?\b")
_INVITE = re.compile(r"\b(?:lud|luden|einlud|einluden|eingeladen|ausrichten|ausrichtet)\b")
# Verbs by which a host is named: inviting, receiving, hosting.
_HOSTING = re.compile(
    r"\b(?:lud|luden|lädt|einlud|einluden|eingeladen|einladen|empfangen|empfängt|empfing|richtet|richtete"
    r"|ausrichten|ausrichtet|ausgerichtet|Gastgeber(?:in)?)\b"
)
_HOSTING_WORDS = ("lud", "lädt", "laden", "empf", "richte", "Gastgeber")
# Between a verb in first position and its subject: "lädt Tadschikistans Präsident Rachmon …".
_HOST_SUBJECT_AFTER = re.compile(r"\s*(?:[\w'-]+\s+){0,3}\Z")
_PRONOUN_SUBJECT = re.compile(r"\b(?:[Ee]r|[Ss]ie)\b")

_DATE_WINDOW = 140
_VENUE_WINDOW = 120


@attrs.frozen
class _Mention:
    span: Span
    name: str
    org: str | None
    other: str  # "" for the occasion reported, "next" or "previous" for another one
    city: EntityMention | None
    country: str | None
    date: PartialDate | None
    sentence: int
    paragraph: int
    nearby_orgs: frozenset[str] = frozenset()  # organizations named in the mention's sentence


@attrs.define
class _Instance:
    mentions: list[_Mention]
    org: str | None
    city: EntityMention | None
    country: str | None
    date: PartialDate | None
    other: str
    chair: Person | None = None

    def conflicts(self, m: _Mention) -> bool:
        if m.org and self.org and m.org != self.org:
            return True
        if m.city and self.city and m.city.key != self.city.key:
            return True
        if m.country and self.country and m.country != self.country:
            return True
        return bool(m.date and self.date and not _close(m.date, self.date))

    def near(self, m: _Mention) -> bool:
        """Whether ``m`` stands in the lead or in a paragraph where this summit was already named."""
        return m.sentence < _LEAD_SENTENCES or any(o.paragraph == m.paragraph for o in self.mentions)

    def accepts(self, m: _Mention) -> bool:
        """A mention joins an instance it does not contradict; one without an organization of its own
        may fill the instance's missing venue or date only from nearby ("Gipfelforum in Aschgabat" four
        paragraphs later is another occasion)."""
        if self.conflicts(m):
            return False
        if self.org is None and m.org is not None:
            # a summit whose own sentences name another body is not this one ("Gipfel der GUS-
            # Staatschefs" and, a paragraph later, "der Oberste Eurasische Wirtschaftsrat")
            named = frozenset().union(*(o.nearby_orgs for o in self.mentions))
            if named and m.org not in named:
                return False
        adds = (m.city and not self.city) or (m.country and not self.country) or (m.date and not self.date)
        return not (adds and m.org is None and not self.near(m))

    def absorb(self, m: _Mention) -> None:
        self.mentions.append(m)
        self.org = self.org or m.org
        self.city = self.city or m.city
        self.country = self.country or m.country
        if m.date and (self.date is None or m.date.start < self.date.start):
            self.date = m.date if self.date is None or _close(m.date, self.date) else self.date


def _close(a: PartialDate, b: PartialDate) -> bool:
    """Two dates of one multi-day event: overlapping or at most three days apart."""
    return a.start <= b.end + _DAYS3 and b.start <= a.end + _DAYS3


import datetime as _dt  # noqa: E402 - kept next to its one use

_DAYS3 = _dt.timedelta(days=3)


# ----------------------------------------------------------------- mentions
def _organization_near(doc: Doc, start: int, end: int) -> EntityMention | None:
    """The first organization mention that starts inside ``[start, end)`` (unless the first one inside
    ``[start, end + 200)`` runs past that window)."""
    limit = end + 200
    ents = doc.entities
    organization = EntityKind.ORGANIZATION
    for i in range(bisect_left(doc.entity_starts, start), len(ents)):
        e = ents[i]
        if e.span.start >= limit:
            break
        if e.kind is organization and e.span.end <= limit:
            return e if e.span.start < end else None
    return None


def _mention(doc: Doc, m: re.Match[str], term: _Term) -> _Mention | None:
    text = doc.text
    noun_start, noun_end = m.span()
    # The whole compound word the noun heads ("SOZ-Gipfeltreffen", "C5+1-Gipfel", "Klimagipfel").
    word_start = noun_start
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "(„«\"'":
        word_start -= 1
    if word_start < noun_start and not _COMPOUND_HEAD.match(text, noun_start) and text[noun_start] != "T":
        return None  # "Sicherheitsrat der ..." is no summit noun; only -gipfel and -Treffen form compounds
    if (
        text.startswith("Treffen", noun_start)
        and not term.anaphoric
        and (word_start == noun_start or not entities_in(doc, word_start, noun_start, EntityKind.ORGANIZATION))
    ):
        return None  # "Treffen" names a summit only as "SOZ-Treffen", "Brics-Treffen"
    prefix = text[word_start:noun_start]
    if prefix and prefix[-1].isalpha() and text[noun_start] == "G":
        return None  # "EinGipfel": a capital inside a word is no compound
    sent = sentence_at(doc, noun_start)
    org: str | None = term.organization
    start, end = word_start, noun_end
    explicit = False
    if prefix:
        found = _organization_near(doc, word_start, noun_start + 1)
        if found is not None:
            org, explicit = found.key, True
        elif prefix.strip("-–") and not prefix[:1].isdigit():
            org, explicit = "OTHER", True
    # A following genitive, format or quoted format names the organization ("Gipfel der SOZ").
    after = _organization_near(doc, noun_end, min(noun_end + 40, sent.end))
    if after is not None and _NAME_BRIDGE.match(text[noun_end : after.span.start]):
        if not explicit or org == "OTHER":
            org, explicit = after.key, True
        end = after.span.end
        if end < len(text) and text[end] in '“»"‘':
            end += 1
    elif not explicit and term.organization is None and _UNKNOWN_BODY.match(text, noun_end, noun_end + 40):
        # "Rat der Staatschefs des Internationalen Fonds …": a body the gazetteer does not know.
        org, explicit = "OTHER", True
    if org == "C5":
        # "Zentralasien-Gipfel mit Deutschland": the format with one partner
        org = _with_partner(doc, end, sent.end) or org
    elif not explicit:
        # "Gipfeltreffen „Zentralasien plus Japan“": a partner format the gazetteer has no name for
        fmt = _NAMED_FORMAT.match(text, noun_end, min(sent.end, noun_end + 40))
        if fmt is not None:
            partner = _with_partner(doc, fmt.end() - 1, sent.end)
            if partner is not None:
                org, explicit = partner, True
                end = _format_end(doc, fmt.end(), sent.end)
        else:
            found_first = _partner_first(doc, noun_end, sent.end)  # "Gipfeltreffen Japan–Zentralasien"
            if found_first is not None:
                org, explicit = _partner_formats()[found_first[0]], True
                end = found_first[1]
    # A proper adjective before the noun ("Kaspischen Gipfel") or a format word ("trilateralen").
    before = text[max(sent.start, word_start - 30) : word_start]
    words = before.split()
    if words:
        last = words[-1].strip('„«"')
        if _ADJECTIVE.match(last) and last not in _NOT_FORMAT and not explicit:
            org, explicit = "OTHER", True
            start = word_start - len(before) + before.rfind(last)
        elif not explicit and ci_search(_LOWER_FORMAT, before, _LOWER_FORMAT_WORDS):
            org, explicit = "OTHER", True
            start = word_start - len(before) + before.rfind(words[-1])
        elif last[:1].isdigit() and _ORDINAL.fullmatch(last):  # "47. Asean-Gipfel"
            start = word_start - len(before) + before.rfind(last)
    # Another occasion: "das nächste Gipfeltreffen", "ein erster … Gipfel hatte …", "soll … stattfinden".
    lead_in = text[max(sent.start, start - 45) : start]
    clause = text[max(sent.start, start - 60) : min(sent.end, noun_end + 160)]
    other = "next" if ci_search(_NEXT, lead_in, _NEXT_WORDS) or ci_search(_FUTURE_CLAUSE, clause, _FUTURE_WORDS) else ""
    if ci_search(_PREVIOUS, lead_in, _PREVIOUS_WORDS) and _PAST_CLAUSE.search(text[sent.start : sent.end]):
        other = "previous"
    if ci_search(_AGO, lead_in, _AGO_WORDS):
        other = "previous"
    if any(w in clause for w in _HABITUAL_WORDS) and _HABITUAL.search(clause):
        # "Das Gipfeltreffen soll künftig alle zwei Jahre stattfinden": the format, no occasion
        other, city, country, date = "next", None, None, None
    elif not explicit and "ande" in lead_in and _SIDELINES_OF.search(lead_in):
        # "am Rande des Gipfels": the summit just reported; place and date in the clause are the
        # encounter's, not the summit's
        other, city, country, date = "", None, None, None
    else:
        city, country = _venue(doc, sent, start, noun_end)
        date = _date_near(doc, sent, start, noun_end)
        if country is None and other:
            country = _hosting_country(doc, sent)
        if other == "previous" and date is not None and _reported_days(doc, date):
            other = ""  # "Zum ersten Gipfeltreffen, das am Freitag stattfand, hatte sie … geladen"
    paragraph = paragraph_index(doc, noun_start)
    return _Mention(
        _span(start, end, text[start:end]),
        text[start:end],
        org if explicit or org else None,
        other,
        city,
        country,
        date,
        sentence_index(doc, noun_start),
        paragraph,
        frozenset(e.key for e in sentence_entities(doc, sent, EntityKind.ORGANIZATION) if e.key != "UN"),
    )


@cache
def _partner_formats() -> dict[str, str]:
    return {row[0]: row[1] for row in read_rows("format_partners.tsv")[1]}


_NAMED_FORMAT = re.compile(
    r"\s*(?:(?:im|in\s+dem|des|dem)\s+Formats?\s+)?[„«\"‚]?\s*Zentralasiens?\s*(?:plus|\+|–|—|-|und|mit)\s"
)
_PARTNER_LEAD = re.compile(r"\s+(?:(?:mit|und|plus|\+|–|—|-)\s+)?(?:der\s+|den\s+|dem\s+)?\Z")


def _format_end(doc: Doc, start: int, limit: int) -> int:
    """The end of the partner's name after a named format, with a closing quote."""
    found = entities_in(doc, start, min(limit, start + 40))
    if not found:
        return start
    end = found[0].span.end
    if end < len(doc.text) and doc.text[end] in '“»"‘':
        end += 1
    return end


_PARTNER_FIRST_LEAD = re.compile(r"\s+(?:(?:im|in\s+dem|des|dem)\s+Formats?\s+)?[„«\"‚]?\Z")
_PARTNER_FIRST_TAIL = re.compile(r"\s*(?:–|—|-|\+|plus|und)\s*Zentralasiens?\b[“»\"‘]?")


def _partner_first(doc: Doc, start: int, limit: int) -> tuple[str, int] | None:
    """The partner state named before "Zentralasien" right after a summit noun, and the format's end."""
    for e in entities_in(doc, start, min(limit, start + 40)):
        if e.kind is not EntityKind.COUNTRY or e.key not in _partner_formats():
            return None
        if _PARTNER_FIRST_LEAD.fullmatch(doc.text, start, e.span.start) is None:
            return None
        tail = _PARTNER_FIRST_TAIL.match(doc.text, e.span.end, limit)
        return (e.key, tail.end()) if tail is not None else None
    return None


def _with_partner(doc: Doc, start: int, limit: int) -> str | None:
    """The format key when a C5 summit noun is followed by "mit <partner>" ("… mit Deutschland")."""
    for e in entities_in(doc, start, min(limit, start + 40)):
        if _PARTNER_LEAD.fullmatch(doc.text, start, e.span.start) is None:
            return None
        partner = e.key if e.kind in (EntityKind.COUNTRY, EntityKind.ORGANIZATION) else None
        return _partner_formats().get(partner or "")
    return None


def _hosting_country(doc: Doc, sent: Span) -> str | None:
    """The state a sentence names as host of a future summit ("Indien werde den nächsten Gipfel
    ausrichten"), when it places the summit in no city."""
    if _HOSTS_NEXT.search(doc.text, sent.start, sent.end) is None:
        return None
    states = [c for c in sentence_entities(doc, sent, EntityKind.COUNTRY) if c.form == "name"]
    return states[0].key if len(states) == 1 else None


def _venue(doc: Doc, sent: Span, start: int, end: int) -> tuple[EntityMention | None, str | None]:
    """The city or state nearest to the noun (after it, or at half weight before it) with a venue lead;
    the places are tried nearest first, so the lead pattern runs only until one has one."""
    lo, hi = max(sent.start, start - _VENUE_WINDOW), min(sent.end, end + _VENUE_WINDOW)
    places: list[tuple[int, int, EntityMention]] = []
    for n, e in enumerate(entities_in(doc, lo, hi)):
        if e.kind is EntityKind.CITY or (e.kind is EntityKind.COUNTRY and e.form in ("name", "abbreviation")):
            dist = e.span.start - end if e.span.start >= end else (start - e.span.end) * 2
            places.append((dist, n, e))
    places.sort(key=_first_two)
    for _, _, e in places:
        if venue_lead_before(doc, sent.start, e.span.start):
            return (e, e.country) if e.kind is EntityKind.CITY else (None, e.key)
    return None, None


def _first_two(place: tuple[int, int, EntityMention]) -> tuple[int, int]:
    return place[0], place[1]


def _date_near(doc: Doc, sent: Span, start: int, end: int) -> PartialDate | None:
    lo, hi = max(sent.start, start - _DATE_WINDOW), min(sent.end, end + _DATE_WINDOW)
    found = [
        d.date
        for d in dates_in(doc, lo, hi)
        if d.date.precision is not Precision.YEAR and not _CHAIR_TERM_BEFORE.search(doc.text, lo, d.span.start)
    ]
    if not found:
        return None
    return min(found, key=lambda d: d.start)


# "das den Vorsitz im Januar übernimmt": the date of the chairmanship, not of the summit.
_CHAIR_TERM_BEFORE = re.compile(r"\bVorsitz\s+(?:\w+\s+)?\Z")


def _reported_days(doc: Doc, date: PartialDate) -> bool:
    """Whether a day-precise ``date`` lies in the days just before publication (the reported event)."""
    published = doc.article.published
    if published is None or date.precision is not Precision.DAY:
        return False
    return published.start - _DAYS7 <= date.start <= published.end


_DAYS7 = _dt.timedelta(days=7)


def _mentions(doc: Doc) -> list[_Mention]:
    out: list[_Mention] = []
    subheads = doc.article.subheadings
    council: str | None = None  # the organization of the last council named ("Rat der Staatschefs der SOZ")
    for m, term in _noun_matches(doc):
        if any(s.start <= m.start() < s.end for s in subheads):
            continue
        found = _mention(doc, m, term)
        if found is not None and term.anaphoric:
            found = _resolve_anaphor(found, council) if out else None
        if found is not None:
            out.append(found)
            if found.org and "rat" in found.name.lower():
                council = found.org
    return out


def _resolve_anaphor(m: _Mention, council: str | None) -> _Mention | None:
    """An anaphoric noun names another occasion only ("die nächste Sitzung des Rates", "das erste Treffen in
    diesem Format") of a summit named before; "des Rates" takes the organization of the last ``council``."""
    if not m.other:
        return None
    if "Rat" not in m.name:
        return m
    return attrs.evolve(m, org=council) if council is not None else None


# ----------------------------------------------------------------- instances
def _instances(mentions: Sequence[_Mention]) -> list[_Instance]:
    main = next((m for m in mentions if not m.other), mentions[0])
    out: list[_Instance] = [_Instance([main], main.org, main.city, main.country, main.date, main.other)]
    for m in mentions:
        if m is main:
            continue
        if len(out) >= _MAX_INSTANCES:
            out[0].mentions.append(m)  # no article reports this many summits: keep the evidence only
            continue
        home = next((inst for inst in out if inst.accepts(m) and inst.other == m.other), None)
        if m.other and not (m.city or m.country or m.date):
            if home is not None and home is not out[0]:
                home.absorb(m)
            continue  # a bare "das nächste Gipfeltreffen" says nothing of its own
        if home is None:
            home = next((inst for inst in out if inst.accepts(m) and not m.other and not inst.other), None)
        if home is None:
            out.append(_Instance([m], m.org, m.city, m.country, m.date, m.other))
        else:
            home.absorb(m)
    return out


def _org_in_sentences(doc: Doc, inst: _Instance) -> str | None:
    """The organization named in the sentence of one of the instance's mentions, nearest first."""
    for m in inst.mentions:
        if not doc.sentences:
            break
        sent = doc.sentences[m.sentence]
        orgs = [e for e in sentence_entities(doc, sent, EntityKind.ORGANIZATION) if e.key != "UN"]
        if orgs:
            return min(orgs, key=lambda e: abs(e.span.start - m.span.start)).key
    return None


def _settle_organizations(doc: Doc, instances: Sequence[_Instance]) -> None:
    """Give every instance an organization.

    The main summit without one takes the organization the article names most (a bare "Gipfel" in an
    article about the OVKS is the OVKS summit; the UN and, when another is named, the EU are passed
    over); another occasion ("das nächste Gipfeltreffen") takes the main summit's; anything else is OTHER.
    """
    for inst in instances:
        if inst.org is None:
            inst.org = _org_in_sentences(doc, inst)
    main = instances[0]
    if main.org is None:
        counts: dict[str, int] = {}
        for e in doc.entities:
            if e.kind is EntityKind.ORGANIZATION and e.key != "UN":
                counts[e.key] = counts.get(e.key, 0) + 1
        ranked = sorted(counts, key=lambda k: (k == "EU", -counts[k]))
        main.org = ranked[0] if ranked else next((i.org for i in instances if i.org and i.org != "OTHER"), None)
    for inst in instances[1:]:
        if inst.org is None:
            plain = all(_PLAIN_NOUN.fullmatch(m.name) for m in inst.mentions)
            inst.org = main.org if inst.other or plain else "OTHER"


def _fold_into_main(instances: list[_Instance]) -> list[_Instance]:
    """Merge an instance back into the main summit when, once organizations are settled, nothing tells
    them apart ("Am Freitag folgte das eigentliche Gipfeltreffen" four paragraphs after the lead)."""
    main = instances[0]
    out = [main]
    for inst in instances[1:]:
        same = (
            not inst.other
            and inst.org == main.org
            and not (inst.city and main.city and inst.city.key != main.city.key)
            and not (inst.country and main.country and inst.country != main.country)
            and not (inst.date and main.date and not _close(inst.date, main.date))
        )
        if same:
            for m in inst.mentions:
                main.absorb(m)
            main.chair = main.chair or inst.chair
        else:
            out.append(inst)
    return out


_LEAD_SENTENCES = 3
# An agency dateline: "Tianjin (dpa) –", "Astana/Moskau (AFP) -", "Duschanbe –".
_DATELINE = re.compile(r"[A-ZÄÖÜ][\w'.-]*(?:[ /][A-ZÄÖÜ][\w'.-]*){0,3}\s*(?:\([\w/ ]{1,20}\)\s*)?[–—-]\s")
_MAX_INSTANCES = 12
_EVENT_CUE = re.compile(
    r"\b(?:Treffen[s]?|Sitzung|Tagung|Gipfeltag\w*|Auftakt|tagte[n]?|berieten|zusammengekommen|versammelt\w*"
    r"|empfing|eröffnete|Schauplatz)\b"
)


def _refine_main_date(doc: Doc, instances: Sequence[_Instance]) -> None:
    """Date the main summit from its lead and event sentences, taking the first day of several.

    If the main summit's own clauses give a date, a range of days in an event sentence that overlaps
    it (``am Mittwoch`` and ``Zwei Tage lang, am 24. und 25. Juni``) moves it to the first day. If they
    give none, the first day- or month-precise date of the lead sentences or of a sentence describing
    the gathering (``Zu dem Treffen vom 22. bis 24. Oktober``) is taken. Sentences of other summits and
    dates after publication are ignored.
    """
    main = instances[0]
    foreign = {m.sentence for inst in instances[1:] for m in inst.mentions}
    last_day = doc.article.published.end if doc.article.published is not None else None
    cands: list[PartialDate] = []
    for d in doc.dates:
        if d.date.precision is Precision.YEAR:
            continue
        i = sentence_index(doc, d.span.start)
        if i in foreign or not doc.sentences:
            continue
        sent = doc.sentences[i]
        if not (i < _LEAD_SENTENCES or _EVENT_CUE.search(doc.text[sent.start : sent.end])):
            continue
        if last_day is not None and d.date.start > last_day + _DAYS3:
            continue
        cands.append(d.date)
    if main.date is not None:
        anchor = main.date
        ranges = [c for c in cands if c.is_range and c.overlaps(anchor.start, anchor.end)]
        if ranges:
            main.date = min(ranges, key=lambda c: c.start)
    elif cands:
        days = [c for c in cands if c.precision is Precision.DAY]
        main.date = (days or cands)[0]


def _lead_venue(doc: Doc, inst: _Instance) -> None:
    """A main summit without a venue in its own clauses takes the dateline city ("Tianjin (dpa) –") or
    the first ``in <city>`` of the lead."""
    if doc.article.paragraphs:
        first = doc.article.paragraphs[0]
        line = _DATELINE.match(doc.text, first.start, min(first.end, first.start + 60))
        if line is not None:
            cities = entities_in(doc, first.start, line.end(), EntityKind.CITY)
            if cities:
                inst.city, inst.country = cities[0], inst.country or cities[0].country
                return
    for sent in doc.sentences[:2]:
        for e in sentence_entities(doc, sent, EntityKind.CITY):
            lead = doc.text[max(sent.start, e.span.start - 40) : e.span.start]
            if VENUE_LEAD.search(lead) and not re.search(r"\b[Aa]us\s+\Z", lead):
                inst.city, inst.country = e, inst.country or e.country
                return


# ----------------------------------------------------------------- people
def _chairs(doc: Doc, instances: Sequence[_Instance]) -> None:
    text = doc.text
    by_sentence = {m.sentence: inst for inst in instances for m in inst.mentions}
    cue_ends = keyword_offsets(doc, _CHAIR_WORDS)
    for p in doc.entities:
        if p.kind is not EntityKind.PERSON or p.role in ("minister", "secretary_general"):
            continue
        i = bisect_left(cue_ends, p.span.start - 60)
        if i == len(cue_ends) or cue_ends[i] >= p.span.end + 200:
            continue  # no chair cue word near the person
        sent = sentence_at(doc, p.span.start)
        before = text[max(sent.start, p.span.start - 60) : p.span.start]
        after = text[p.span.end : min(sent.end, p.span.end + 200)]
        if not (
            (
                ("Gastgeber" in before or "Vorsitz" in before or "geleitet" in before)
                and _CHAIR_BEFORE.search(before)
                and not _BESIDE_HOST.search(before)
            )
            or (any(w in after for w in _CHAIR_AFTER_WORDS) and _CHAIR_AFTER.match(after))
        ):
            continue
        target = by_sentence.get(sentence_index(doc, p.span.start))
        if re.match(r"\A[^.;]{0,60}?\blud\b", after):
            target = next((i for i in instances if i.other == "next"), target)
        target = target or instances[0]
        if target.chair is None:
            target.chair = person_of(p)
    for inst in instances[1:]:
        if inst.other == "next" and inst.country and (inst.chair is None or inst.chair.country != inst.country):
            inst.chair = _host_state_leader(doc, inst) or inst.chair
    for inst in instances[1:] if instances[0].chair is not None else instances:
        if inst.chair is None:
            inst.chair = _host_by_verb(doc, inst)
    for inst in instances:
        if inst.chair is None and inst.country and not inst.other:
            # the leader of the venue's state the article mentions most (a chancellor hosts in Berlin,
            # not the federal president who received a guest)
            host = next((p for p in doc.leader_rank if p.country == inst.country), None)
            if host is not None:
                inst.chair = person_of(host)


def _invited_venue(doc: Doc, inst: _Instance) -> None:
    """A future summit placed in a state takes the city of its host's invitation in the next sentence
    ("Der nächste Gipfel findet in Indien statt. Modi lud die Partner nach Neu-Delhi ein")."""
    last = inst.mentions[-1].sentence
    if last + 1 >= len(doc.sentences):
        return
    sent = doc.sentences[last + 1]
    if _INVITE.search(doc.text, sent.start, sent.end) is None:
        return
    cities = [e for e in sentence_entities(doc, sent, EntityKind.CITY) if e.country == inst.country]
    hosts = [p for p in persons_in(doc, sent.start, sent.end, leaders_only=True) if p.country == inst.country]
    if len({c.key for c in cities}) == 1 and hosts:
        inst.city = cities[0]
        inst.chair = inst.chair or person_of(hosts[0])


def _host_state_leader(doc: Doc, inst: _Instance) -> Person | None:
    """The one leader of a future summit's host state named with it ("der nächste Gipfel soll in Bischkek
    stattfinden, wie Dschaparow bestätigte"; "Mirsijojew bot an, ihn in Samarkand auszurichten")."""
    if not doc.sentences:
        return None
    for m in inst.mentions:
        sent = doc.sentences[m.sentence]
        hosts = {
            p.key: p for p in persons_in(doc, sent.start, sent.end, leaders_only=True) if p.country == inst.country
        }
        if len(hosts) == 1:
            return person_of(next(iter(hosts.values())))
    return None


def _host_by_verb(doc: Doc, inst: _Instance) -> Person | None:
    """The host a sentence naming the summit gives by a hosting verb: the person before "lud … ein",
    "empfangen", "richtet … aus" ("will Scholz die Präsidenten in Berlin zum Gipfel empfangen"), or, for a
    pronoun subject ("lud er die Amtskollegen … ein"), the first person of the sentence before."""
    if not doc.sentences:
        return None
    tried: set[int] = set()
    for m in inst.mentions:
        if m.sentence in tried:
            continue  # the answer depends on the sentence only
        tried.add(m.sentence)
        clause = doc.sentences[m.sentence]
        if _SIDELINES_OF.search(doc.text[max(clause.start, m.span.start - 30) : m.span.start]):
            continue  # "Am Rande des Gipfels empfing er …": a talk on the sidelines, no hosting
        chunk = doc.text[clause.start : clause.end]
        verb = _HOSTING.search(doc.text, clause.start, clause.end) if any(w in chunk for w in _HOSTING_WORDS) else None
        if verb is None:
            continue
        hosts = [
            q for q in persons_in(doc, clause.start, verb.start()) if q.role not in ("minister", "secretary_general")
        ]
        if not hosts:
            hosts = [
                q for q in persons_in(doc, verb.end(), clause.end) if q.role not in ("minister", "secretary_general")
            ][:1]
            if hosts and not _HOST_SUBJECT_AFTER.match(doc.text, verb.end(), hosts[0].span.start):
                hosts = []
        if hosts:
            return person_of(hosts[-1])
        if _PRONOUN_SUBJECT.search(doc.text, clause.start, verb.end() + 6) and m.sentence > 0:
            prev = doc.sentences[m.sentence - 1]
            people = persons_in(doc, prev.start, prev.end)
            if people:
                return person_of(people[0])
    return None


_CLAUSE_BREAK = re.compile(r"\s[–—]\s|;")


def _absent(doc: Doc, person: EntityMention) -> bool:
    sent = sentence_at(doc, person.span.start)
    clause_end = sent.end
    rest = doc.text[person.span.start : min(clause_end, person.span.start + 240)]
    cut = _CLAUSE_BREAK.search(rest)
    if cut is not None:
        rest = rest[: cut.start()]  # "nahmen X und Y teil – Eriwan blieb fern": another clause, another subject
    return bool(ABSENCE.search(rest)) and not re.search(r"\bfür\b", rest[:20])


def _listed_countries(doc: Doc, sent: Span) -> list[str]:
    """States named in an enumeration of two or more ("darunter Russland, Belarus und Armenien")."""
    text = doc.text
    found = [
        c for c in sentence_entities(doc, sent, EntityKind.COUNTRY) if c.form in ("name", "abbreviation", "genitive")
    ]
    out: list[str] = []
    for a, b in itertools.pairwise(found):
        if _LIST_GAP.match(text[a.span.end : b.span.start]):
            out.extend((a.key, b.key))
    if "zentralasiatischen" in text[sent.start : sent.end] and _ALL_FIVE.search(text, sent.start, sent.end):
        out.extend(_CENTRAL_ASIA)
    return out


# "die Präsidenten der fünf zentralasiatischen Staaten": the five states as a group.
_ALL_FIVE = re.compile(
    r"\b(?:Präsidenten|Staatschefs|Staatsoberhäupter|Vertreter)\s+(?:aller\s+|der\s+)?fünf\s+"
    r"zentralasiatischen\s+(?:Staaten|Länder|Republiken)\b"
)
_CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")


def _venue_elsewhere(doc: Doc, sent: Span, country: str | None, meeting: bool) -> bool:
    """Whether a meeting sentence places its encounter in another state than the summit's."""
    if country is None or not meeting:
        return False
    for e in sentence_entities(doc, sent, EntityKind.CITY):
        if e.country and e.country != country and venue_lead_before(doc, sent.start, e.span.start):
            return True
    return False


def _dated_elsewhere(doc: Doc, sent: Span, date: PartialDate | None) -> bool:
    """Whether the sentence is dated to before the summit ("im August … unterzeichnet hatte")."""
    if date is None:
        return False
    found = [d.date for d in dates_in(doc, sent.start, sent.end) if d.date.precision is not Precision.YEAR]
    return bool(found) and all(d.end < date.start - _DAYS3 for d in found)


def _absent_countries(doc: Doc) -> set[str]:
    """States named after "ohne", "außer", "Fernbleiben" and the like (only the states that start within
    30 characters after such a word are tried)."""
    text = doc.text
    starts = doc.entity_starts
    ents = doc.entities
    out: set[str] = set()
    tried = -1
    for cue_end in keyword_offsets(doc, _EXCLUDED_WORDS):
        # a state whose 30-character lead holds the cue's last character
        first = max(bisect_right(starts, cue_end), tried + 1)
        for i in range(first, bisect_right(starts, cue_end + 30)):
            tried = i
            c = ents[i]
            if c.kind is EntityKind.COUNTRY and _EXCLUDED_BEFORE.search(text[max(0, c.span.start - 30) : c.span.start]):
                out.add(c.key)
    return out


_MEETING_WORDS = ("getroffen", "traf", "treffen", "trifft", "empf", "espräch", "besucht", "reist")
_SPEECH_OBJECT_WORDS = ("dankte", "gratulierte", "würdigte")


class _Cues:
    """Which sentences hold participation, absence, elsewhere and "beide" cues (each tried once per
    sentence, and only for the sentences asked about)."""

    __slots__ = ("absence", "away", "both", "meeting", "participation")

    def __init__(self, doc: Doc) -> None:
        self.participation = SentenceCue(doc, _PARTICIPATION, _PARTICIPATION_WORDS)
        self.away = SentenceCue(doc, _ELSEWHERE, ("elefon", "taatsbesuch", "reiste"))
        self.both = SentenceCue(doc, _BOTH, ("eide",))
        self.absence = SentenceCue(doc, ABSENCE, ABSENCE_WORDS)
        self.meeting = SentenceCue(doc, _MEETING_CUE, _MEETING_WORDS)

    @classmethod
    def of(cls, doc: Doc) -> _Cues:
        return cls(doc)


def _scope(doc: Doc, sentences: set[int], *, full: bool, main: bool, foreign: set[int]) -> list[int]:
    """Indexes of the sentences in which a summit's participants are looked for."""
    n = len(doc.sentences)
    if full:
        return [i for i in range(n) if i not in foreign]
    if not main:
        return [i for i in sorted(sentences) if i < n]
    # a main summit first named after the lead: its own paragraphs tell who came
    starts = doc.paragraph_starts
    sents = doc.sentences
    paras = {p for p in (bisect_right(starts, sents[i].start) - 1 for i in sentences) if p >= 0}
    return [
        i
        for i in range(n)
        if i not in foreign and (i in sentences or bisect_right(starts, sents[i].start) - 1 in paras)
    ]


def _object_of_speech(text: str, start: int, offset: int) -> bool:
    """Whether the person at ``offset`` is named as the object of thanks or congratulation."""
    window = text[max(start, offset - 50) : offset]
    return any(w in window for w in _SPEECH_OBJECT_WORDS) and _OBJECT_OF_SPEECH.search(window) is not None


_FORMER = re.compile(r"\b(?:[Ff]rühere|[Ee]hemalige|[Ee]instige|[Vv]ormalige)[nmrs]?\s+(?:\w+\s+)?\Z|\bEx-\Z")


def _participants(
    doc: Doc, inst: _Instance, sentences: set[int], *, full: bool, main: bool, foreign: set[int], cues: _Cues
) -> tuple[tuple[str, ...], tuple[Person, ...]]:
    text = doc.text
    leaders: list[EntityMention] = []
    countries: list[str] = []
    absent: set[str] = set()
    gone = _absent_countries(doc) if full else set()
    published = doc.published
    leading: dict[str, bool] = {}
    participation, both, absence = cues.participation, cues.both, cues.absence
    listing = participation.candidates if full or not main else set()  # another summit: its own sentences
    country = inst.country
    by_sentence = sentence_persons(doc)
    all_sentences = doc.sentences
    for k in _scope(doc, sentences, full=full, main=main, foreign=foreign):
        sent = all_sentences[k]
        people = by_sentence[k]
        if people:
            elsewhere = full and (
                k in cues.away
                or (country is not None and k in cues.meeting and _venue_elsewhere(doc, sent, country, True))
                or _dated_elsewhere(doc, sent, inst.date)
            )
            away = k in absence
            chunk = text[sent.start : sent.end]
            thanks = any(map(chunk.__contains__, _SPEECH_OBJECT_WORDS))
            for p in people:
                if away and _absent(doc, p):
                    absent.add(p.key)
                    if p.country:
                        countries.append(p.country)
                    continue
                if elsewhere or (thanks and _object_of_speech(text, sent.start, p.span.start)):
                    continue
                if p.is_leader and _FORMER.search(text, max(sent.start, p.span.start - 40), p.span.start):
                    continue  # "der früheren brasilianischen Präsidentin Dilma Rousseff"
                if p.is_leader:
                    leads = leading.get(p.key)
                    if leads is None:
                        leads = leading[p.key] = published is None or leads_on(p.key, published) is not False
                    if leads:
                        leaders.append(p)  # not a former president named in passing
                if p.country and (p.is_leader or k in participation):
                    countries.append(p.country)
        elif k in both.candidates and k in both:
            top = top_leaders(doc, 2)
            leaders.extend(top)
            countries.extend(p.country for p in top if p.country)
        if k in listing and k in participation:
            countries.extend(_listed_countries(doc, sent))
    kept = [p for p in leaders if p.key not in absent and p.country not in gone]
    persons = unique_persons(kept)
    return codes([c for c in countries if len(c) == 2 and c != "EU" and c not in gone]), tuple(persons)


# ----------------------------------------------------------------- entry point
def find_summits(doc: Doc) -> list[Summit]:
    """The summits an article reports or mentions, the main one first.

    Returns:
        One :class:`Summit` per occasion, with evidence spans of every mention; empty if none.
    """
    mentions = _mentions(doc)
    if not mentions:
        return []
    instances = _instances(mentions)
    _settle_organizations(doc, instances)
    instances = _fold_into_main(instances)
    _refine_main_date(doc, instances)
    if instances[0].city is None:
        _lead_venue(doc, instances[0])
    for inst in instances[1:]:
        if inst.other == "next" and inst.country and inst.city is None:
            _invited_venue(doc, inst)
    _chairs(doc, instances)
    main = instances[0]
    lead_sentences = 3
    full = main.mentions[0].sentence < lead_sentences
    foreign = {m.sentence for inst in instances[1:] for m in inst.mentions} - {m.sentence for m in main.mentions}
    out: list[Summit] = []
    cues = _Cues.of(doc)
    for i, inst in enumerate(instances):
        sentences = {m.sentence for m in inst.mentions}
        countries: tuple[str, ...]
        leaders: tuple[Person, ...]
        if inst.other == "next" or (i == 0 and inst.other):
            # who comes to a future summit, or came to a past one an article only recalls, the text rarely says
            countries, leaders = (), ()
        else:
            countries, leaders = _participants(
                doc, inst, sentences, full=full and i == 0, main=i == 0, foreign=foreign, cues=cues
            )
        org = inst.org or "OTHER"
        first = inst.mentions[0]
        out.append(
            Summit(
                name=first.name,
                organization=org,
                city=inst.city.key if inst.city else None,
                country=inst.city.country if inst.city and inst.city.country else inst.country,
                date=inst.date,
                chair=inst.chair,
                countries=countries,
                leaders=leaders,
                evidence=tuple(m.span for m in inst.mentions),
            )
        )
    return out
