"""Small shared look-ups over a :class:`~summitlib.extract._doc.Doc` used by the record extractors.

Which sentence holds an offset, the entities inside a range, the leaders an article mentions: every
record extractor needs these, so they live once here.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import ahocorasick

from summitlib.extract._doc import Doc
from summitlib.extract.dates import DateMention
from summitlib.extract.entities import EntityKind, EntityMention
from summitlib.model import Person, Span

__all__ = [
    "ABSENCE",
    "ABSENCE_WORDS",
    "VENUE_LEAD",
    "SentenceCue",
    "dates_in",
    "entities_in",
    "keyword_ends",
    "keyword_offsets",
    "keyword_sentences",
    "paragraph_index",
    "person_of",
    "persons_in",
    "sentence_at",
    "sentence_entities",
    "sentence_index",
    "sentence_persons",
    "sentences_with",
    "top_leaders",
    "unique_persons",
    "venue_lead_before",
]

#: Literals of which every :data:`ABSENCE` match contains one (for :func:`sentences_with`).
ABSENCE_WORDS = (
    "abgesagt",
    "sagte",
    "blieb",
    "fern",
    "ließ",
    "liess",
    "lässt",
    "lassen",
    "nicht",
    "verzichtete",
    "fehlte",
)

#: Words that say a leader stayed away or sent somebody else (then the leader is not a participant).
ABSENCE = re.compile(
    r"""
    \b(?: (?:Reise|Teilnahme|Besuch|Visite)\w*\s+(?:\w+\s+){0,4}abgesagt
        | sagte\s+(?:\w+\s+){0,4}(?:Reise|Teilnahme|Besuch|Visite)\w*\b[^.;]{0,140}?\bab\b
        | sich\s+(?:\w+\s+){0,6}vertreten\s+lassen | lässt\s+sich\b[^.;]{0,80}?\bvertreten
        | blieb\b[^.;]{0,60}?\bfern
        | fern(?:blieb|geblieben) | ließ\s+sich\b[^.;]{0,80}?\bvertreten | liess\s+sich\b[^.;]{0,80}?\bvertreten
        | nicht\s+(?:teil|anwesend|angereist|dabei|gekommen|erschienen)
        | (?:kam|kamen|reiste|reisten|erschien)\s+nicht\b
        | verzichtete\s+auf\s+(?:die\s+|eine\s+|seine\s+|ihre\s+)?(?:Teilnahme|Reise|Anreise|Besuch)
        | fehlte | ausgelassen | ließ\s+(?:\w+\s+){1,4}aus\b | boykottiert\w* | schwänzte )
    """,
    re.VERBOSE,
)


#: What stands before a venue: a preposition, an article, up to two lowercase adjectives and a place noun
#: ("in Duschanbe", "im usbekischen Samarkand", "in der nordchinesischen Hafenstadt Tianjin").
VENUE_LEAD = re.compile(
    r"""(?:(?:\b[Ii]n|\b[Ii]m|\b[Nn]ach|\b[Ii]ns)\s+(?:der\s+|dem\s+|den\s+)?(?:[a-zäöü][\w-]*\s+){0,2}
        (?:(?:Hauptstadt|Stadt|Hafenstadt|Küstenstadt|Grenzstadt|Millionenstadt|Metropole|Kurort|Kurstadt|Badeort|Ferienort
            |Kleinstadt|Großstadt|Wüstenstadt|Bergstadt|Provinzhauptstadt|Regionalhauptstadt|Oblasthauptstadt
            |Seebad|Oasenstadt|Kaiserstadt|Residenzstadt|Region|Provinz)\s+)?
        |\b(?:Gipfel\w*|Treffen)\s+von\s+                   # "das Gipfeltreffen von Xi'an"
        )\Z""",
    re.VERBOSE,
)


def paragraph_index(doc: Doc, offset: int) -> int:
    """Index of the paragraph that starts at or before ``offset``; -1 before the first one."""
    return bisect.bisect_right(doc.paragraph_starts, offset) - 1


def sentence_index(doc: Doc, offset: int) -> int:
    """Index of the sentence that contains ``offset`` (or the last one before it)."""
    return max(bisect.bisect_right(doc.sentence_starts, offset) - 1, 0)


#: Every keyword :func:`sentences_with` was asked for, in first-seen order: one automaton over all of
#: them runs once per document, whichever extractor asks first.
_KEYWORDS: dict[str, None] = {}
#: ``tuple(_KEYWORDS)``, rebuilt only when a keyword is added (the memo of a document is keyed on it).
_KNOWN: list[tuple[str, ...]] = [()]


@functools.cache
def _automaton(keywords: tuple[str, ...]) -> Any:
    """One Aho-Corasick automaton over ``keywords`` (built once per keyword set)."""
    automaton = ahocorasick.Automaton()
    for word in keywords:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def known_keywords() -> tuple[str, ...]:
    """Every keyword asked for so far (the same tuple until another one is added): ``analyse`` has the
    entity scan find them, so that :func:`keyword_ends` needs no pass of its own."""
    return _KNOWN[0]


def set_keyword_ends(doc: Doc, keywords: tuple[str, ...], ends: dict[str, list[int]]) -> None:
    """Record the occurrences of ``keywords`` (a :func:`known_keywords` tuple) found by the entity scan."""
    doc.memo["keyword_ends"] = (keywords, ends)


def _keyword_ends(doc: Doc, keywords: tuple[str, ...]) -> dict[str, list[int]]:
    """Keyword -> offsets of the last character of each of its occurrences in the text (in order)."""
    for word in keywords:
        if word not in _KEYWORDS:
            _KEYWORDS[word] = None
            _KNOWN[0] = tuple(_KEYWORDS)
    known = _KNOWN[0]
    memo = doc.memo.get("keyword_ends")
    if memo is not None and memo[0] is known:  # type: ignore[index]
        return memo[1]  # type: ignore[index,no-any-return]
    ends: dict[str, list[int]] = {}
    for end, word in _automaton(known).iter(doc.text):
        found = ends.get(word)
        if found is None:
            ends[word] = [end]
        else:
            found.append(end)
    doc.memo["keyword_ends"] = (known, ends)
    return ends


def keyword_sentences(doc: Doc, keywords: tuple[str, ...]) -> set[int]:
    """Indexes of the sentences in which an occurrence of one of ``keywords`` ends (a fresh set).

    These are the only sentences in which a pattern whose every match holds one of the keywords can
    match (see :func:`sentences_with`).
    """
    starts = doc.sentence_starts
    ends = _keyword_ends(doc, keywords)
    bisect_right = bisect.bisect_right
    candidates: set[int] = set()
    for word in keywords:
        for end in ends.get(word, ()):
            candidates.add(bisect_right(starts, end) - 1)
    candidates.discard(-1)
    return candidates


def sentences_with(doc: Doc, pattern: re.Pattern[str], keywords: tuple[str, ...] = ()) -> frozenset[int]:
    """Indexes of the sentences in which ``pattern`` matches.

    With ``keywords`` (literals of which every match contains at least one), the sentences are first
    found by the keywords' occurrences (one Aho-Corasick pass over the text for all keyword sets, many
    times faster than a regular expression tried at every position), and the pattern is tried only
    inside them.
    """
    text = doc.text
    if not keywords or not doc.sentences:
        return frozenset(sentence_index(doc, m.start()) for m in pattern.finditer(text))
    sentences = doc.sentences
    search = pattern.search
    out = []
    for k in keyword_sentences(doc, keywords):
        s = sentences[k]
        if search(text, s.start, s.end) is not None:
            out.append(k)
    return frozenset(out)


def keyword_ends(doc: Doc, keywords: tuple[str, ...]) -> dict[str, list[int]]:
    """Keyword -> offsets of the last character of each of its occurrences, overlapping ones included, in
    text order (for all keywords asked for so far; the lists are shared, do not change them)."""
    return _keyword_ends(doc, keywords)


def keyword_offsets(doc: Doc, keywords: tuple[str, ...]) -> list[int]:
    """Offsets of the last character of every occurrence of one of ``keywords``, sorted (may repeat)."""
    ends = _keyword_ends(doc, keywords)
    out: list[int] = []
    for word in keywords:
        out.extend(ends.get(word, ()))
    out.sort()
    return out


def venue_lead_before(doc: Doc, sentence_start: int, offset: int) -> bool:
    """``VENUE_LEAD.search(doc.text[max(sentence_start, offset - 40) : offset])``, memoised per document
    (the summit mentions of one sentence ask about the same places)."""
    memo: dict[tuple[int, int], bool] | None = doc.memo.get("venue_lead")  # type: ignore[assignment]
    if memo is None:
        memo = doc.memo["venue_lead"] = {}
    key = (sentence_start, offset)
    found = memo.get(key)
    if found is None:
        found = memo[key] = VENUE_LEAD.search(doc.text[max(sentence_start, offset - 40) : offset]) is not None
    return found


class SentenceCue:
    """Whether ``pattern`` matches in a sentence, tried lazily (``k in cue``) and at most once per sentence.

    The same answers as ``k in sentences_with(doc, pattern, keywords)``, for extractors that ask about
    a few sentences only.
    """

    __slots__ = ("_doc", "_pattern", "_seen", "candidates")

    def __init__(self, doc: Doc, pattern: re.Pattern[str], keywords: tuple[str, ...]) -> None:
        self._doc = doc
        self._pattern = pattern
        #: The sentences holding one of the keywords: the pattern can match in no other.
        self.candidates = keyword_sentences(doc, keywords) if doc.sentences else set()
        self._seen: dict[int, bool] = {}

    def __contains__(self, k: int) -> bool:
        if k not in self.candidates:
            return False
        found = self._seen.get(k)
        if found is None:
            s = self._doc.sentences[k]
            found = self._seen[k] = self._pattern.search(self._doc.text, s.start, s.end) is not None
        return found


def sentence_persons(doc: Doc) -> tuple[tuple[EntityMention, ...], ...]:
    """Per sentence index, ``persons_in(doc, sentence.start, sentence.end)`` (built once per document)."""
    memo = doc.memo.get("sentence_persons")
    if memo is not None:
        return memo  # type: ignore[return-value]
    sentences = doc.sentences
    out: list[list[EntityMention]] = [[] for _ in sentences]
    starts = doc.sentence_starts
    bisect_right = bisect.bisect_right
    person = EntityKind.PERSON
    for e in doc.entities:
        if e.kind is person:
            span = e.span
            k = bisect_right(starts, span.start) - 1
            if k >= 0 and span.end <= sentences[k].end and span.start < sentences[k].end:
                out[k].append(e)
    found = tuple(map(tuple, out))
    doc.memo["sentence_persons"] = found
    return found


def sentence_at(doc: Doc, offset: int) -> Span:
    """The sentence that contains ``offset``; the whole text if the document has no sentences."""
    if not doc.sentences:
        return Span.of(doc.text, 0, len(doc.text))
    return doc.sentences[sentence_index(doc, offset)]


def entities_in(doc: Doc, start: int, end: int, kind: EntityKind | None = None) -> list[EntityMention]:
    """Entities whose span lies inside ``[start, end)``, optionally of one kind, in text order."""
    ents = doc.entities
    i = bisect.bisect_left(doc.entity_starts, start)
    hi = bisect.bisect_left(doc.entity_starts, end, lo=i)
    return [e for e in ents[i:hi] if e.span.end <= end and (kind is None or e.kind is kind)]


def sentence_entities(doc: Doc, sent: Span, kind: EntityKind | None = None) -> list[EntityMention]:
    """``entities_in(doc, sent.start, sent.end, kind)``, memoised per document (a long sentence with many
    mentions is scanned once, not once per mention); the list is shared, do not change it."""
    memo: dict[tuple[int, int, EntityKind | None], list[EntityMention]] | None = doc.memo.get("sentence_entities")  # type: ignore[assignment]
    if memo is None:
        memo = doc.memo["sentence_entities"] = {}
    key = (sent.start, sent.end, kind)
    found = memo.get(key)
    if found is None:
        found = memo[key] = entities_in(doc, sent.start, sent.end, kind)
    return found


def dates_in(doc: Doc, start: int, end: int) -> list[DateMention]:
    """Date mentions whose span lies inside ``[start, end)``, in text order (bisect, not a scan)."""
    i = bisect.bisect_left(doc.date_starts, start)
    hi = bisect.bisect_left(doc.date_starts, end, lo=i)
    return [d for d in doc.dates[i:hi] if d.span.end <= end]


def top_leaders(doc: Doc, n: int, exclude: set[str] | frozenset[str] = frozenset()) -> list[EntityMention]:
    """The ``n`` leaders the article mentions most often, leaving out the keys in ``exclude``."""
    return [e for e in doc.leader_rank if e.key not in exclude][:n]


def person_of(mention: EntityMention) -> Person:
    """The :class:`Person` a PERSON mention resolves to."""
    return Person(mention.key, mention.country, (mention.span.text,))


def persons_in(doc: Doc, start: int, end: int, *, leaders_only: bool = False) -> list[EntityMention]:
    """PERSON mentions inside ``[start, end)``, optionally only heads of state or government."""
    return [e for e in entities_in(doc, start, end, EntityKind.PERSON) if not leaders_only or e.is_leader]


def unique_persons(mentions: Iterable[EntityMention]) -> list[Person]:
    """One :class:`Person` per canonical key, in first-seen order, with every surface form seen."""
    order: list[str] = []
    forms: dict[str, list[str]] = {}
    country: dict[str, str | None] = {}
    for m in mentions:
        if m.key not in forms:
            order.append(m.key)
            forms[m.key] = []
            country[m.key] = m.country
        if m.span.text not in forms[m.key]:
            forms[m.key].append(m.span.text)
        country[m.key] = country[m.key] or m.country
    return [Person(k, country[k], tuple(forms[k])) for k in order]


def codes(values: Sequence[str]) -> tuple[str, ...]:
    """Country codes without duplicates, in first-seen order."""
    return tuple(dict.fromkeys(values))
