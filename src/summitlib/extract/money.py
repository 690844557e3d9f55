"""Money amounts in German news text: exact Decimal, ISO 4217 currency, hedge and evidence.

Grammar (words come from ``lexicon_de.tsv``)::

    money     = [HEDGE] amount
    amount    = NUMBER [SCALE] [ADJ] CURRENCY        17 Milliarden US-Dollar, 5 Mrd. USD,
                                                     50 Mio. turkmenische Manat
              | PREFIX NUMBER [SCALE]                $ 5 Mrd., USD 5 Mio., € 20
              | NUMWORD SCALE [ADJ] CURRENCY         eine Milliarde Euro
              | NUMBER SCALE                         elliptic: only with a currency earlier in the
                                                     same or the previous sentence, and not before a
                                                     capitalised noun (11 Milliarden Kubikmeter)
    fromto    = NUMBER (auf | bis [zu] | und | oder | – | -) money
                                                     "von 20 auf 30 Milliarden US-Dollar": the first
                                                     number takes the scale and currency of the second
    NUMBER    = 1,5 | 1.500 | 1.500.000 | 1 000 | 2,8 | 17
    SCALE     = Tsd. | Tausend | Mio. | Million(en) | Mrd. | Milliarde(n) | Bio. | Billion(en)
    HEDGE     = über | mehr als -> more_than;  rund | etwa | ca. | circa | knapp | fast | nahezu |
                annähernd | ungefähr | gut -> about;  bis zu | höchstens | weniger als -> up_to;
                mindestens | wenigstens -> at_least;  none -> exact

``über`` right after a deal noun (``Kredit``, ``Verträge``, ``Abkommen`` … within the clause, unless
``von``/``auf`` directly precede it) is the preposition "of": ``ein Kredit über 50 Mio. Euro`` is
exact. Quantities without a currency (Kubikmeter, Tonnen, Prozent), amounts without a number
("mehrere Milliarden Dollar") and years are not money. One left-to-right scan of precompiled
patterns, tried only where an amount can start (see :func:`_matches`): time is linear in the text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

from summitlib.extract._lexicon import SEPARATOR, alternation, digit_starts, latin1, lexicon_rows, starts_with_one_of
from summitlib.extract.sentences import split_sentences
from summitlib.model import Money, Qualifier, Span, _span

__all__ = ["find_money", "parse_money"]


_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


class _Tables(NamedTuple):
    amount: re.Pattern[str]  # an amount, matched at offset 0
    scanner: re.Pattern[str]  # one separator character followed by an amount
    prefixes: tuple[str, ...]  # currencies written before the number ($ 5 Mrd., USD 5 Mio.)
    prefix_ends: frozenset[str]  # their last characters
    scale_heads: tuple[tuple[bytes, tuple[str, ...]], ...]  # the scale words by their first two letters
    scale_forms: tuple[str, ...]
    all_number_words: frozenset[str]  # eine, Eine, zwei, Zwei, ...
    hedge: re.Pattern[str]
    fromto: re.Pattern[str]
    currency: dict[str, str]
    adj_table: dict[str, str]
    scales: dict[str, int]
    number_words: dict[str, Decimal]


@functools.cache
def _tables() -> _Tables:
    """The amount patterns, the hedge pattern, the from-to pattern, and the lexicon tables."""
    currency = dict(lexicon_rows("currency"))
    adj_pairs = {tuple(f.split(" ", 1)): v for f, v in lexicon_rows("currency_adj")}
    adj_table = {f"{a} {n}": v for (a, n), v in adj_pairs.items()}
    scale_words = [f for f, _ in lexicon_rows("scale")]
    scale_abbr = [f for f in scale_words if len(f) <= 3]
    scale_full = [f for f in scale_words if f not in scale_abbr]
    scale = rf"(?:(?:{alternation(scale_full)})(?!\w)|(?:{alternation(scale_abbr)})(?:\.|(?!\w)))"
    words = [f for f, _ in lexicon_rows("number_word")]
    all_words = words + [w.capitalize() for w in words]
    numword = alternation(all_words)
    prefixes = [f for f in currency if not f[0].isalpha() or (f.isupper() and len(f) == 3)]
    prefix = alternation(prefixes)
    adj = alternation([a for a, _ in adj_pairs])
    cur = rf"(?:{alternation(list(currency))})(?![\w$€£¥])"
    amount = rf"""
        (?<![\w.,])
        (?:
            # PREFIX NUMBER [SCALE]: $ 5 Mrd., USD 5 Mio.
            (?P<pre>{prefix})[ \u00a0]?(?P<pnum>{_NUMBER})(?!\d)(?:(?:\s+|-)(?P<pscale>{scale}))?
          |
            # NUMBER [SCALE] [ADJ] CURRENCY, NUMBER SCALE (elliptic), NUMWORD SCALE ...
            (?:(?P<num>{_NUMBER})(?![\d.,]\d)|(?P<word>{numword}))
            (?= (?:\s+|-) (?:{scale}|(?:{adj})|{cur}) )
            (?:(?:\s+|-)(?P<scale>{scale}))?
            (?:(?:\s+|-)(?:(?P<adj>{adj})(?:e|en|er|es)?\s+)?(?P<cur>{cur}))?
        )
        """
    # An amount starts with a digit (any script: \d), a prefix currency or a number word, right
    # after a character that is not a word character, "." or ",".
    anchor = starts_with_one_of(prefixes + all_words, any_digit=True)
    hedge = re.compile(rf"(?<!\w)(?P<h>{alternation([f for f, _ in lexicon_rows('hedge')])})\s+\Z", re.IGNORECASE)
    fromto = re.compile(rf"(?<![\w.,])(?P<num>{_NUMBER})\s*(?:auf|bis(?:\s+(?:zu|auf))?|und|oder|–|—|-)\s*\Z")
    return _Tables(
        amount=re.compile(amount, re.VERBOSE),
        scanner=re.compile(rf"{SEPARATOR}(?={anchor}){amount}", re.VERBOSE),
        prefixes=tuple(prefixes),
        prefix_ends=frozenset(p[-1] for p in prefixes),
        scale_heads=_by_head(scale_words),
        scale_forms=tuple(scale_words),
        all_number_words=frozenset(all_words),
        hedge=hedge,
        fromto=fromto,
        currency=currency,
        adj_table=adj_table,
        scales={f: int(v) for f, v in lexicon_rows("scale")},
        number_words={f: Decimal(v) for f, v in lexicon_rows("number_word")},
    )


def _by_head(words: list[str]) -> tuple[tuple[bytes, tuple[str, ...]], ...]:
    """``words`` grouped by their first two letters (as Latin-1 bytes)."""
    heads: dict[bytes, list[str]] = {}
    for w in words:
        heads.setdefault(latin1(w[:2]), []).append(w)
    return tuple((h, tuple(ws)) for h, ws in heads.items())


@functools.cache
def _hedge_table() -> dict[str, Qualifier]:
    return {f.lower(): Qualifier(v) for f, v in lexicon_rows("hedge")}


@functools.cache
def _of_nouns() -> tuple[str, ...]:
    return tuple(f for f, _ in lexicon_rows("of_noun"))


#: Prepositions after which "über" is the hedge "more than" (von über 17 Milliarden).
_HEDGE_PREPS = frozenset({"von", "auf", "um", "mit", "bei", "für", "zu", "an", "nach", "insgesamt", "noch"})
_CLAUSE_BREAK = re.compile(r"[,.;:!?()–—\"„“”«»]")
_NEXT_TOKEN = re.compile(r"\s*(\S?)")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")


def _to_decimal(num: str) -> Decimal:
    return Decimal(num.replace(".", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(",", "."))


def _scaled(base: Decimal, scale_word: str | None) -> Decimal:
    """``base`` times the scale word's power of ten, written without a fractional part if whole."""
    value = base * Decimal(10) ** _scale_of(scale_word)
    return value.to_integral_value() if value == value.to_integral_value() else value


