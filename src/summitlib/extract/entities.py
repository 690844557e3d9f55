"""Find persons, countries, cities and organizations in German article text.

One pass of an Aho-Corasick automaton (pyahocorasick, built once on first use from
:mod:`summitlib.gazetteer`) finds every surface form: names and their generated genitives, surnames,
country names, genitives, adjective inflections, demonyms and compound prefixes, city exonyms, organization
names and abbreviations, and role nouns. Matches are kept only at word boundaries (German letters ä/ö/ü/ß are
word characters; a hyphen is a boundary, so ``GUS-Gipfel`` yields ``GUS``) and reduced leftmost-longest to
non-overlapping mentions. Small linear passes then:

1. join role phrases: ``Kasachstans Präsident``, ``der kasachische Staatschef``, ``US-Präsident``,
   ``UN-Generalsekretär``, ``Präsident Kasachstans``, ``der Kremlchef`` (role nouns that imply a state);
2. attach the person that follows (known, or unknown: the capitalised name tokens as written), or, when no
   name follows, resolve the office holder from the gazetteer at the publication date;
3. describe capitals: ``in der kasachischen Hauptstadt``, ``der Hauptstadt Tadschikistans``;
4. find later surname-only mentions of unknown persons introduced by a role phrase.

Span convention for role phrases: one PERSON mention covers the whole phrase from the state word (or the
role noun) to the end of the name: ``Kasachstans Präsident Kassym-Schomart Tokajew`` is one mention with
``form="name"``, ``country="KZ"``, ``role="head_of_state"``; without a name, ``der kasachische Staatschef``
gives the mention ``kasachische Staatschef`` with ``form="role_phrase"``. The state word is absorbed, so a
consumer collecting the states an article names should read ``mention.country`` of every mention, not only
COUNTRY mentions. Determiners (der, die) are never part of a span.

Surname-only mentions of leaders sharing a surname (Berdimuhamedow, Dschaparow, Sharif) resolve to a
person named in full earlier in the text, else to the holder in office at the publication date (head of
state first), else to the latest holder.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from enum import StrEnum
from typing import NamedTuple

import ahocorasick
import attrs

from summitlib import gazetteer as gz
from summitlib.extract._lexicon import fold, fold_latin1
from summitlib.extract.dates import anchor_words
from summitlib.extract.money import scale_words
from summitlib.model import Span, _new_object, _set_span_end, _set_span_start, _set_span_text, _slot_setters

__all__ = ["EntityKind", "EntityMention", "Scan", "entities_at", "find_entities", "scan"]


class EntityKind(StrEnum):
    """What an :class:`EntityMention` refers to."""

    PERSON = "person"
    COUNTRY = "country"
    CITY = "city"
    ORGANIZATION = "organization"


@attrs.frozen
class EntityMention:
    """One mention of an entity, with its evidence span and resolved key.

    ``key`` is the canonical person name (or the fullest name as written for persons not in the
    gazetteer), the alpha-2 code, the English city name or the organization key. ``country`` is the
    person's or city's state, or the key itself for countries. ``form`` says how the text named it:
    name | surname | role_phrase | adjective | genitive | capital | demonym | abbreviation | compound |
    description.
    """

    span: Span
    kind: EntityKind
    key: str
    country: str | None = None
    role: str | None = None
    form: str = "name"
    is_leader: bool = False


# --- automaton payloads -------------------------------------------------------------------------------


class _P(NamedTuple):
    """One meaning of a surface form: what the automaton stores per key."""

    tag: str  # person | surname | country | city | org | role | hauptstadt
    key: str
    country: str | None = None
    role: str | None = None
    form: str = "name"
    rows: tuple[gz.LeaderRow, ...] = ()
    #: the fields of its mention outside a role phrase, and before a hyphen (None: same), for all
    #: but persons (see :func:`_plain_fields`)
    plain: tuple[_Fields, _Fields | None] | None = None


#: The fields of an :class:`EntityMention` after its span: kind, key, country, role, form, is_leader.
_Fields = tuple[EntityKind, str, str | None, str | None, str, bool]


def _plain_fields(p: _P) -> tuple[_Fields, _Fields | None] | None:
    """The fields of the mention of ``p`` outside a role phrase, and before a hyphen (a compound)."""
    if p.tag in ("person", "surname"):
        return None
    country: str | None
    if p.tag == "country":
        compound = p.form in ("abbreviation", "adjective")
        kind, country = EntityKind.COUNTRY, p.key
    elif p.tag == "city":
        compound = False
        kind, country = EntityKind.CITY, p.country
    else:
        compound = p.form == "abbreviation"
        kind, country = EntityKind.ORGANIZATION, None
    fields = (kind, p.key, country, None, p.form, False)
    return fields, ((kind, p.key, country, None, "compound", False) if compound else None)


class _Index(NamedTuple):
    automaton: ahocorasick.Automaton
    weak: dict[str, tuple[gz.LeaderRow, ...]]
    capitals: dict[str, gz.CityRow]
    #: the automaton's keys and entries (to build it again with keywords, see :func:`_keyword_automaton`)
    entries: dict[str, _Entry]


_SKIP_CANONICAL_SURNAME = frozenset({"Li", "Lee", "Kim"})


def _add(table: dict[str, list[_P]], surface: str, payload: _P) -> None:
    if surface and payload not in table.setdefault(surface, []):
        table[surface].append(payload)


@functools.cache
def _index() -> _Index:
    """Build the automaton over every surface form once (a few thousand keys, a few ms)."""
    table: dict[str, list[_P]] = {}
    by_form: dict[str, list[gz.LeaderRow]] = {}
    by_surname: dict[str, list[gz.LeaderRow]] = {}
    weak: dict[str, list[gz.LeaderRow]] = {}
    for row in gz.leaders():
        for form in (row.canonical, *row.forms):
            by_form.setdefault(form, []).append(row)
            g = gz.genitive(form)
            if g:
                by_form.setdefault(g, []).append(row)
        for sur in row.surnames:
            if sur in _SKIP_CANONICAL_SURNAME:
                continue
            by_surname.setdefault(sur, []).append(row)
            g = gz.genitive(sur)
            if g:
                by_surname.setdefault(g, []).append(row)
        for sur in row.weak_surnames:
            weak.setdefault(sur, []).append(row)
    for form, rows in by_form.items():
        _add(table, form, _P("person", rows[0].canonical, rows=tuple(rows)))
    for sur, rows in by_surname.items():
        if sur not in table:
            _add(table, sur, _P("surname", rows[0].canonical, form="surname", rows=tuple(rows)))
    for c in gz.countries():
        if c.code == "EU":  # the Union is an organization here
            continue
        for name in c.names:
            _add(table, name, _P("country", c.code, c.code, form="name"))
        for g in c.genitives:
            _add(table, g, _P("country", c.code, c.code, form="genitive"))
        for a in c.adjectives:
            _add(table, a, _P("country", c.code, c.code, form="adjective"))
            _add(table, a[:1].upper() + a[1:], _P("country", c.code, c.code, form="adjective"))
        for d in c.demonyms:
            _add(table, d, _P("country", c.code, c.code, form="demonym"))
        for p in c.prefixes:
            _add(table, p, _P("country", c.code, c.code, form="abbreviation"))
    capitals: dict[str, gz.CityRow] = {}
    for city in gz.cities():
        if city.capital:
            capitals.setdefault(city.country, city)
        for f in city.forms:
            form = "capital" if city.capital or city.metonym else "name"
            _add(table, f, _P("city", city.name_en, city.country, form=form))
            g = gz.genitive(f) if form == "capital" and " " not in f else None
            if g is not None:  # "nach Angaben Moskaus", "Pekings Haltung": the capital for its state
                _add(table, g, _P("city", city.name_en, city.country, form="genitive"))
    for org in gz.organizations():
        for n in (*org.names, org.key):
            _add(table, n, _P("org", org.key, form="name"))
        for a in org.abbreviations:
            _add(table, a, _P("org", org.key, form="abbreviation"))
    for r in gz.roles():
        if not r.plural:
            _add(table, r.form, _P("role", r.form, r.country, r.role))
    _add(table, "Hauptstadt", _P("hauptstadt", "Hauptstadt"))
    keys: dict[str, list[tuple[str, tuple[_P, ...]]]] = {}
    for surface, payloads in table.items():
        # Organizations win over a same-spelled country form, persons over surnames.
        payloads.sort(
            key=lambda p: (
                ("org", "person", "surname", "role", "city", "country").index(p.tag) if p.tag != "hauptstadt" else 0
            )
        )
        meanings = tuple(p._replace(plain=_plain_fields(p)) for p in payloads)
        folded = _fold(surface)
        for edges in ("  ", " ?", "? ", "??"):
            keys.setdefault(edges[0] + folded + edges[1], []).append((surface, meanings))
    entries = {key: _entry(_key_value(key, surfaces)) for key, surfaces in keys.items()}
    # the words the date and money passes start from, each behind a boundary
    for kind, words in ((_DATE_ANCHOR, anchor_words()), (_SCALE, scale_words())):
        for w in words:
            for edge in " ?":
                key = edge + _fold(w)
                entries[key] = _entry(_KeyValue(len(key), 0, None, (), kind))
    return _Index(_automaton(entries), {k: tuple(v) for k, v in weak.items()}, capitals, entries)


#: Characters of folded German text, most frequent first (the boundary, then letters by their frequency in
#: German news text); every other character ranks after them.
_FREQUENT = " ?enirastdhulocmgfkbwzpäSüvADPMGETKRjBZUVIWLFJyNHöOCßXxYÄqÜQ"
_RANK = {ord(ch): 0x100 + i for i, ch in enumerate(_FREQUENT)}


def _automaton(entries: dict[str, _Entry]) -> ahocorasick.Automaton:
    """An automaton over these keys and entries.

    A trie node's children are tried one by one in the order they were added, so the keys are added
    with frequent characters first: the same automaton, some 10 % faster over German text.
    """
    automaton = ahocorasick.Automaton()
    for key in sorted(entries, key=lambda k: k.translate(_RANK)):
        automaton.add_word(key, entries[key])
    automaton.make_automaton()
    return automaton


def _key_value(key: str, surfaces: list[tuple[str, tuple[_P, ...]]]) -> _KeyValue:
    """What the automaton stores for a folded key (see :class:`_KeyValue`)."""
    check = (1 if key[0] == "?" else 0) | (2 if key[-1] == "?" else 0)
    exact: tuple[_P, ...] | None = None
    verify: list[tuple[str, tuple[_P, ...]]] = []
    for surface, payloads in surfaces:
        if _fold(surface) == surface and " " not in surface and "?" not in surface:
            exact = payloads  # Latin-1 word characters only: the one surface that folds to itself
        else:
            verify.append((surface, payloads))
    return _KeyValue(len(key), check, exact, tuple(verify))


#: What the automaton stores: ``(length - 1, payloads, None)`` for a key whose only surface form is its
#: own folding and needs no boundary check (most keys), else ``(length - 1, None, value)``.
_Entry = tuple[int, "tuple[_P, ...] | None", "_KeyValue | None"]


def _entry(value: _KeyValue) -> _Entry:
    """The automaton's entry for a key (see :data:`_Entry`)."""
    if not value.check and not value.verify and not value.word and value.exact is not None:
        return value.length - 1, value.exact, None
    return value.length - 1, None, value


