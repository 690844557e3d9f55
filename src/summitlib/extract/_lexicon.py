"""The German news lexicon (``data/lexicon_de.tsv``) shared by the sentence, date and money passes.

The file is read once, lazily, on first use; every lookup after that is a dictionary access.
"""

from __future__ import annotations

import functools
import re

import ahocorasick

from summitlib._data import read_rows

__all__ = [
    "SEPARATOR",
    "WordStarts",
    "alternation",
    "ci_search",
    "digit_starts",
    "fold",
    "fold_free",
    "fold_latin1",
    "latin1",
    "lexicon_rows",
    "lower_same_length",
    "starts_with_one_of",
]


@functools.cache
def lexicon_rows(kind: str) -> tuple[tuple[str, str], ...]:
    """The ``(form, value)`` rows of one kind in ``data/lexicon_de.tsv``, in file order.

    An unknown kind has no rows.
    """
    return _all_rows().get(kind, ())


@functools.cache
def _all_rows() -> dict[str, tuple[tuple[str, str], ...]]:
    rows: dict[str, list[tuple[str, str]]] = {}
    for kind, form, value in read_rows("lexicon_de.tsv")[1]:  # columns: kind, form, value
        rows.setdefault(kind, []).append((form, value))
    return {k: tuple(v) for k, v in rows.items()}


def alternation(forms: list[str]) -> str:
    """A regex alternation of the literal ``forms``, longest first (so the longest form wins)."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


#: A character class covering every character that is neither a word character nor ``.``/``,``
#: (what may stand before a date or an amount), and a few word characters (², ł, ...): the
#: complement of the Latin-1 word characters, so that ``re`` tests it with one bitmap lookup.
#: Extra characters merely add candidates.
SEPARATOR = r"[^0-9A-Za-z_.,\xaa\xb5\xba\xc0-\xd6\xd8-\xf6\xf8-\xff]"


def starts_with_one_of(words: list[str], *, any_digit: bool = False) -> str:
    """A cheap regex for "one of ``words`` (or, with ``any_digit``, a ``\\d``) starts here".

    It tests the first character against one character class (a bitmap when every first character
    is in Latin-1; all other characters pass this test), then the words grouped by first character,
    so that ``re`` rejects a position after one or two comparisons.
    """
    groups: dict[str, set[str]] = {}
    for w in words:
        groups.setdefault(w[0], set()).add(w[1:])
    alts = [r"\d"] if any_digit else []
    firsts = "0-9" if any_digit else ""
    wide = any_digit  # decimal digits beyond 0-9 are all outside Latin-1
    for first, rests in sorted(groups.items()):
        if ord(first) > 0xFF:
            wide = True
        else:
            firsts += re.escape(first)
        if "" in rests:
            alts.append(re.escape(first))
        else:
            alts.append(re.escape(first) + f"(?:{alternation(sorted(rests))})")
    if wide:
        firsts += "\u0100-\U0010ffff"
    return rf"(?=[{firsts}])(?:{'|'.join(alts)})"


#: ``bytes.translate`` table of :func:`digit_starts`: ASCII digits become ``0``, every other byte a
#: space. Latin-1 has no decimal digits besides ``0``-``9``.
_DIGIT_FOLD = bytes(0x30 if 0x30 <= c <= 0x39 else 0x20 for c in range(256))


def latin1(text: str) -> bytes:
    """``text`` with one byte per character (``?`` for characters beyond Latin-1): byte searches in it
    (``bytes.find``) give offsets into ``text`` and run several times faster than ``str`` searches."""
    return text.encode("latin-1", "replace")


def digit_starts(text: str, data: bytes) -> list[int]:
    r"""Offsets, in order, that include every place where ``\d`` starts after a character that is not
    ``\d``: each start of a run of ASCII digits, and every decimal digit beyond Latin-1.

    ``data`` is :func:`latin1` of ``text``. Byte searches, several times faster than a ``\d`` scan.
    """
    folded = data.translate(_DIGIT_FOLD)
    find = folded.find
    starts: list[int] = []
    i = find(b"0")
    while i >= 0:
        starts.append(i)
        i = find(b" ", i)
        if i < 0:
            break
        i = find(b"0", i)
    wide: list[int] = []
    i = data.find(b"?")
    while i >= 0:
        if text[i].isdecimal():
            wide.append(i)
        i = data.find(b"?", i + 1)
    return sorted(starts + wide) if wide else starts


def lower_same_length(text: str) -> str:
    """``text.lower()`` with the same offsets (a character that lower-cases to several, "İ", is kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold_free(s: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``s[start:end]`` lacks the letters a case-insensitive pattern matches as ``i`` or ``s``
    although ``str.lower`` keeps them apart (dotless ı, dotted İ, long ſ; no other character does):
    there a pattern's lower-case literals occur in :func:`lower_same_length` of the text wherever the
    case-insensitive pattern can match, and a lower-case pattern matches exactly where it does."""
    stop = len(s) if end is None else end
    return s.find("ı", start, stop) < 0 and s.find("İ", start, stop) < 0 and s.find("ſ", start, stop) < 0


def ci_search(pattern: re.Pattern[str], s: str, words: tuple[str, ...]) -> bool:
    """Whether the case-insensitive ``pattern``, every match of which holds one of the lowercase
    ``words``, matches in ``s``; the words are looked for first in ``s.lower()`` (a quick no when the
    text is :func:`fold_free` and holds none of them)."""
    if fold_free(s) and not any(map(s.lower().__contains__, words)):
        return False
    return pattern.search(s) is not None


#: ``bytes.translate`` table of :func:`fold`: Latin-1 word characters and ``?`` stay, every other
#: byte becomes a space.
_FOLD = bytes(c if chr(c).isalnum() or chr(c) in "_?" else 32 for c in range(256))


def fold(text: str) -> str:
    """``text`` with one character per character: Latin-1 word characters as they are, ``?`` for
    ``?`` and every character beyond Latin-1, a space for every other character (a boundary).

    An automaton over words folded so, each behind a boundary character (`` `` or ``?``), runs
    several times faster over the folded text than one over the raw words: few keys start at a
    given character.
    """
    return fold_latin1(latin1(text))


def fold_latin1(data: bytes) -> str:
    """:func:`fold` of the text whose :func:`latin1` is ``data``."""
    return data.translate(_FOLD).decode("latin-1")


class WordStarts:
    """Finds where one of a set of words starts after a character that is not a Latin-1 word
    character (some other offsets as well): one automaton pass over the :func:`fold` of the text."""

    def __init__(self, words: list[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for w in words:
            folded = fold(w)
            for edge in " ?":
                self._automaton.add_word(edge + folded, len(folded))
        self._automaton.make_automaton()

    def find(self, text: str) -> list[int]:
        """The offsets, in order, of every word of the set that starts ``text`` or follows a character
        that is not a Latin-1 word character (nor ``_``), with some others (where a folded word matches)."""
        starts = [last - length for last, length in self._automaton.iter(" " + fold(text))]
        starts.sort()
        return starts
