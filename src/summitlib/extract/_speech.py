"""The reporting-verb lexicon (``data/reporting_verbs_de.tsv``) and the verb hits it yields in a text.

Grammar of a hit
----------------
A *hit* is one word of the text that can head a reported-speech clause:

* ``finite``: a finite form of the base verb (``betonte``, ``schlug``, ``kündigten``); separable verbs
  need their particle later in the clause (``schlug … vor``), checked by the caller;
* ``joined``: a verb-final separable form, particle and finite form in one word (``vorschlug``,
  ``einlud``, ``mitteilte``), only in subordinate clauses;
* ``participle``: a past participle (``erklärt``, ``vorgeworfen``), used with a form of *haben*;
* ``zu_inf``: a zu-infinitive (``aufzurufen``; ``zu betonen`` as two words), used in *um … zu* clauses.

The table is loaded once, lazily, through :mod:`importlib.resources`, and compiled into one
Aho-Corasick automaton: :class:`VerbIndex` finds every lexicon word of a text in a single pass over
the lower-cased text, and the statement extractor then looks hits up per sentence by bisection.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

import ahocorasick
import attrs

from summitlib._data import read_rows
from summitlib.extract._lexicon import lower_same_length
from summitlib.extract._marks import NEEDLES
from summitlib.model import Act

__all__ = ["WINDOW", "Form", "Hit", "VerbEntry", "VerbIndex", "lexicon", "particle_end", "readings"]

WINDOW = 320  # characters scanned before or after a verb for its clause (keeps every scan bounded)

_DATA = "reporting_verbs_de.tsv"
_COLUMNS = ("lemma", "particle", "finite", "participle", "act", "frame", "variants", "notes")


@attrs.frozen
class VerbEntry:
    """One row of the lexicon: a reporting verb reading and what it needs to be one."""

    lemma: str
    particle: tuple[str, ...]
    act: Act | None
    reflexive: bool = False
    attitude: bool = False
    no_greeting: bool = False
    preps: tuple[str, ...] = ()
    variants: tuple[tuple[str, Act | None], ...] = ()


@attrs.frozen
class Form:
    """A word form of an entry: which kind of hit it is and its grammatical number."""

    entry: VerbEntry
    kind: str  # finite | joined | participle | zu_inf | inf
    plural: bool = False
    words_before: tuple[str, ...] = ()  # earlier words of a multi-word participle (deutlich gemacht)


def _act(value: str) -> Act | None:
    return None if value == "none" else Act(value)


def _parse_row(cells: list[str]) -> tuple[VerbEntry, list[tuple[str, Form]]]:
    row = dict(zip(_COLUMNS, cells, strict=False))
    particle = tuple(row["particle"].split()) if row["particle"] != "-" else ()
    frame = set(row.get("frame", "-").split()) - {"-"}
    preps: tuple[str, ...] = ()
    for item in frame:
        if item.startswith("prep:"):
            preps = tuple(item[5:].split(","))
    variants = tuple(
        (word, _act(act)) for word, _, act in (v.partition(">") for v in row.get("variants", "-").split()) if act
    )
    entry = VerbEntry(
        lemma=row["lemma"],
        particle=particle,
        act=_act(row["act"]),
        reflexive="sich" in frame,
        attitude="adj" in frame,
        no_greeting="nogreet" in frame,
        preps=preps,
        variants=variants,
    )
    forms: list[tuple[str, Form]] = []
    finite = row["finite"].split()
    for i, word in enumerate(finite):
        plural = i % 2 == 1
        forms.append((word, Form(entry, "finite", plural)))
        if len(particle) == 1:
            forms.append((particle[0] + word, Form(entry, "joined", plural)))
    base_inf = finite[3] if len(finite) > 3 else None
    if len(particle) == 1 and base_inf:
        forms.append((particle[0] + "zu" + base_inf, Form(entry, "zu_inf")))
    elif not particle:
        forms.append((row["lemma"], Form(entry, "inf")))
    if row["participle"] != "-":
        *before, last = row["participle"].split()
        forms.append((last, Form(entry, "participle", words_before=tuple(before))))
    return entry, forms


@functools.cache
def lexicon() -> dict[str, tuple[Form, ...]]:
    """Every word form of the lexicon (lower case) with the readings it can have.

    Raises:
        ValueError: when the data file has a malformed row (a packaging error, never input-dependent).
    """
    table: dict[str, list[Form]] = {}
    for cells in read_rows(_DATA, columns=_COLUMNS, min_cells=6)[1]:
        _, forms = _parse_row(cells)
        for word, form in forms:
            # Swiss and capital-less spellings write ss for ß (äusserte, heisst)
            for variant in {word.lower(), word.lower().replace("ß", "ss")}:
                bucket = table.setdefault(variant, [])
                if form not in bucket:
                    bucket.append(form)
    return {word: tuple(forms) for word, forms in table.items()}


# ------------------------------------------------------------------------------------------ verb hits


class _Word(NamedTuple):
    """A lexicon word's readings, split once by kind for :func:`readings`."""

    size: int
    participles: list[Form]
    plain: list[Form]  # finite forms without a particle
    separable: list[Form]  # finite forms that need their particle
    rest: list[Form]  # joined, zu-infinitive, infinitive
    default: list[Form]  # the readings when no particle decides: participles + plain + rest