class _KeyValue(NamedTuple):
    """The automaton's value for one folded key."""

    length: int
    #: bit 0: the key starts with ``?``, bit 1: it ends with ``?`` (a character to check in the text)
    check: int
    #: the payloads of the surface form that is its own folding (it matches wherever the key does)
    exact: tuple[_P, ...] | None
    #: the other surface forms with this folding, to compare with the text
    verify: tuple[tuple[str, tuple[_P, ...]], ...]
    #: 0 for surface forms; for the keys of other passes, :data:`_DATE_ANCHOR`, :data:`_SCALE` or
    #: :data:`_KEYWORD`
    word: int = 0
    #: for :data:`_KEYWORD`: the keywords with this folding, each with whether it matches wherever the key
    #: does (else it is compared with the text)
    keywords: tuple[tuple[str, bool], ...] = ()
    #: for :data:`_KEYWORD`: the entry the key had before the keywords were added, if any
    inner: _Entry | None = None


_DATE_ANCHOR, _SCALE, _KEYWORD = 1, 2, 3


_fold = fold


# --- small linear patterns ----------------------------------------------------------------------------

#: An unknown person's name right after a role noun: 1-4 capitalised tokens, particles allowed between.
_NAME_RE = re.compile(
    r"""
    [A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]{1,30}                    # first capitalised token (Massud, Jean-Claude)
    (?:[ ](?:(?:von[ ]der|von|van|de|da|bin|ibn|al|el|dos|del|di)[ ])?  # optional name particle
       [A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]{1,30}){0,3}              # up to three more capitalised tokens
    """,
    re.VERBOSE,
)
#: Capitalised words that end a name (sentence-initial function words, months, common nouns).
_NOT_NAME = frozenset(
    """Der Die Das Den Dem Des Ein Eine Im In Am An Auf Bei Mit Nach Vor Zu Zum Zur Für Über Und Oder
    Als Wie Auch Es Er Sie Wir Man Seit Ende Anfang Mitte Januar Februar März April Mai Juni Juli
    August September Oktober November Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag
    Gipfel Gipfeltreffen Regierung Staat Staaten Land Länder Rede Gespräche Gespräch Treffen Besuch Amt
    Delegation Vertreter Jahr Jahre Jahren Sitzung Herr Frau Dr Prof""".split()  # noqa: SIM905 - word block
)
#: A capitalised word right before a surname: a given name (or a noun, told apart by the caller).
_GIVEN_NAME = re.compile(r"(?<![\w-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,20})[ ]\Z")


