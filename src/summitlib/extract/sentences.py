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
from importlib.resources import files

from summitlib.model import Span

__all__ = ["split_sentences"]


@functools.cache
def lexicon_rows(kind: str) -> tuple[tuple[str, str], ...]:
    """The ``(form, value)`` rows of one kind in ``data/lexicon_de.tsv`` (loaded once, lazily).

    Shared by the sentence, date and money passes.
    """
    return _all_rows().get(kind, ())


@functools.cache
def _all_rows() -> dict[str, tuple[tuple[str, str], ...]]:
    rows: dict[str, list[tuple[str, str]]] = {}
    with files("summitlib.data").joinpath("lexicon_de.tsv").open(encoding="utf-8") as fh:
        header_seen = False
        for raw in fh:
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True  # "kind  form  value"
                continue
            kind, form, value = line.split("\t")
            rows.setdefault(kind, []).append((form, value))
    return {k: tuple(v) for k, v in rows.items()}


#: Candidate boundaries, one alternation scanned once.
_BOUNDARY = re.compile(
    r"""
      (?P<blank> \n[ \t\r\f\v]*\n\s* )                        # blank line: paragraph break
    | (?P<nl> \n )                                             # single line break
    | (?P<punct> [.!?…]+ [\"“”»«'’)\]]* ) (?= \s | \Z )         # final punctuation before space/end
    """,
    re.VERBOSE,
)

#: The word directly before a dot (letters, digits, apostrophes), read backwards from the dot.
_WORD_BEFORE = re.compile(r"([\w'’-]{1,30})\Z")
#: The token before a number ("zum" in "zum 80.").
_CUE_BEFORE = re.compile(r"(\w{1,12})\s{1,5}\d{1,3}\Z")
#: The first word after a boundary, after opening quotes/brackets.
_NEXT_WORD = re.compile(r"\s*[„“\"»«‚'(\[]*(\S{0,30})")


@functools.cache
def _tables() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    always = frozenset(f for f, v in lexicon_rows("abbrev") if v == "always")
    lower = frozenset(f for f, v in lexicon_rows("abbrev") if v == "lower")
    months = frozenset(f for f, _ in lexicon_rows("month"))
    cues = frozenset(f for f, _ in lexicon_rows("ordinal_cue"))
    currencies = frozenset(f for f, _ in lexicon_rows("currency"))
    return always, lower, months, cues, currencies


def _is_boundary(text: str, dot_pos: int, punct: str, after: int) -> bool:
    """Decide whether the punctuation ``punct`` at ``dot_pos`` (followed by ``after``) ends a sentence."""
    always, lower, months, cues, currencies = _tables()
    nxt_m = _NEXT_WORD.match(text, after, min(len(text), after + 40))
    nxt = nxt_m.group(1) if nxt_m else ""
    if not nxt:
        return True  # end of text
    first = nxt[0]
    if first.islower():
        return False
    if not punct.startswith(".") or len(punct.rstrip("\"“”»«'’)]")) > 1:
        return True  # "!", "?", "…", "..." end a sentence before a capitalised word
    if punct != ".":
        return True  # a dot with closing quotes: „… bereit.“ Dann …
    wm = _WORD_BEFORE.search(text, max(0, dot_pos - 30), dot_pos)
    word = wm.group(1) if wm else ""
    if not word:
        return True
    if word in always or word.lower() in always:
        return False
    if len(word) == 1 and word.isalpha():
        return False  # an initial (J. Biden) or a letter of z. B.
    nxt_clean = nxt.rstrip(".,;:!?")
    if word in lower:
        return not (nxt_clean in currencies or first.isdigit())
    if word.isdigit():
        if nxt_clean in months or first.isdigit():
            return False
        cm = _CUE_BEFORE.search(text, max(0, dot_pos - 25), dot_pos)
        if cm and cm.group(1) in cues:
            return False
    return True


def split_sentences(text: str) -> list[Span]:
    """Split German text into sentences (see the module docstring for the grammar).

    Args:
        text: any text; offsets refer to it unchanged.

    Returns:
        The sentences in order, each a :class:`~summitlib.model.Span` trimmed of whitespace with
        ``text[span.start:span.end] == span.text``; an empty list for blank text.
    """
    spans: list[Span] = []
    start = 0

    def emit(end: int) -> None:
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e, text[s:e]))

    for m in _BOUNDARY.finditer(text):
        kind = m.lastgroup
        if kind == "blank":
            emit(m.start())
            start = m.end()
        elif kind == "nl":
            nm = _NEXT_WORD.match(text, m.end(), min(len(text), m.end() + 40))
            nxt = nm.group(1) if nm else ""
            if not nxt or not nxt[0].islower():
                emit(m.start())
                start = m.end()
        else:
            punct = m.group("punct")
            if _is_boundary(text, m.start(), punct, m.end()):
                emit(m.end())
                start = m.end()
    emit(len(text))
    return spans