# Characters of German news text, most frequent first. The automaton looks a character up among a
# node's children in the order they were added, so adding words in this order makes each step cheaper.
_FREQUENT = " enisratdhulcgmobwfkzvpüäößjyxq,.„“"
_RANK = {c: i for i, c in enumerate(_FREQUENT)}


def _frequency_key(word: str) -> list[int]:
    """Sort key putting words whose characters are frequent first (character by character)."""
    return [_RANK.get(c, len(_FREQUENT)) for c in word]


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    """All lexicon word forms (lower case) in one Aho-Corasick automaton, built once; with them the
    punctuation and cue literals of :mod:`~summitlib.extract._marks` (value: the literal's index in
    ``NEEDLES``), so one pass over the text finds both."""
    automaton = ahocorasick.Automaton()
    clash = set(NEEDLES) & set(lexicon())
    if clash:
        raise ValueError(f"{_DATA}: words that are also punctuation or cue literals: {sorted(clash)}")
    entries: dict[str, int | _Word] = {needle: k for k, needle in enumerate(NEEDLES)}
    for word, forms in lexicon().items():
        finite = [f for f in forms if f.kind == "finite"]
        participles = [f for f in forms if f.kind == "participle"]
        plain = [f for f in finite if not f.entry.particle]
        rest = [f for f in forms if f.kind not in ("participle", "finite")]
        separable = [f for f in finite if f.entry.particle]
        entries[word] = _Word(len(word), participles, plain, separable, rest, participles + plain + rest)
    # literals and words together: the root's children then come in character frequency order too
    for word in sorted(entries, key=_frequency_key):
        automaton.add_word(word, entries[word])
    automaton.make_automaton()
    return automaton


_WORD = re.compile(r"[^\W\d_]+")  # a word: a maximal run of letters


def _is_letter(ch: str) -> bool:
    """Whether ``ch`` is a letter as ``_WORD`` sees it (alphanumeric, not a decimal digit)."""
    return ch.isalnum() and not ch.isdecimal()


Hit = tuple[int, int, Form]  # one reading of a lexicon word: the word's start and end offsets, the form