#: Capitalised words that stand before a name without being a given name.
_NOT_GIVEN = frozenset(
    [
        "Laut",
        "Nach",
        "Für",
        "Mit",
        "Dass",
        "Ob",
        "Als",
        "Wie",
        "Wenn",
        "Weil",
        "Obwohl",
        "Während",
        "Auch",
        "Doch",
        "Aber",
        "Und",
        "Oder",
        "Sogar",
        "Selbst",
        "Gestern",
        "Heute",
        "Morgen",
        "Zudem",
        "Dabei",
        "Damit",
        "Dort",
        "Hier",
        "Jetzt",
        "Nun",
        "Noch",
        "Schon",
        "Bereits",
        "Zuletzt",
        "Erst",
        "Gegen",
        "Ohne",
        "Bei",
        "Von",
        "Vor",
        "Seit",
        "Unter",
        "Über",
        "Neben",
        "Zwischen",
        "Amtskollege",
        "Amtskollegen",
        "Kollege",
        "Kollegen",
        "Gast",
        "Gastgeber",
        "Partner",
        "Worten",
        "Angaben",
        "Ansicht",
        "Aussagen",
        "Nachbar",
        "Herrn",
        "Frau",
        "Staatsgast",
        "Ehrengast",
        "Laut",
        "Dank",
        "Trotz",
        "Wegen",
    ]
)


