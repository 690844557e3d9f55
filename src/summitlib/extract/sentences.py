"""German-aware sentence splitting with exact offsets.

Grammar
-------
A sentence ends at one of:

* ``.``, ``!``, ``?`` or ``…`` (possibly repeated, possibly followed by closing quotes or brackets
  ``“ ” » « " ' ’ ) ]``) that is followed by whitespace or the end of the text, **unless**

  - the next word starts with a lower-case letter (``„Wir sind bereit.“ sagte er``), or
  - the dot closes an abbreviation listed as ``always`` in ``lexicon_de.tsv`` (``Dr.``, ``Prof.``,
    ``bzw.``, ``ca.``, ``Nr.``, ``St.``, the letters of ``z. B.``, ``u. a.``, ``d. h.``, ``v. a.``), or
    a single upper-case letter (an initial: ``J. Biden``), or
  - the dot closes an abbreviation listed as ``lower`` (``Mio.``, ``Mrd.``, ``usw.``, ``Okt.``) and the
    next word is not capitalised or is a currency word (``5 Mio. Euro``), or
  - the dot follows a number and the next word is a month name or a number (``am 10. Oktober``,
    ``10. und 11.``), or the word before the number is an ordinal cue (``zum 80. Jahrestag``,
    ``im 3. Quartal``, ``das 47. Gipfeltreffen``);
* a blank line (paragraph break);
* a line break followed by a line that does not start with a lower-case letter (so a subheading or
  signature, which has no final punctuation, is a sentence of its own; a hard-wrapped line that
  continues in lower case is not split).

Dots without following whitespace (``1.500``, ``3.–4. Juli``, ``10.10.2025``) never end a sentence.
Every span is trimmed of surrounding whitespace. The scan is one pass over precompiled patterns, so
time is linear in the length of the text.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from summitlib.extract._lexicon import lexicon_rows
from summitlib.model import Span, _span

__all__ = ["split_sentences"]

_CLOSERS = "\"“”»«'’)\\]"

#: The first character of the next word after a boundary (as :data:`_NEXT_WORD` finds it, but
#: without its 40-character window), as the group ``next``; the group is unset at the end of the text.
_NEXT = r"""(?= \s*+ [„“"»«‚'(\[]*+ (?P<next> \S ) | )"""

#: Candidate boundaries, one alternation. Every branch starts with a literal character.
_BOUNDARY = re.compile(
    rf"""
    (?:
      \n (?P<blank> [ \t\r\f\v]*\n\s* )?                   # line break; blank line: paragraph break
    | \. [.!?…]* [{_CLOSERS}]* (?= \s | \Z )               # final punctuation before space/end
    | !  [.!?…]* [{_CLOSERS}]* (?= \s | \Z )
    | \? [.!?…]* [{_CLOSERS}]* (?= \s | \Z )
    | …  [.!?…]* [{_CLOSERS}]* (?= \s | \Z )
    )
    {_NEXT}
    """,
    re.VERBOSE,
)
#: The branches of :data:`_BOUNDARY` one by one: a pattern with a literal first character is
#: scanned for it several times faster than the alternation.
_LINE_BREAK = re.compile(rf"\n (?P<blank> [ \t\r\f\v]*\n\s* )? {_NEXT}", re.VERBOSE)
_FINAL = {p: re.compile(rf"{re.escape(p)} [.!?…]* [{_CLOSERS}]* (?= \s | \Z ) {_NEXT}", re.VERBOSE) for p in ".!?…"}


def _boundaries(text: str) -> list[re.Match[str]]:
    """The matches of :data:`_BOUNDARY` in ``text``, as ``finditer`` finds them, branch by branch.

    Line breaks and final punctuation never overlap (one is white space, the other ends before it);
    where the scans of two punctuation marks overlap ("?!"), the same greedy run ends both, so the
    earlier start wins, as in the alternation.
    """
    final: list[re.Match[str]] = []
    marks = 0  # how many marks have matches (one mark's matches are in order, without overlaps)
    for mark, pattern in _FINAL.items():
        if mark in text:
            before = len(final)
            final += pattern.finditer(text)
            marks += len(final) > before
    if marks > 1:
        final.sort(key=_start)
        kept: list[re.Match[str]] = []
        end = 0
        for m in final:
            if m.start() >= end:
                kept.append(m)
                end = m.end()
        final = kept
    if "\n" not in text:
        return final
    found = [*_LINE_BREAK.finditer(text), *final]
    found.sort(key=_start)
    return found


_start = re.Match.start


#: The word directly before a dot (letters, digits, apostrophes, at most 30 characters), matched in
#: the reversed text from the dot backwards.
_WORD_BEFORE_REVERSED = re.compile(r"[\w'’-]{1,30}")
#: The token before a number ("zum" in "zum 80.").
_CUE_BEFORE = re.compile(r"(\w{1,12})\s{1,5}\d{1,3}\Z")
#: The first word after a boundary, after opening quotes/brackets.
_NEXT_WORD = re.compile(r"\s*[„“\"»«‚'(\[]*(\S{0,30})")


class _Tables(NamedTuple):
    always: frozenset[str]
    lower: frozenset[str]
    months: frozenset[str]
    cues: frozenset[str]
    currencies: frozenset[str]
    longest: int  # the length of the longest abbreviation


@functools.cache
def _tables() -> _Tables:
    always = frozenset(f for f, v in lexicon_rows("abbrev") if v == "always")
    lower = frozenset(f for f, v in lexicon_rows("abbrev") if v == "lower")
    months = frozenset(f for f, _ in lexicon_rows("month"))
    cues = frozenset(f for f, _ in lexicon_rows("ordinal_cue"))
    currencies = frozenset(f for f, _ in lexicon_rows("currency"))
    return _Tables(always, lower, months, cues, currencies, max(map(len, always | lower)))


def _is_boundary(text: str, rev: list[str], dot_pos: int, punct: str, after: int, *, first: str) -> bool:
    """Decide whether the punctuation ``punct`` at ``dot_pos`` (followed by ``after``) ends a sentence.

    ``first`` is the first character of the next word (empty at the end of the text); ``rev``
    caches ``text[::-1]`` (empty until first needed).
    """
    if not first:
        return True  # end of text
    if first.islower():
        return False
    if punct != ".":
        # "!", "?", "…", "..." end a sentence before a capitalised word, and so does a dot with
        # closing quotes: „… bereit.“ Dann …
        return True
    tables = _tables()
    k = tables.longest + 1
    if dot_pos >= k and text[dot_pos - k : dot_pos].isalpha():
        return True  # a word longer than every abbreviation, not a number
    if not rev:
        rev.append(text[::-1])
    wm = _WORD_BEFORE_REVERSED.match(rev[0], len(text) - dot_pos)
    if wm is None:
        return True
    word = wm.group()[::-1]
    always = tables.always
    if word in always or word.lower() in always:
        return False
    if len(word) == 1 and word.isalpha():
        return False  # an initial (J. Biden) or a letter of z. B.
    if word in tables.lower:
        return not (_next_word(text, after) in tables.currencies or first.isdigit())
    if word.isdigit():
        if _next_word(text, after) in tables.months or first.isdigit():
            return False
        cm = _CUE_BEFORE.search(text, max(0, dot_pos - 25), dot_pos)
        if cm and cm.group(1) in tables.cues:
            return False
    return True


def _next_word(text: str, after: int) -> str:
    """The next word after ``after`` (after white space and opening quotes), without final
    punctuation: at most 30 characters, within 40 characters of ``after``."""
    nm = _NEXT_WORD.match(text, after, after + 40)  # always matches, maybe empty
    return nm.group(1).rstrip(".,;:!?") if nm else ""


def split_sentences(text: str) -> list[Span]:
    """Split German text into sentences (see the module docstring for the grammar).

    Args:
        text: any text; offsets refer to it unchanged.

    Returns:
        The sentences in order, each a :class:`~summitlib.model.Span` trimmed of whitespace with
        ``text[span.start:span.end] == span.text``; an empty list for blank text.
    """
    spans: list[Span] = []
    append = spans.append
    start = 0
    rev: list[str] = []
    k = _tables().longest + 1
    for m in _boundaries(text):
        b, e = m.span()
        q = m.start("next")
        first = text[q] if 0 <= q < e + 40 else ""  # within the window of _NEXT_WORD
        if text[b] == "\n":
            if m.group("blank") is None and first.islower():
                continue  # a hard-wrapped line continues in lower case
            cut = b
        elif (
            # the common case of _is_boundary: a lone dot after a word longer than every abbreviation,
            # before a capital
            e - b == 1 and first.isupper() and b >= k and text[b - k : b].isalpha() and text[b] == "."
        ) or _is_boundary(text, rev, b, m.group(), e, first=first):
            cut = e
        else:
            continue
        seg = text[start:cut]
        body = seg.strip()
        if body:
            s = start + seg.find(body[0])  # the first character that is not white space
            append(_span(s, s + len(body), body))
        start = e
    seg = text[start:]
    body = seg.strip()
    if body:
        s = start + len(seg) - len(seg.lstrip())
        append(_span(s, s + len(body), body))
    return spans
