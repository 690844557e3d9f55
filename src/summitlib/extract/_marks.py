"""Punctuation of one text indexed once: quotation marks (for quotes) and clause boundaries.

The statement extractor asks, for many small windows of the same text, "which quotes lie here?" and
"where does the clause before this verb start?". Scanning every window character by character costs
time proportional to the windows; :class:`Marks` takes every quotation mark, clause-boundary character
and spaced dash from the statement extractor's one automaton pass (or finds them with ``str.find`` per
mark), and answers each question by bisection over those positions. Results are exactly those of the
straightforward left-to-right scans of each window.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

__all__ = ["NEEDLES", "SOURCE_CUES", "Marks", "in_brackets", "is_name_quote"]

# Opening mark -> the marks that close it (German „…“, guillemets both ways, single „‚…‘", ASCII).
_OPENERS = {"„": "“”", "«": "»", "»": "«", "‚": "‘’", '"': '"'}
_QUOTE_MARKS = '„“”«»‚‘’"'
# Clause boundaries inside a sentence (the Vorfeld of a verb starts after the last one): comma,
# semicolon, colon, brackets and quotation marks; and a spaced dash (" – ", " — ", " - ").
_BOUNDARY = ',;:()„“”«»"'
_HARD = ",;:()"  # boundaries that quotation marks do not make (a quote may sit inside a clause)
_DASHES = (" – ", " — ", " - ")
_DASH_LEN = 3
# Literals that source phrases of the statement extractor need: "nach Worten/Angaben/...", "laut",
# "unter Berufung auf",
# "heißt/hieß es" (a sentence without one is not searched for that phrase).
SOURCE_CUES = {
    "nach": ("Worten", "Angaben", "Aussagen", "Darstellung", "laut", "Laut", "Berufung"),
    "heisst": ("heißt", "heisst", "hieß", "hiess"),
    "zufolge": ("zufolge",),
}
_LOWER_CUES = {name: frozenset(w.lower() for w in words) for name, words in SOURCE_CUES.items()}
# Every literal :class:`Marks` looks for, lower-cased: a caller that scans the lower-cased text for
# them (with other words, in one pass) hands their positions to ``Marks(text, found)``.
NEEDLES = tuple(
    dict.fromkeys([*_QUOTE_MARKS, *_BOUNDARY, *_DASHES, *(w.lower() for ws in SOURCE_CUES.values() for w in ws)])
)


def _words(line: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(line.split())


_DETERMINERS = _words("der die das ein eine dieser diese dieses jener jene")
_NAME_NOUNS = _words(
    "sogenannte sogenannten so genannte genannten Motto Titel Slogan Namen Initiative Projekt Programm "
    "Strategie Format Formel Plattform Operation Unternehmen Konzern Zentrum"
)


class Marks:
    """Positions of quotation marks, boundary characters and spaced dashes in ``text``."""

    def __init__(self, text: str, found: dict[str, list[int]] | None = None) -> None:
        """Index ``text``; ``found`` maps each of :data:`NEEDLES` to its starts in the lower-cased text
        (absent: none), else the text is searched here. Cue positions may then include other cases
        (``worten`` in ``antworten``): they only tell where a source phrase is worth trying."""
        self.text = text
        if found is None:
            self.quotes = _positions(text, _QUOTE_MARKS)
            self.bounds = _positions(text, _BOUNDARY)
            self.hard = [p for p in self.bounds if text[p] in _HARD]
            self.dashes = _positions(text, _DASHES)
            self.cues = {name: _positions(text, words) for name, words in SOURCE_CUES.items()}
            self.colons = _positions(text, ":")
        else:
            self.quotes = _gathered(found, _QUOTE_MARKS)
            self.bounds = _gathered(found, _BOUNDARY)
            self.hard = _gathered(found, _HARD)
            self.dashes = _gathered(found, _DASHES)
            self.cues = {name: _gathered(found, _LOWER_CUES[name]) for name in SOURCE_CUES}
            self.colons = found.get(":", [])

    def has_cue(self, name: str, start: int, end: int) -> bool:
        """Whether one of the ``SOURCE_CUES[name]`` literals starts in ``[start, end)``."""
        cues = self.cues[name]
        i = bisect.bisect_left(cues, start)
        return i < len(cues) and cues[i] < end

    def has_quote(self, start: int, end: int) -> bool:
        """Whether a quotation mark stands in ``[start, end)`` (else :meth:`quoted` finds nothing)."""
        pos = self.quotes
        i = bisect.bisect_left(pos, start)
        return i < len(pos) and pos[i] < end

    def quoted(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of quoted text (inside the marks) between ``start`` and ``end``, paired left to right.

        An opening mark pairs with the next mark that can close it; an unclosed one ends the scan.
        """
        text, pos = self.text, self.quotes
        n = len(pos)
        out = []
        i = bisect.bisect_left(pos, start)
        while i < n and pos[i] < end:
            closers = _OPENERS.get(text[pos[i]])
            if closers is None:
                i += 1
                continue
            j = i + 1
            while j < n and pos[j] < end and text[pos[j]] not in closers:
                j += 1
            if j >= n or pos[j] >= end:
                break
            out.append((pos[i] + 1, pos[j]))
            i = j + 1
        return out

    def clause_start(self, lo: int, pos: int, *, quotes: bool = True) -> int:
        """Just after the last clause boundary in ``[lo, pos)``, else ``lo``.

        With ``quotes=False`` quotation marks are no boundaries (``hatte vor einer «Spaltung» gewarnt``).
        """
        last = lo
        bounds = self.bounds if quotes else self.hard
        k = bisect.bisect_left(bounds, pos) - 1
        if k >= 0 and bounds[k] >= lo:
            last = bounds[k] + 1
        if self.dashes:
            k = bisect.bisect_right(self.dashes, pos - _DASH_LEN) - 1
            if k >= 0 and self.dashes[k] >= lo and self.dashes[k] + _DASH_LEN > last:
                last = self.dashes[k] + _DASH_LEN
        return last


def _positions(text: str, needles: Sequence[str]) -> list[int]:
    """Every start of any needle in ``text``, sorted (overlapping ones too)."""
    out: list[int] = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            out.append(at)
            at = text.find(needle, at + 1)
    out.sort()
    return out


def _gathered(found: dict[str, list[int]], needles: Iterable[str]) -> list[int]:
    """The positions of any of ``needles`` in ``found``, sorted."""
    out: list[int] = []
    for needle in needles:
        out += found.get(needle, ())
    out.sort()
    return out


def is_name_quote(text: str, q0: int, lb: int) -> bool:
    """Whether the quote opening at ``q0`` is a quoted name (``die Initiative „Grüner Korridor“``)."""
    if q0 < len(text) and text[q0].islower():
        return False  # a name starts with a capital letter
    before = text[lb : q0 - 1].split()
    if not before:
        return False
    prev = before[-1]
    if prev.endswith("("):
        return True  # a gloss in brackets: TRIPP („Trump Route …“)
    if prev in _NAME_NOUNS:
        return True
    return prev[0].isupper() and prev.lower() not in _DETERMINERS and len(before) > 1


def in_brackets(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` lies inside a bracket opened after ``start`` (a gloss, not the speaker's words)."""
    return text.rfind("(", start, pos) > text.rfind(")", start, pos)