def _looks_given(text: str, start: int, word: str) -> bool:
    """Whether ``word`` (at ``start``) before a known surname is another person's given name: not a
    function word, role, genitive ("Kasachstans") or the first word of a sentence."""
    if (
        word in _NOT_NAME
        or word in _NOT_GIVEN
        or _is_role_word(word)
        or word.endswith("s")
        or word in _known_name_words()
        or word in _place_words()
    ):
        return False
    before = text[max(0, start - 3) : start].rstrip(" ")
    return bool(before) and before[-1] not in '.!?:\n„“"«»–-'


@functools.cache
def _known_name_words() -> frozenset[str]:
    """Every word of every form of the leaders table ("Ramaphosa Xi" is two known people, not one)."""
    words: set[str] = set()
    for row in gz.leaders():
        for form in (*row.forms, *row.surnames):
            words.update(form.lstrip("?").split())
    return frozenset(words)


@functools.cache
def _place_words() -> frozenset[str]:
    """One-word names of states and cities ("traf Putin in Astana Tokajew": Astana is no given name)."""
    words: set[str] = set()
    for c in gz.countries():
        words.update(n for n in (*c.names, c.name_de) if " " not in n)
    for city in gz.cities():
        words.update(f for f in city.forms if " " not in f)
    return frozenset(words)


def _is_role_word(word: str) -> bool:
    """Whether ``word`` is a role noun of the gazetteer ("Präsident", "Kremlchef") or a title."""
    return word in _role_forms() or word in ("Herr", "Frau", "Dr", "Prof", "Scheich", "Emir", "König")


@functools.cache
def _role_forms() -> frozenset[str]:
    return frozenset(r.form for r in gz.roles())


_ROLE_GAPS = frozenset({" ", "-", " der ", " des ", " von "})


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _pick_row(rows: tuple[gz.LeaderRow, ...], published: dt.date | None, seen: set[str]) -> gz.LeaderRow:
    """The tenure a mention means: one named in full earlier, else in office (head of state first)."""
    for r in rows:
        if r.canonical in seen:
            return r
    rank = ("head_of_state", "head_of_government", "eu_president", "secretary_general", "minister", "other")
    current = [r for r in rows if (r.in_office(published) if published else r.end is None)]
    if current:
        return min(current, key=lambda r: rank.index(r.role))
    return max(rows, key=lambda r: r.end or dt.date.max)


