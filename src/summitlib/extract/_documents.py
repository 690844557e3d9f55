"""Machinery of :mod:`summitlib.extract.agreements`: the lexicon, the patterns and the pure helpers.

Everything here works on one clause, one noun or the list of hits; the article-wide rules (signers,
summit link) live in ``agreements.py``. Every pattern is linear in its input (no nested unbounded
quantifiers) and every helper runs in time linear in the span it is given.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from typing import TYPE_CHECKING, NamedTuple

import ahocorasick
import attrs

from summitlib._data import read_rows
from summitlib.extract._lexicon import fold_free
from summitlib.model import Agreement, AgreementKind, Count, Money, Span, Summit

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from summitlib.extract.entities import EntityMention

_DATA = "agreements_de.tsv"

#: Capitalised or lower-case word tokens (German letters, digits, apostrophes, inner hyphens).
WORD = re.compile(
    r"""
      [^\W_] [\w'’]*            # a word: letters/digits, may carry an apostrophe (Xi'an)
      (?: - [^\W_] [\w'’]* )*   # hyphen compounds (Astana-Erklärung, US-Unternehmen)
    """,
    re.VERBOSE,
)

#: Clause boundaries inside a sentence. The first character is matched by one class (so the scan
#: skips ahead to candidates) and each branch checks which it was.
_CLAUSE = re.compile(
    r"""
    [\s;:,]
    (?: (?<=[;:]) \s*                         # semicolon or colon
      | (?<=\s) \s* [;:] \s*                  # ... with blanks before it
      | (?<=\s) \s* [–—] \s+                  # spaced dash
      | (?<=,) \s* (?= (?: der|die|das|den|dem|deren|dessen|welche[rsnm]?|dass|daß|wie|wo|als|weil|nachdem
                      |ob|wenn|obwohl|damit|sodass|während|um|bevor|seit|seitdem|aber|doch|sondern
                      |teilte|hieß|sagte|erklärte|so) \b )   # comma + subordinator / relative pronoun
    )
    """,
    re.VERBOSE,
)

#: A fronted subordinate clause: it ends at its first comma ("Wie X mitteilte, ging es …").
_FRONTED = re.compile(r"(?:Wie|Als|Nachdem|Während|Da|Weil|Obwohl|Wenn|Bevor|Seit|Seitdem)\b")

#: A passive main clause after a comma: "…, ein entsprechender Beschluss wurde gefasst" (its own signers).
_ASYNDETIC = re.compile(r",\s*(?=(?:ein|eine|einen)\s[^,;:.]{0,60}?\b(?:wurde|wurden)\b)")

#: "und" followed by a verb: a coordinated verb phrase with its own objects.
_AND_VERB = re.compile(r"\sund\s+(\w+)")

#: Relative pronouns that open a clause referring back to the last noun.
RELATIVE = re.compile(r"(?:der|die|das|den|dem|welche[rsnm]?)\b")

#: The separable particle of ``nahmen … an`` / ``schlossen … ab``: the word before a clause or
#: sentence end, a comma or a dash ("nahmen 24 Dokumente an, darunter …").
PARTICLE = re.compile(r"\b(?:ab|an)\b(?=[\s.!?»«“”\"]*(?:[,;:–—]|\Z))")

#: A participle followed by a passive/future auxiliary: "unterzeichnet werden" is a plan.
WERDEN_AFTER = re.compile(r"\A\s+(?:werden|werde|würden|würde|sollen|soll)\b")

#: A sentence that adds documents to those of the sentence before: "Hinzu kommen …", "Dazu kam …",
#: "Dazu gehören …", "Darunter ist/sind …" (its nouns are signed as the earlier ones were, by the same
#: sides).
CONTINUATION = re.compile(
    r"""
      (?: (?:Hinzu|Dazu) \s+ (?:kommt|kommen|kam|kamen)
        | Dazu \s+ (?:gehört|gehören|gehörte|gehörten|zählt|zählen|zählte|zählten)
        | Darunter \s+ (?:ist|sind|war|waren|befindet\s+sich|befinden\s+sich|befand\s+sich|befanden\s+sich)
      ) \b
    """,
    re.VERBOSE,
)

#: A business topic right after a ``Vertrag``: "Vertrag über den Bau eines Kraftwerks" is a contract.
BUSINESS_TOPIC = re.compile(
    r"\s+(?:über|zur?|für)\s+(?:(?:den|die|das|dem|der)\s+)?"
    r"(?:Bau|Lieferung|Lieferungen|Kauf|Ankauf|Errichtung|Modernisierung)\b"
)

#: "sich" right after a finite "schloss(en)": joining (schlossen sich … an), not concluding.
SICH = re.compile(r"\A\s+sich\b")

#: "weitere" right before a noun (at most one adjective between): another document.
_FURTHER = re.compile(r"\bweitere\w*\s+(?:\w+\s+)?\Z")

#: A definite article right before a noun (at most one adjective between): a known document.
_DEFINITE = re.compile(r"\b(?:der|die|das|dem|den|des)\s+(?:\w+\s+)?\Z")

#: "… von Tianjin" after a noun: the proper part of a document's name.
_OF_NAME = re.compile(r"\s+von\s+([A-ZÄÖÜ][\w'’-]*)")

#: "Astanaer Erklärung": a city adjective before the noun.
_ADJ_NAME = re.compile(r"([A-ZÄÖÜ][\w'’-]*er)\s+\Z")

#: What stands between a document and a generic noun in apposition ("die Erklärung von Kasan, ein
#: Dokument mit 130 Punkten"): the same document, described.
_APPOSITION = re.compile(r"(?:\s+von\s+[\w'’-]+)?\s*,\s*(?:ein|eine|einem|einen|einer)\s+(?:[\w-]+\s+)?")

#: Words that end the look-back for a count before a document noun.
_COUNT_STOP = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "und", "sowie", "oder", "über", "im", "in"}
    | {"von", "mit", "zu"}
)


@attrs.frozen
class Lexicon:
    """The rows of ``data/agreements_de.tsv`` (see its header), plus patterns built from them."""

    nouns: dict[str, tuple[str, str]]
    self_nouns: dict[str, str]
    deals: frozenset[str]
    verbs: dict[str, str]
    collocates: dict[str, tuple[str, ...]]
    infinitives: frozenset[str]
    modals: frozenset[str]
    negations: frozenset[str]
    numbers: dict[str, tuple[int, bool]]
    several: frozenset[str]
    pair: frozenset[str]
    pair_nouns: frozenset[str]
    witness: frozenset[str]
    source: frozenset[str]
    elsewhere: frozenset[str]
    visit: frozenset[str]
    summit_cue: frozenset[str]
    generic_cue: frozenset[str]
    sector_re: re.Pattern[str]
    sector_low: re.Pattern[str]
    sectors: dict[str, str]
    sector_lengths: tuple[int, ...]
    noun_stems: tuple[str, ...]
    noun_tails: frozenset[str]
    tail_lengths: dict[str, tuple[int, ...]]
    gate_stems: tuple[str, ...]
    cue_stems: tuple[str, ...]
    aside_re: re.Pattern[str]
    aside_low: re.Pattern[str]
    company_re: re.Pattern[str]
    company_low: re.Pattern[str]
    max_suffix: int


@functools.cache
def lexicon() -> Lexicon:
    """Load ``data/agreements_de.tsv`` once, on first use."""
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for section, form, value, extra in read_rows(_DATA)[1]:  # section, form, value, extra
        rows.setdefault(section, []).append((form, value, extra))

    def forms(section: str) -> frozenset[str]:
        return frozenset(f for f, _, _ in rows.get(section, ()))

    nouns = {f: (v, x) for f, v, x in rows.get("noun", ())}
    deals = {f: (v, x) for f, v, x in rows.get("deal", ())}
    nouns.update(deals)
    self_nouns = {f: v for f, v, _ in rows.get("self", ())}
    sectors = {f: v for f, v, _ in rows.get("sector", ())}
    # longest first, so "erneuerbare energie" wins over "energie" at the same position
    alternatives = sorted(sectors, key=len, reverse=True)
    sector_re = re.compile(r"(?<!\w)" + _trie(alternatives, space=r"\w*\s+") + r"\w*", re.IGNORECASE)
    elsewhere = forms("elsewhere")
    summit_cue = forms("summit_cue")
    aside_re = _word_alternation(forms("witness") | forms("source"))
    company_re = _word_end_alternation(forms("company"))
    return Lexicon(
        nouns=nouns,
        self_nouns=self_nouns,
        deals=frozenset(deals),
        verbs={f: v for f, v, _ in rows.get("verb", ())},
        collocates={f: tuple(x.split(",")) for f, v, x in rows.get("verb", ()) if v == "collocate"},
        infinitives=forms("infinitive"),
        modals=forms("modal"),
        negations=forms("negation"),
        numbers={f: (int(v), x == "multiplier") for f, v, x in rows.get("number", ())},
        several=forms("several"),
        pair=forms("pair"),
        pair_nouns=forms("pair_noun"),
        witness=forms("witness"),
        source=forms("source"),
        elsewhere=elsewhere,
        visit=frozenset(f for f, _, x in rows.get("elsewhere", ()) if x == "visit"),
        summit_cue=summit_cue,
        generic_cue=frozenset(f for f, _, x in rows.get("summit_cue", ()) if x == "generic"),
        sector_re=sector_re,
        sector_low=_case_sensitive(sector_re),
        sectors=sectors,
        sector_lengths=tuple(sorted({len(k) for k in sectors if len(k) > 2}, reverse=True)),
        noun_stems=minimal_stems((*nouns, *self_nouns)),
        noun_tails=frozenset(f[-_TAIL:] for f in (*nouns, *self_nouns)),
        tail_lengths=_tail_lengths((*nouns, *self_nouns)),
        gate_stems=minimal_stems((*(f for f, _, _ in rows.get("verb", ())), *self_nouns, *forms("continue"))),
        cue_stems=minimal_stems((*summit_cue, *elsewhere, "gipfel")),
        aside_re=aside_re,
        aside_low=_case_sensitive(aside_re),
        company_re=company_re,
        company_low=_case_sensitive(company_re),
        max_suffix=max((len(f) for f in (*nouns, *self_nouns)), default=0),
    )


def _case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without ``re.IGNORECASE``: the same matches in lower-cased text that is
    :func:`fold_free` (and faster)."""
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def _tail_lengths(forms: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """For each ending of ``_TAIL`` characters, the lengths of the forms (of at least that many
    characters) that end in it, longest first."""
    out: dict[str, set[int]] = {}
    for f in forms:
        if len(f) >= _TAIL:
            out.setdefault(f[-_TAIL:], set()).add(len(f))
    return {tail: tuple(sorted(lengths, reverse=True)) for tail, lengths in out.items()}


def minimal_stems(forms: Iterable[str]) -> tuple[str, ...]:
    """The forms that contain no other form: a text without any of them holds none of ``forms``."""
    ordered = sorted(set(forms), key=len)
    out: list[str] = []
    for f in ordered:
        if not any(o in f for o in out):
            out.append(f)
    return tuple(out)


#: Phrases of a sentence that names guests or observers.
GUEST = re.compile(
    r"""
      \b [Aa]ls \s+ (?:Gast|Gäste|Gaststaat|Beobachter\w*) \b   # "nahm als Gast teil"
    | \b Beobachter\w* \b                                    # "Ungarn, das Beobachterstatus hat"
    | \b hinzu \b                                             # "kamen … hinzu" (outreach day)
    """,
    re.VERBOSE,
)
#: Words of which every ``GUEST`` match holds one (lower-cased).
_GUEST_STEMS = ("beobachter", "hinzu", "gast", "gäste")


class Scan(NamedTuple):
    """Where the lexicon's stems occur in the lower-cased text (all found in one pass)."""

    #: Starts of the signing-verb and self-adopting-noun stems (``Lexicon.gate_stems``), in order.
    gates: list[int]
    #: Starts of the document-noun stems (``Lexicon.noun_stems``), in order.
    nouns: list[int]
    #: Starts of the cue stems (``Lexicon.cue_stems``), in order, and the stem found at each.
    cue_starts: list[int]
    cue_stems: list[str]
    #: Starts of the words of a ``GUEST`` phrase, in order.
    guests: list[int]


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    """One Aho-Corasick automaton over the stems that :class:`Scan` reports (built once, on first use).

    The automaton walks the text one character at a time and tries every first letter of its keys at
    each; so a stem whose first letter no gate stem has is keyed by its tail from such a letter on
    (``dokument`` by ``ument``), and a hit of the tail is checked against the whole stem.
    """
    lex = lexicon()
    firsts = {stem[0] for stem in lex.gate_stems}
    entries: dict[str, list[tuple[str, int, int, bool]]] = {}
    for group, stems in enumerate((lex.gate_stems, lex.noun_stems, lex.cue_stems, _GUEST_STEMS)):
        for stem in stems:
            cut = next((i for i, c in enumerate(stem[:-2]) if c in firsts), 0)
            entries.setdefault(stem[cut:], []).append((stem, len(stem) - 1, group, cut > 0))
    automaton = ahocorasick.Automaton()
    for key, found in entries.items():
        automaton.add_word(key, tuple(found))
    automaton.make_automaton()
    return automaton


def scan(low: str) -> Scan:
    """Every occurrence of the stems :class:`Scan` reports in ``low`` (overlapping ones too)."""
    lists: tuple[list[int], ...] = ([], [], [], [])
    cues: list[tuple[int, str]] = []
    startswith = low.startswith
    for end, found in _automaton().iter(low):
        for stem, back, group, tail in found:
            at = end - back
            if tail and (at < 0 or not startswith(stem, at)):
                continue
            if group == 2:
                cues.append((at, stem))
            else:
                lists[group].append(at)
    for starts in lists:
        starts.sort()
    cues.sort()
    gates, nouns, _, guests = lists
    return Scan(gates, nouns, [at for at, _ in cues], [stem for _, stem in cues], guests)


def has_company(low: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a company word (``Unternehmen``, ``Staatskonzern`` …) ends in ``low[start:end]``."""
    pattern = lex.company_low if fold_free(low, start, end) else lex.company_re
    return pattern.search(low, start, end) is not None


def guest_starts(text: str, found: Scan) -> list[int]:
    """Starts of the ``GUEST`` matches, as ``GUEST.finditer(text)`` finds them.

    A match starts at one of its words or at the ``als`` before one, so only those places are tried
    (the pattern is case-sensitive: its words hold no character that lower-cases to something else).
    """
    places: set[int] = set()
    for at in found.guests:
        places.add(at)
        k = at
        while k > 0 and text[k - 1].isspace():
            k -= 1
        if k < at and k >= 3:
            places.add(k - 3)  # "als Gast"
    out: list[int] = []
    done = 0
    for at in sorted(places):
        if at < done:
            continue
        m = GUEST.match(text, at)
        if m is not None:
            out.append(at)
            done = m.end()
    return out


def find_all(found: Scan, start: int, end: int) -> list[int]:
    """Sorted starts of the cue stems in ``low[start:end]``, as a ``str.find`` loop per stem finds them
    (an occurrence that overlaps an earlier one of the same stem is left out)."""
    out: list[int] = []
    starts = found.cue_starts
    stems = found.cue_stems
    last: dict[str, int] = {}
    k = bisect.bisect_left(starts, start)
    while k < len(starts) and starts[k] < end:
        at = starts[k]
        stem = stems[k]
        stop = at + len(stem)
        if stop <= end and at >= last.get(stem, start):
            out.append(at)
            last[stem] = stop
        k += 1
    return out


def _trie(forms: Iterable[str], *, space: str = r"\ ") -> str:
    """One regex alternation of ``forms`` factored as a trie (a single pass per position, no backtracking
    over the list); a longer form is tried before its prefix, and ``space`` stands for a blank."""
    root: dict[str, dict[str, object]] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})  # type: ignore[assignment]
        node[""] = {}

    def render(node: dict[str, dict[str, object]]) -> str:
        # the blank branch first: a phrase ("erneuerbare energie") wins over its first word
        keys = sorted((k for k in node if k), key=lambda k: (k != " ", k))
        alts = [(space if k == " " else re.escape(k)) + render(node[k]) for k in keys]  # type: ignore[arg-type]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return body + "?" if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + body + ")?"
        return body

    return "(?:" + render(root) + ")"


def _word_end_alternation(forms: Iterable[str]) -> re.Pattern[str]:
    """A pattern for words ending in one of ``forms`` (case-insensitive), one linear alternation."""
    return re.compile(_trie(forms) + r"(?![\w'’-])", re.IGNORECASE)


def _word_alternation(forms: Iterable[str]) -> re.Pattern[str]:
    """A pattern for one of the whole words ``forms`` (case-insensitive)."""
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"\b(?:" + alternatives + r")\b", re.IGNORECASE)


class Tok(NamedTuple):
    """A word of a sentence: offsets into the article text, the word and its lower-case form."""

    start: int
    end: int
    text: str
    low: str


#: Characters a word run is made of (a run holds one or more ``WORD`` tokens).
_RUN_CHARS = frozenset("'’-_")
#: Longest run looked at around a cue hit: longer runs are no cue words (keeps the scan linear).
_RUN_LIMIT = 60


def _run_start(text: str, pos: int, floor: int) -> int | None:
    """Start of the run of word characters around ``pos`` (None when it is longer than the limit)."""
    i = pos
    stop = max(floor, pos - _RUN_LIMIT)
    while i > stop and (text[i - 1].isalnum() or text[i - 1] in _RUN_CHARS):
        i -= 1
    if i == stop and i > floor and (text[i - 1].isalnum() or text[i - 1] in _RUN_CHARS):
        return None
    return i


def cue_words(text: str, found: Scan, start: int, end: int, lex: Lexicon) -> list[tuple[int, str]]:
    """Positions of the summit/elsewhere cue words in ``text[start:end]`` (word starts, in order).

    The kinds are ``summit``, ``generic`` (a summit cue that a state visit can also use: Sitzung,
    Treffen), ``visit`` (an elsewhere cue naming a visit) and ``elsewhere``.
    """
    out: dict[int, str] = {}
    for at in find_all(found, start, end):
        run = _run_start(text, at, start)
        if run is None:
            continue
        m = WORD.search(text, run, end)
        while m is not None and m.end() <= at:
            m = WORD.search(text, m.end(), end)
        if m is None or m.start() > at or m.start() in out:
            continue
        word = m.group().lower()
        if word in lex.summit_cue or word.endswith(("gipfel", "gipfels")):
            out[m.start()] = "generic" if word in lex.generic_cue else "summit"
        elif word in lex.elsewhere:
            out[m.start()] = "visit" if word in lex.visit else "elsewhere"
    return sorted(out.items())


#: How long before publication a summit still counts as current.
CURRENT_WINDOW = dt.timedelta(days=45)


def current_summits(summits: Sequence[Summit], published: dt.date | None, pub_end: dt.date | None) -> list[int]:
    """Indexes of the summits an article reports as its current event (not past, not announced)."""
    if published is None:
        return list(range(len(summits)))
    end = pub_end or published
    window = published - CURRENT_WINDOW
    dated = [i for i, s in enumerate(summits) if s.date is not None and s.date.start <= end and s.date.end >= window]
    # an undated summit is the current one only when no summit is dated to the publication
    return dated or [i for i, s in enumerate(summits) if s.date is None]


#: Length of the word ending that every listed noun is indexed by (a cheap test before the lookups).
_TAIL = 4


def noun_kind(low: str, lex: Lexicon) -> tuple[str, str] | None:
    """The (kind, number) of a document noun by its longest listed ending, or None."""
    if low[-_TAIL:] not in lex.noun_tails:
        return None
    word = low.rsplit("-", 1)[-1] if "-" in low else low
    # only the lengths of the forms that share the word's last characters can match
    for n in lex.tail_lengths.get(word[-_TAIL:], ()):
        if n > len(word):
            continue
        hit = lex.nouns.get(word[-n:])
        if hit is not None:
            return hit
        self_kind = lex.self_nouns.get(word[-n:])
        if self_kind is not None:
            return (self_kind, "sg")
    return None


def noun_head(low: str, lex: Lexicon) -> str:
    """The listed ending a document noun matched (``haushalt`` of ``Unionshaushalt``), or the word."""
    word = low.rsplit("-", 1)[-1]
    for n in lex.tail_lengths.get(word[-_TAIL:], ()):
        if n <= len(word) and (word[-n:] in lex.nouns or word[-n:] in lex.self_nouns):
            return word[-n:]
    return word


def self_kind(low: str, lex: Lexicon) -> str | None:
    """The kind of a noun that says by itself that it was adopted (Abschlusserklärung), or None."""
    return lex.self_nouns.get(low.rsplit("-", 1)[-1])


def clauses(sent: Span, lex: Lexicon) -> list[tuple[int, int]]:
    """Clause spans of a sentence (see the module grammar of ``agreements``)."""
    text = sent.text
    cuts: list[tuple[int, int]] = []
    for m in _CLAUSE.finditer(text):
        if RELATIVE.match(text, m.end()):
            # a relative clause is verb-final; ", die USA, Saudi-Arabien" is a list, not a clause
            nxt = text.find(",", m.end())
            last = None
            for last in WORD.finditer(text, m.end(), nxt if nxt > 0 else len(text)):  # noqa: B007
                pass
            if last is None or not last.group()[:1].islower():
                continue
        cuts.append((m.start(), m.end()))
    fronted = _FRONTED.match(text)
    if fronted is not None:
        comma = text.find(",", fronted.end())
        if comma > 0:
            cuts.append((comma, comma + 1))
    for am in _ASYNDETIC.finditer(text):
        cuts.append(am.span())
    for am in _AND_VERB.finditer(text):
        if am.group(1).lower() in lex.verbs:
            cuts.append((am.start(), am.start() + 5))
    cuts.sort()
    out = []
    pos = 0
    for a, b in cuts:
        if a < pos:
            continue
        out.append((sent.start + pos, sent.start + a))
        pos = b
    out.append((sent.start + pos, sent.end))
    return [(a, b) for a, b in out if b > a]


#: Between a document and its topic: "Erklärung über den Wasserhaushalt", "Beschluss über den Haushalt".
_DECISION_ON = re.compile(r"\s+(?:über|zu[mr]?)\s+(?:(?:den|die|das|dem|der)\s+)?")

#: Between two plural nouns of a mixed set: "14 Abkommen und Verträge".
_AND_BARE = re.compile(r"\s+(?:und|sowie)\s+")


def drop_appositions(text: str, nouns: list[tuple[Tok, tuple[str, str]]]) -> list[tuple[Tok, tuple[str, str]]]:
    """The nouns less a generic singular ``Dokument`` in apposition to the noun before it, less a noun
    that is the topic of the one before ("Erklärung über den Wasserhaushalt"; but "Beschluss über den
    Haushalt" is the budget), with a bare pair of plurals of two kinds ("Abkommen und Verträge") as one
    set of ``documents``."""
    out = nouns[:1]
    for before, (tok, kind) in itertools.pairwise(nouns):
        if kind == ("documents", "sg") and _APPOSITION.fullmatch(text, before[0].end, tok.start):
            continue
        last = out[-1]
        if last[0] is before[0] and _DECISION_ON.fullmatch(text, before[0].end, tok.start):
            if before[0].low.endswith(_DECISION):
                out[-1] = (tok, kind)  # "Beschluss über den Haushalt": the budget
            continue  # "Erklärung über den Wasserhaushalt": the topic of the document before
        if (
            last[0] is before[0]
            and last[1][0] != "documents"
            and last[1][0] != kind[0]
            and "sg" not in (last[1][1], kind[1])
            and "pl" in (last[1][1], kind[1])
            and _AND_BARE.fullmatch(text, before[0].end, tok.start)
        ):
            out[-1] = (before[0], ("documents", "pl"))
            continue
        out.append((tok, kind))
    return out


#: Endings of a decision noun.
_DECISION = ("beschluss", "beschlusses")


def party_code(e: EntityMention) -> str | None:
    """The state (or ``EU``) an entity signs for."""
    kind = str(e.kind)
    if kind == "country":
        return e.key
    if kind == "person":
        return e.country
    if kind == "organization":
        return "EU" if e.key == "EU" else e.country
    return None


#: Conjunctions between coordinated adjectives before a noun.
_AND_OR = frozenset({"und", "oder"})


def count_before(toks: Sequence[Tok], idx: int, number: str, lex: Lexicon) -> Count:
    """The count written before the noun ``toks[idx]``, skipping up to three adjectives (also
    coordinated ones)."""
    skipped = 0
    j = idx - 1
    while j >= 0 and skipped <= 3:
        t = toks[j]
        low = t.low
        if low.isdigit():
            if len(low) > 3 or number == "sg":
                return None
            return int(low)
        if low in lex.numbers:
            n, multiplier = lex.numbers[low]
            if multiplier:
                if j > 0 and toks[j - 1].low in lex.numbers and not lex.numbers[toks[j - 1].low][1]:
                    return lex.numbers[toks[j - 1].low][0] * n
                return n
            if number == "sg" or n == 1:
                return None
            return n
        if low in lex.several:
            return "several" if number != "sg" else None
        if low == "von" and j > 0 and toks[j - 1].low == "reihe":
            return "several"
        if low in _AND_OR and skipped and j > 0 and toks[j - 1].text[:1].islower():
            j -= 1  # coordinated adjectives: "13 staatliche und private Abkommen"
            continue
        if t.text[:1].isupper() or low in _COUNT_STOP:
            return None
        skipped += 1
        j -= 1
    return None


def _nearest(ends: list[int], at: int) -> int:
    """Index of the offset in the sorted, non-empty ``ends`` closest to ``at`` (the earlier on a tie)."""
    i = bisect.bisect_left(ends, at)
    if i == 0 or i == len(ends):
        return min(i, len(ends) - 1)
    return i - 1 if at - ends[i - 1] <= ends[i] - at else i


def assign_money(money: Sequence[Money], nouns: Sequence[Tok]) -> dict[int, Money]:
    """The amount each noun claims: every amount goes to the closest noun, each noun keeps the closest.

    Returns a map from the noun's start offset to its money.
    """
    if not money or not nouns:
        return {}
    ends = [t.end for t in nouns]
    best: dict[int, tuple[int, Money]] = {}
    for m in money:
        ev = m.evidence
        if ev is None:
            continue
        k = _nearest(ends, ev.start)
        d = abs(ev.start - ends[k])
        key = nouns[k].start
        known = best.get(key)
        if known is None or d < known[0]:
            best[key] = (d, m)
    return {k: v[1] for k, v in best.items()}


def sectors_in(scope: str, lex: Lexicon) -> tuple[str, ...]:
    """The sector labels named in the lower-cased ``scope``, in order."""
    out: list[str] = []
    pattern = lex.sector_low if fold_free(scope) else lex.sector_re
    for m in pattern.finditer(scope):
        low = " ".join(m.group().lower().split())
        label = None
        for n in lex.sector_lengths:  # the longest listed prefix (of three or more characters)
            if n > len(low):
                continue
            key = low[:n]
            # map "erneuerbaren energien" -> the row "erneuerbaren energie"
            if key in lex.sectors:
                label = lex.sectors[key]
                break
        if label is None:
            words = low.split()
            label = next((v for k, v in lex.sectors.items() if k.split()[0] == words[0][: len(k.split()[0])]), None)
        if label is not None and label not in out:
            out.append(label)
    return tuple(out)


def doc_name(text: str, tok: Tok, tail_end: int) -> tuple[str, str | None]:
    """A display name of the document and the proper part that tells it apart (Astana, Xi'an)."""
    name = tok.text
    key: str | None = None
    if "-" in tok.text:
        head = tok.text.rsplit("-", 1)[0]
        if head[:1].isupper() and len(head) > 1:
            key = head.lower()
    m = _OF_NAME.match(text, tok.end, tail_end)
    if m:
        name = f"{tok.text} von {m.group(1)}"
        key = m.group(1).lower()
    before = _ADJ_NAME.search(text[max(0, tok.start - 30) : tok.start])
    if before and key is None:
        key = before.group(1).lower()
        name = f"{before.group(1)} {tok.text}"
    return name, key


@attrs.define
class Hit:
    """One document noun in a signing clause, before merging."""

    kind: AgreementKind
    tok: Tok
    count: Count
    value: Money | None
    parties: tuple[str, ...]
    explicit: bool
    sectors: tuple[str, ...]
    summit: int | None
    name: str
    name_key: str | None
    #: the listed ending the noun matched (``strategie``): other documents of different heads differ
    head: str
    further: bool
    definite: bool
    evidence: list[Span]


def further_definite(text: str, start: int, tok: Tok) -> tuple[bool, bool]:
    """Whether ``weitere`` / a definite article stands right before the noun (within its clause)."""
    before = text[max(start, tok.start - 40) : tok.start].lower()
    return _FURTHER.search(before) is not None, _DEFINITE.search(before) is not None


#: Characters of two heads compared (inflected forms share them: haushalt, haushalts).
_HEAD = 5


def _compatible(a: Hit, b: Hit) -> bool:
    if a.kind != b.kind or a.summit != b.summit or b.further:
        return False
    if a.kind is AgreementKind.OTHER and a.head[:_HEAD] != b.head[:_HEAD]:
        return False  # a budget is no action plan
    if a.value is not None and b.value is not None:
        return (a.value.amount, a.value.currency) == (b.value.amount, b.value.currency)
    if a.count != b.count and not (b.count is None and b.definite):
        return False
    if a.name_key and b.name_key and a.name_key[:4] != b.name_key[:4]:
        return False
    return not (a.explicit and b.explicit and set(a.parties) != set(b.parties))


def merge(hits: Iterable[Hit]) -> list[Hit]:
    """Merge the mentions of the same document (see the module docstring of ``agreements``)."""
    out: list[Hit] = []
    groups: dict[tuple[AgreementKind, int | None], list[Hit]] = {}
    for h in hits:
        group = groups.setdefault((h.kind, h.summit), [])
        twin = next((o for o in group if _compatible(o, h)), None)
        if twin is None:
            out.append(h)
            group.append(h)
            continue
        if h.explicit and not twin.explicit:
            twin.parties, twin.explicit = h.parties, True
        if twin.value is None:
            twin.value = h.value
        if twin.count is None:
            twin.count = h.count
        twin.sectors = twin.sectors + tuple(s for s in h.sectors if s not in twin.sectors)
        if twin.name_key is None and h.name_key is not None:
            twin.name, twin.name_key = h.name, h.name_key
        twin.evidence.extend(h.evidence)
    return out


def _span_order(span: Span) -> tuple[int, int, str]:
    """The order of :class:`Span` (by its fields) as a plain tuple, cheaper to compare."""
    return (span.start, span.end, span.text)


def to_agreement(h: Hit, lex: Lexicon) -> Agreement:
    """The record of a merged hit; without sectors in the text, the noun's own compound (Handelsabkommen)."""
    sectors = h.sectors
    if not sectors:
        m = (lex.sector_low if fold_free(h.tok.low) else lex.sector_re).match(h.tok.low)
        sectors = sectors_in(m.group(), lex) if m is not None else ()
    return Agreement(
        kind=h.kind,
        count=h.count,
        parties=h.parties,
        value=h.value,
        sectors=sectors,
        summit=h.summit,
        name=h.name,
        evidence=tuple(sorted(set(h.evidence), key=_span_order)),
    )
