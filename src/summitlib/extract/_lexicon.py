"""The German news lexicon (``data/lexicon_de.tsv``) shared by the sentence, date and money passes.

The file is read once, lazily, on first use; every lookup after that is a dictionary access.
"""

from __future__ import annotations

import functools
import re

from summitlib._data import read_rows

__all__ = ["SEPARATOR", "alternation", "lexicon_rows", "starts_with_one_of"]


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