def _holder(country: str | None, role: str | None, published: dt.date | None) -> gz.LeaderRow | None:
    """The single holder of a role for a state on a day (None for ministers and unknown states)."""
    if country is None or role is None or role in ("minister", "other"):
        return None
    if published is not None:
        rows = gz.leaders_of(country, role, published)
    else:
        rows = [r for r in gz.leaders() if r.role == role and r.country == country and r.end is None]
    return rows[0] if rows else None


class _Cand(NamedTuple):
    start: int
    end: int
    p: _P


_new_tuple = tuple.__new__


class Scan(NamedTuple):
    """One automaton pass over a text, shared by the entity, date and money passes."""

    #: the entity candidates (leftmost-longest, boundary-checked matches of the surface forms)
    candidates: list[_Cand]
    #: every start of a date anchor word after a boundary (``dates.anchor_words``), in order
    date_anchors: list[int]
    #: every start of a scale word after a boundary (``money.scale_words``), in order
    scales: list[int]
    #: with ``keywords``: keyword -> offsets of the last character of each of its occurrences, overlapping
    #: ones included, in order (for every keyword any scan was asked for, see :func:`scan`)
    keyword_ends: dict[str, list[int]] | None = None


#: The automaton of :func:`_index` with keys for a set of keywords, and those keywords (replaced, never
#: changed, when more are asked for: a scan running meanwhile keeps the one it started with).
_WITH_KEYWORDS: list[tuple[frozenset[str], ahocorasick.Automaton] | None] = [None]


def _keyword_automaton(keywords: tuple[str, ...]) -> ahocorasick.Automaton:
    """The automaton of :func:`_index` with keys of kind :data:`_KEYWORD` for ``keywords`` (and for the
    keywords asked for before), built again only when a new keyword comes."""
    current = _WITH_KEYWORDS[0]
    if current is not None and current[0].issuperset(keywords):
        return current[1]
    words = (current[0] if current is not None else frozenset()).union(keywords)
    entries = dict(_index().entries)
    for word in sorted(words):
        if not word:
            continue
        folded = _fold(word)
        exact = folded == word and "?" not in word and " " not in word  # word characters only
        entry = entries.get(folded)
        if entry is not None and entry[2] is not None and entry[2].word == _KEYWORD:
            value = entry[2]._replace(keywords=(*entry[2].keywords, (word, exact)))
        else:
            value = _KeyValue(len(folded), 0, None, (), _KEYWORD, ((word, exact),), entry)
        entries[folded] = (len(folded) - 1, None, value)
    automaton = _automaton(entries)
    _WITH_KEYWORDS[0] = (words, automaton)
    return automaton


def scan(text: str, keywords: tuple[str, ...] = (), data: bytes | None = None) -> Scan:
    """Run the automaton over the folded text once (see :func:`~summitlib.extract._lexicon.fold`).

    With ``keywords`` (literals looked for anywhere, as ``_context.keyword_ends`` does), the same pass
    finds their occurrences too (and those of the keywords earlier scans were asked for: an automaton
    with keys for them is built once). ``data`` is :func:`~summitlib.extract._lexicon.latin1` of ``text``, if the
    caller has it.
    """
    automaton = _keyword_automaton(keywords) if keywords else _index().automaton
    folded = " " + (_fold(text) if data is None else fold_latin1(data)) + " "
    # (start, -end, payloads): a start and end fix the surface form, so no two entries tie on the
    # first two fields and the plain tuple sort orders by start, longest first.
    raw: list[tuple[int, int, tuple[_P, ...]]] = []
    append = raw.append
    anchors: list[int] = []
    scales: list[int] = []
    ends: dict[str, list[int]] = {}
    startswith = text.startswith
    for last, entry in automaton.iter(folded):
        shift, simple, value = entry
        # folded[i] is text[i - 1]; the key spans the boundary characters around the surface
        start = last - shift
        if value is None:
            append((start, 1 - last, simple))  # the payloads of a simple entry
            continue
        if value.word == _KEYWORD:
            if keywords:
                words = value.keywords
                if len(words) == 1 and words[0][1]:  # one keyword, its own folding
                    found = ends.get(words[0][0])
                    if found is None:
                        ends[words[0][0]] = [last - 1]
                    else:
                        found.append(last - 1)
                else:
                    _keyword_hits(words, start - 1, last - 1, ends, startswith)
            if value.inner is None:
                continue
            _, simple, value = value.inner  # the same key: the same start
            if value is None:
                append((start, 1 - last, simple))
                continue
        if value.word:
            (anchors if value.word == _DATE_ANCHOR else scales).append(start)
            continue
        if value.check and not _boundaries(text, start, last - 1, value.check):
            continue
        if value.exact is not None:
            append((start, 1 - last, value.exact))
        for surface, payloads in value.verify:
            if startswith(surface, start):
                append((start, 1 - last, payloads))
    anchors.sort()
    scales.sort()
    return Scan(_leftmost_longest(text, raw), anchors, scales, ends if keywords else None)