class VerbIndex:
    """The lexicon words of one text, found in one automaton pass and looked up per sentence.

    The automaton runs once over the lower-cased text; a match counts when no letter touches it, so
    the index holds exactly the lexicon words that ``_WORD`` would find. A sentence whose boundary
    cuts a run of letters (never seen in practice) scans its own words instead.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        n = len(text)
        cands: list[tuple[int, int, _Word]] = []
        ends: list[list[int]] = [[] for _ in NEEDLES]  # where each literal of _marks ends
        for last, word in _automaton().iter(lower_same_length(text)):
            if word.__class__ is int:  # the index of a literal of _marks
                ends[word].append(last)
                continue
            start, end = last - word.size + 1, last + 1
            if start > 0 and text[start - 1].isalnum() and not text[start - 1].isdecimal():
                continue  # a letter before: part of a longer word
            if end < n and text[end].isalnum() and not text[end].isdecimal():
                continue
            cands.append((start, end, word))
        # the starts of each literal of _marks.NEEDLES, for Marks
        self.literals = {
            needle: [p - len(needle) + 1 for p in found] if len(needle) > 1 else found
            for needle, found in zip(NEEDLES, ends, strict=True)
            if found
        }
        self.cands = cands  # in text order: whole words are disjoint, and the automaton reports by end
        self.starts = [c[0] for c in cands]

    def _scanned(self, s0: int, s1: int) -> list[tuple[int, int, _Word]]:
        """The lexicon words of ``[s0, s1)``, found word by word (for a sentence that cuts a word)."""
        automaton = _automaton()
        out = []
        for w in _WORD.finditer(self.text, s0, s1):
            word = automaton.get(w.group().lower(), None)
            if word is not None and word.__class__ is not int:
                out.append((w.start(), w.end(), word))
        return out

    def _cut(self, s0: int, s1: int) -> bool:
        """Whether a boundary of ``[s0, s1)`` cuts a run of letters (then the index cannot be used)."""
        text = self.text
        n = len(text)
        return (0 < s0 < n and text[s0 - 1].isalnum() and _is_letter(text[s0 - 1]) and _is_letter(text[s0])) or (
            0 < s1 < n and text[s1].isalnum() and _is_letter(text[s1 - 1]) and _is_letter(text[s1])
        )

    def hits(self, s0: int, s1: int) -> list[Hit]:
        """The readings of every lexicon word of the sentence ``[s0, s1)``, in text order.

        A capitalised word is a noun (``das Sagen``) unless it opens the sentence.
        """
        text = self.text
        out: list[Hit] = []
        starts = self.starts
        i = bisect.bisect_left(starts, s0)
        if self._cut(s0, s1):
            words = self._scanned(s0, s1)
        elif i == len(starts) or starts[i] >= s1:
            return out  # the usual sentence: no lexicon word
        else:
            words = self.cands[i : bisect.bisect_left(starts, s1, i)]
        for start, end, word in words:
            if start != s0 and text[start].isupper():
                continue
            for form in readings(text, end, s1, word):
                out.append((start, end, form))
        return out


def readings(text: str, pos: int, s1: int, word: _Word) -> list[Form]:
    """The readings of one word worth trying, in order: participle, one finite reading, the rest.

    Among separable readings the one whose particle closes the clause first wins (``sagte … ab``
    beats ``sagte … zu``); a word that also has a plain reading (``sagte``) only takes a particle
    from its own first clause, so ``sagte, Russland lehne das ab`` stays ``sagen``.
    """
    best: Form | None = None
    if word.separable:
        limit = min(s1, pos + WINDOW)
        if word.plain:
            comma = text.find(",", pos, limit)
            limit = comma if comma >= 0 else limit
        best_pos = limit + 1
        for f in word.separable:
            at = particle_end(text, pos, limit, f.entry.particle)
            if at is not None and at < best_pos:
                best, best_pos = f, at
    if best is None:
        return word.default
    if best.entry.act is None:
        return word.participles + word.rest
    return [*word.participles, best, *word.rest]


@functools.cache
def _particle_re(particle: tuple[str, ...]) -> re.Pattern[str]:
    """The particle as whole words closing a clause (before punctuation, a quote or a conjunction)."""
    first = re.escape(particle[0])
    words = r"\s+".join([rf"{first}(?<![\w-]{first})", *map(re.escape, particle[1:])])  # literal first: fast
    return re.compile(rf"{words}(?=\s*(?:[,.;:!?–—“”«»\")]|$|\s+(?:und|sowie|oder|aber)\b))")


def particle_end(text: str, pos: int, limit: int, particle: tuple[str, ...]) -> int | None:
    """End of the separable ``particle`` closing a clause in ``text[pos:limit]`` (``schlug … vor``)."""
    if not particle or text.find(particle[0], pos, limit) < 0:
        return None
    m = _particle_re(particle).search(text, pos, limit)
    return m.end() if m else None


@functools.cache
def _variant_re(word: str) -> re.Pattern[str]:
    return re.compile(rf"\s+(?:\S+\s+){{0,2}}{re.escape(word)}\b")


def variant_act(entry: VerbEntry, text: str, pos: int) -> tuple[bool, Act | None]:
    """The act after the verb ending at ``pos`` (``betonte erneut`` = reaffirm); ``(False, _)`` = no reading."""
    act = entry.act
    for word, alt in entry.variants:
        if _variant_re(word).match(text, pos, pos + 60):
            if alt is None:
                return False, None
            act = alt
    return True, act


@functools.cache
def prep_re(preps: tuple[str, ...]) -> re.Pattern[str]:
    """One of the prepositions a verb's frame needs (``verwies auf``, ``sprach von``)."""
    words = (rf"{re.escape(p[0])}(?<!\w{re.escape(p[0])}){re.escape(p[1:])}" for p in preps)  # \b, literal first
    return re.compile(r"(?:" + "|".join(words) + r")\b")