def _scale_of(word: str | None) -> int:
    if not word:
        return 0
    return _tables().scales[word.rstrip(".")]


def _is_of_preposition(text: str, hedge_start: int) -> bool:
    """Whether "über" at ``hedge_start`` means "of" after a deal noun (Kredit über 50 Mio.)."""
    before = text[max(0, hedge_start - 80) : hedge_start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
    words = before[cut:].split()[-6:]
    if not words or words[-1].lower() in _HEDGE_PREPS:
        return False
    nouns = _of_nouns()
    return any(w.lower().endswith(nouns) for w in words)


def _hedge(text: str, start: int) -> tuple[int, Qualifier]:
    """The start of the hedge before ``start`` and its qualifier (``start``, EXACT if none)."""
    if not start or not text[start - 1].isspace():
        return start, Qualifier.EXACT  # a hedge is followed by white space
    m = _tables().hedge.search(text, max(0, start - 30), start)
    if m is None:
        return start, Qualifier.EXACT
    word = m.group("h").lower()
    if word == "über" and _is_of_preposition(text, m.start()):
        return start, Qualifier.EXACT
    return m.start(), _hedge_table()[" ".join(word.split())]


def _matches(text: str, starts: list[int] | None) -> Iterator[tuple[int, re.Match[str]]]:
    """The amount matches with their start: the same as ``_tables().amount.finditer(text)``.

    The amount pattern is tried only at ``starts`` (see :func:`candidates`), left to right from the
    end of the last match; without them (None), it is tried after every separator character.
    """
    tables = _tables()
    if starts is None:
        yield from _scan(text, tables)
        return
    match = tables.amount.match
    pos = 0
    for start in starts:
        if start >= pos:
            m = match(text, start)
            if m is not None:
                yield start, m
                pos = m.end()


def _scan(text: str, tables: _Tables) -> Iterator[tuple[int, re.Match[str]]]:
    """The amount matches with their start, by a scan over every separator character.

    An amount starts at 0 or right after a separator character (found by the scanner), and it
    never ends right before the start of another one: it ends in a word character, a dot, or a
    currency sign that is not followed by a word character or another sign.
    """
    head = tables.amount.match(text)
    if head is not None:
        yield head.start(), head
    for m in tables.scanner.finditer(text, head.end() if head is not None else 0):
        yield m.start() + 1, m


#: How far back from a scale word :func:`_starts` looks for a number word ("eine   Milliarde").
_WORD_WINDOW = 40


def scale_words() -> list[str]:
    """The scale words (Mio, Milliarden, ...): a number word is an amount only right before one."""
    return [f for f, _ in lexicon_rows("scale")]


def candidates(text: str, digits: list[int], scales: list[int]) -> list[int] | None:
    """Every offset where an amount can start, in order (with some where none does), or None when
    only a full scan is exact.

    ``digits`` holds the starts of the digits (``digit_starts``), ``scales`` every start of a scale
    word after a boundary (:func:`scale_words`; some others allowed). An amount starts at a digit, at
    a prefix currency right before a number (``USD 5``), or at a number word before a scale word
    (``eine Milliarde``). A number word before a currency without a scale is no amount, but its
    match could cover the prefix currency of one (``zwei USD 5``): so a text with a prefix currency,
    or with a long blank before a scale word, is scanned in full.
    """
    tables = _tables()
    prefixes, last = tables.prefixes, tables.prefix_ends
    for d in digits:
        if not d:
            continue
        e = d - 1 if text[d - 1] in " \u00a0" else d  # [ \u00a0]? between prefix and number
        if e and text[e - 1] in last and text.endswith(prefixes, 0, e):
            return None
    words: list[int] = []
    number_words, scale_forms = tables.all_number_words, tables.scale_forms
    for s in scales:
        if text.startswith(scale_forms, s):
            k = _number_word_before(text, s, number_words)
            if k == -1:
                return None
            if k is not None:
                words.append(k)
    # (?<![\w.,]) before the number
    numbers = [d for d in digits if not d or not (text[d - 1].isalnum() or text[d - 1] in "_.,")]
    return sorted(numbers + words) if words else numbers


def _scale_starts(text: str, data: bytes) -> list[int]:
    """Every start of a scale word (``data`` is :func:`latin1` of ``text``), in order."""
    found: list[int] = []
    for head, scales in _tables().scale_heads:
        s = data.find(head)
        while s >= 0:
            if text.startswith(scales, s):
                found.append(s)
            s = data.find(head, s + 1)
    found.sort()
    return found


def _number_word_before(text: str, s: int, number_words: frozenset[str]) -> int | None:
    """The start of the number word before the scale word at ``s`` (``eine Milliarde``), None if
    there is none, -1 when the blank before ``s`` is too long to look past."""
    j = s - 1 if s and text[s - 1] == "-" else s  # (\s+|-) between the number word and the scale
    if j == s:
        floor = max(0, s - _WORD_WINDOW)
        while j > floor and text[j - 1].isspace():
            j -= 1
        if j == floor and j:
            return -1
    k = j
    while k > j - 12 and k > 0 and _is_word(text[k - 1]):
        k -= 1
    return k if k < j and text[k:j] in number_words else None


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_money(text: str) -> list[Money]:
    """Find the money amounts of ``text`` (see the module docstring for the grammar).

    Args:
        text: article text; evidence spans are offsets into it.

    Returns:
        The amounts in text order, each with its evidence span (hedge, number, scale, currency).
    """
    data = latin1(text)
    return money_at(text, candidates(text, digit_starts(text, data), _scale_starts(text, data)))


def money_at(text: str, starts: list[int] | None, sentences: Sequence[Span] | None = None) -> list[Money]:
    """:func:`find_money`, given the offsets where an amount may start (:func:`candidates`) and,
    if known, the sentences of ``text`` (:func:`split_sentences`)."""
    tables = _tables()
    currency, adj_table, fromto_re = tables.currency, tables.adj_table, tables.fromto
    found: list[tuple[int, Money]] = []
    cur_positions: list[int] = []
    cur_codes: list[str] = []
    elliptic: list[tuple[int, int, Decimal]] = []
    for m_start, m in _matches(text, starts):
        if m.group("pre") is not None:
            code = currency[m.group("pre")]
            value = _scaled(_to_decimal(m.group("pnum")), m.group("pscale"))
            number_start = m_start
        else:
            scale_word = m.group("scale")
            if m.group("word") is not None:
                if not scale_word:
                    continue
                base = tables.number_words[m.group("word").lower()]
            else:
                base = _to_decimal(m.group("num"))
            value = _scaled(base, scale_word)
            number_start = m_start
            cur_word = m.group("cur")
            if cur_word is None:
                if scale_word:
                    elliptic.append((m_start, m.end(), value))
                continue
            adj = m.group("adj")
            code = adj_table.get(f"{adj} {cur_word}", currency[cur_word]) if adj else currency[cur_word]
        start, qual = _hedge(text, number_start)
        money = Money(value, code, qual, _span(start, m.end(), text[start : m.end()]))
        found.append((start, money))
        cur_positions.append(m_start)
        cur_codes.append(code)
        # "von 20 auf 30 Milliarden US-Dollar": the first number borrows scale and currency
        lo = max(0, start - 40)
        ft = fromto_re.search(text, lo, start) if starts is None or _starts_within(starts, lo, start) else None
        if ft is not None and m.group("pre") is None:
            first = ft.group("num")
            if not _YEAR_LIKE.fullmatch(first):  # "bis 2030 auf 2 Mrd.": a year
                fstart, fqual = _hedge(text, ft.start())
                fval = _scaled(_to_decimal(first), m.group("scale"))
                found.append(
                    (
                        fstart,
                        Money(fval, code, fqual, _span(fstart, ft.end("num"), text[fstart : ft.end("num")])),
                    )
                )
    if elliptic and cur_positions:
        sentence_starts: list[int] | None = None
        for s, e, value in elliptic:
            i = bisect.bisect_left(cur_positions, s) - 1
            if i < 0:
                continue
            nxt = _NEXT_TOKEN.match(text, e)
            after = nxt.group(1) if nxt else ""
            if after.isupper() and text[e - 1] != ".":
                continue  # 11 Milliarden Kubikmeter, eine Million Usbeken: a quantity, not money
            if sentence_starts is None:
                sentence_starts = [sp.start for sp in (split_sentences(text) if sentences is None else sentences)]
            here = bisect.bisect_right(sentence_starts, s) - 1
            there = bisect.bisect_right(sentence_starts, cur_positions[i]) - 1
            if here - there > 1:
                continue
            start, qual = _hedge(text, s)
            found.append((start, Money(value, cur_codes[i], qual, _span(start, e, text[start:e]))))
    found.sort(key=lambda x: x[0])
    return [m for _, m in found]


def _starts_within(starts: list[int], lo: int, hi: int) -> bool:
    """Whether one of the (sorted) candidate ``starts`` lies in ``[lo, hi)``: every number after a
    separator is a candidate, so the from-to pattern can match in that window only then."""
    i = bisect.bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def parse_money(text: str) -> Money | None:
    """Parse one whole amount such as ``"rund 1,5 Mio. Euro"`` (grammar as in :func:`find_money`).

    Returns None unless exactly one amount with its currency covers the string (surrounding space
    and punctuation aside). The evidence span refers to ``text``.
    """
    found = find_money(text)
    if len(found) != 1 or found[0].evidence is None:
        return None
    ev = found[0].evidence
    rest = text[: ev.start] + text[ev.end :]
    if rest.strip(" \t\r\n.,;:()"):
        return None
    return found[0]