def _keyword_hits(
    words: tuple[tuple[str, bool], ...],
    start: int,
    end: int,
    ends: dict[str, list[int]],
    startswith: Callable[[str, int], bool],
) -> None:
    """Record the keywords of one key that occur at ``text[start:end + 1]`` (``startswith`` is the
    text's) under ``end`` in ``ends``."""
    for word, exact in words:
        if exact or (start >= 0 and startswith(word, start)):
            found = ends.get(word)
            if found is None:
                ends[word] = [end]
            else:
                found.append(end)


def _leftmost_longest(text: str, raw: list[tuple[int, int, tuple[_P, ...]]]) -> list[_Cand]:
    """The non-overlapping candidates, leftmost first and longest at each start."""
    raw.sort()
    out: list[_Cand] = []
    pos = 0
    for start, neg_end, payloads in raw:
        if start < pos:
            continue
        p = payloads[0]
        end = -neg_end
        if p.tag == "country" and text.startswith("-Dollar", end):
            continue
        out.append(_new_tuple(_Cand, (start, end, p)))
        pos = end
    return out


def _boundaries(text: str, start: int, end: int, check: int) -> bool:
    """Whether the characters around ``text[start:end]`` that folded to ``?`` (bit 0: the one before,
    bit 1: the one after) are boundaries, not word characters beyond Latin-1."""
    if check & 1 and start and _is_word(text[start - 1]):
        return False
    return not (check & 2 and _is_word(text[end]))


_set_span, _set_kind, _set_key, _set_country, _set_role, _set_form, _set_is_leader = _slot_setters(
    EntityMention, ("span", "kind", "key", "country", "role", "form", "is_leader")
)


def _entity(
    text: str,
    start: int,
    end: int,
    kind: EntityKind,
    key: str,
    *,
    country: str | None = None,
    role: str | None = None,
    form: str = "name",
    is_leader: bool = False,
) -> EntityMention:
    """An :class:`EntityMention` of ``text[start:end]``, set slot by slot: the same object the class
    makes (it has neither validators nor converters), without the keyword-argument machinery."""
    return _entity_of(text, start, end, (kind, key, country, role, form, is_leader))


def _entity_of(text: str, start: int, end: int, fields: _Fields) -> EntityMention:
    """The :class:`EntityMention` of ``text[start:end]`` with these fields (see :func:`_entity`)."""
    kind, key, country, role, form, is_leader = fields
    span: Span = _new_object(Span)  # as model._span makes it, one call less
    _set_span_start(span, start)
    _set_span_end(span, end)
    _set_span_text(span, text[start:end])
    m: EntityMention = _new_object(EntityMention)
    _set_span(m, span)
    _set_kind(m, kind)
    _set_key(m, key)
    _set_country(m, country)
    _set_role(m, role)
    _set_form(m, form)
    _set_is_leader(m, is_leader)
    return m


def _mention(text: str, start: int, end: int, kind: EntityKind, key: str, **kw: object) -> EntityMention:
    return _entity(text, start, end, kind, key, **kw)  # type: ignore[arg-type]


def find_entities(text: str, published: dt.date | None = None) -> list[EntityMention]:
    """All entity mentions in ``text``, sorted by start and non-overlapping.

    Args:
        text: the article text (any length; every pass is linear in it).
        published: the publication day, used to resolve role phrases and shared surnames.

    Returns:
        The mentions, possibly empty.
    """
    return entities_at(text, published, scan(text).candidates)


def entities_at(text: str, published: dt.date | None, cands: list[_Cand]) -> list[EntityMention]:
    """:func:`find_entities`, given the candidates of :func:`scan`."""
    idx = _index()
    out: list[EntityMention] = []
    seen: set[str] = set()
    unknown: dict[str, tuple[str | None, str | None]] = {}
    i = 0
    n = len(cands)
    while i < n:
        c = cands[i]
        p = c.p
        tag = p.tag
        nxt = cands[i + 1] if i + 1 < n else None
        # 1. a state word or an organization prefix before a role noun
        if (
            nxt is not None
            and tag in ("country", "org")
            and nxt.p.tag == "role"
            and _role_prefix(p, text[c.end : nxt.start])
        ):
            i = _role_phrase(
                text,
                cands,
                i + 1,
                start=c.start,
                country=p.key,
                published=published,
                out=out,
                seen=seen,
                unknown=unknown,
                idx=idx,
            )
            continue
        if tag == "role":
            # "NDB-Präsidentin Dilma Rousseff", "IOC-Präsident Thomas Bach": the office of a body the
            # gazetteer does not know, not of a state; the name stays a person without a leader's role.
            body_office = c.start > 1 and text[c.start - 1] == "-" and _is_word(text[c.start - 2])
            i = _role_phrase(
                text,
                cands,
                i,
                start=c.start,
                country=None,
                published=published,
                out=out,
                seen=seen,
                unknown=unknown,
                idx=idx,
                body_office=body_office,
            )
            continue
        # 3. capital descriptions
        if tag == "country":
            if p.form == "adjective" and nxt and nxt.p.tag == "hauptstadt" and text[c.end : nxt.start] == " ":
                cap = idx.capitals.get(p.key)
                if cap is not None:
                    out.append(
                        _entity(text, c.start, nxt.end, _CITY, cap.name_en, country=cap.country, form="description")
                    )
                    i += 2
                    continue
        elif tag == "hauptstadt":
            if nxt and nxt.p.tag == "country" and nxt.p.form == "genitive" and text[c.end : nxt.start] == " ":
                cap = idx.capitals.get(nxt.p.key)
                if cap is not None:
                    out.append(
                        _entity(text, c.start, nxt.end, _CITY, cap.name_en, country=cap.country, form="description")
                    )
                    i += 2
                    continue
            i += 1
            continue
        out.append(_plain(text, c, published, seen))
        i += 1
    if unknown:
        out = _unknown_surnames(text, out, unknown)
    return out


def _role_prefix(p: _P, gap: str) -> bool:
    """Whether candidate payload ``p``, followed by ``gap`` and a role noun, is the state or
    organization of a role phrase: ``Kasachstans Präsident``, ``US-Präsident``, ``UN-Generalsekretär``."""
    if p.tag == "country":
        return gap in (" ", "-") and p.form in ("genitive", "adjective", "abbreviation")
    return gap == "-"


_PERSON, _CITY = EntityKind.PERSON, EntityKind.CITY


def _leader_mention(text: str, start: int, end: int, row: gz.LeaderRow, form: str) -> EntityMention:
    """A person mention resolved to a row of the leaders table."""
    return _entity(
        text,
        start,
        end,
        _PERSON,
        row.canonical,
        country=row.country,
        role=row.role,
        form=form,
        is_leader=row.role in gz.LEADER_ROLES,
    )


def _plain(text: str, c: _Cand, published: dt.date | None, seen: set[str]) -> EntityMention:
    """The mention of a candidate outside any role phrase."""
    start, end, p = c
    plain = p.plain
    if plain is not None:
        fields, compound = plain
        if compound is not None and text[end : end + 1] == "-":
            fields = compound
        return _entity_of(text, start, end, fields)
    tag = p.tag
    if tag in ("person", "surname"):
        # only a nominative surname can follow a given name: "nach Worten Schaparows" is a genitive
        nominative = tag == "surname" and not text[start:end].endswith(("s", "'"))
        given = _GIVEN_NAME.search(text, max(0, start - 30), start) if nominative else None
        if given is not None and _looks_given(text, given.start(1), given.group(1)):
            # "Sherzod Asadov" is not "Ali Asadov": a surname the gazetteer knows, after another given
            # name, is somebody else, named in full as written
            return _entity(text, given.start(1), end, _PERSON, text[given.start(1) : end])
        row = _pick_row(p.rows, published, seen)
        if tag == "person":
            seen.add(row.canonical)
        return _leader_mention(text, start, end, row, p.form)
    raise AssertionError(tag)  # pragma: no cover - every other payload has its plain fields


def _role_phrase(
    text: str,
    cands: list[_Cand],
    j: int,
    *,
    start: int,
    country: str | None,
    published: dt.date | None,
    out: list[EntityMention],
    seen: set[str],
    unknown: dict[str, tuple[str | None, str | None]],
    idx: _Index,
    body_office: bool = False,
) -> int:
    """Resolve the role phrase whose role noun is ``cands[j]``; append its mention; return next index."""
    role_c = cands[j]
    role = "other" if body_office else role_c.p.role
    country = country or role_c.p.country
    end = role_c.end
    k = j + 1
    nxt = cands[k] if k < len(cands) else None
    # "Präsident Kasachstans", "der Präsident der Mongolei"
    gap = text[end : nxt.start] if nxt else ""
    if (
        country is None
        and nxt
        and nxt.p.tag == "country"
        and gap in _ROLE_GAPS - {"-"}
        and (nxt.p.form == "genitive" or gap != " ")
        # "der Emir von Katar", but not the plural "die Staats- und Regierungschefs von Kirgisistan, …"
        and (gap != " von " or not text[role_c.start : end].endswith("s"))
    ):
        country = nxt.p.key
        end = nxt.end
        k += 1
        nxt = cands[k] if k < len(cands) else None
    # a known person right after the role
    if nxt and nxt.p.tag in ("person", "surname") and text[end : nxt.start] == " ":
        rows = nxt.p.rows
        fitting = tuple(r for r in rows if country in (None, r.country, r.organization)) or rows
        row = _pick_row(fitting, published, seen)
        seen.add(row.canonical)
        out.append(_leader_mention(text, start, nxt.end, row, nxt.p.form))
        return k + 1
    # an unknown (or weak-surname) person right after the role
    if end < len(text) and text[end] == " ":
        m = _NAME_RE.match(text, end + 1)
        if m:
            limit = nxt.start if nxt else len(text)
            tokens: list[str] = []
            stop = m.end()
            for tm in re.finditer(r"\S+", m.group()):
                t_end = m.start() + tm.end()
                if tm.group() in _NOT_NAME or m.start() + tm.start() >= limit:
                    break
                tokens.append(tm.group())
                stop = t_end
            name = " ".join(tokens).rstrip(".")
            stop = m.start() + len(name) if tokens else stop
            if name and name[:1].isupper() and name.split()[-1][:1].isupper():
                weak = idx.weak.get(name)
                if weak:
                    row = _pick_row(weak, published, seen)
                    out.append(_leader_mention(text, start, stop, row, "surname"))
                    return k
                # A lone capitalised word after a role is far more often a noun ("Platz") than a
                # person introduced by surname only: German news names people in full first.
                if len(tokens) >= 2:
                    unknown.setdefault(name, (country, role))
                    out.append(
                        _mention(
                            text,
                            start,
                            stop,
                            EntityKind.PERSON,
                            name,
                            country=country,
                            role=role,
                            form="name",
                            is_leader=role in gz.LEADER_ROLES,
                        )
                    )
                    return k
    # no name: the office holder on the publication day
    holder = None if body_office else _holder(country, role, published)
    if holder is not None:
        seen.add(holder.canonical)
        out.append(_leader_mention(text, start, end, holder, "role_phrase"))
    elif start < role_c.start:
        # keep the state word as a plain mention when the office holder is unknown
        first = next(c for c in cands if c.start == start)
        out.append(_plain(text, first, published, seen))
    return k


def _unknown_surnames(
    text: str, mentions: list[EntityMention], unknown: dict[str, tuple[str | None, str | None]]
) -> list[EntityMention]:
    """Add later surname-only mentions of persons a role phrase introduced."""
    by_surname: dict[str, str] = {}
    for name in unknown:
        parts = name.split()
        if len(parts) >= 2 and len(parts[-1]) >= 3:
            by_surname.setdefault(parts[-1], name)
    if not by_surname:
        return mentions
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(sorted(map(re.escape, by_surname), key=len, reverse=True)) + r")s?(?!\w)"
    )
    taken = [(m.span.start, m.span.end) for m in mentions]
    added = list(mentions)
    for m in pattern.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken):
            continue
        full = by_surname[m.group(1)]
        country, role = unknown[full]
        added.append(
            _mention(
                text,
                s,
                e,
                EntityKind.PERSON,
                full,
                country=country,
                role=role,
                form="surname",
                is_leader=role in gz.LEADER_ROLES,
            )
        )
    added.sort(key=lambda x: x.span.start)
    return added
