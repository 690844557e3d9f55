"""Dates in German news text, with their precision, resolved against the publication date.

Grammar (``DAY`` = ``1``–``31`` followed by a dot, ``MONTH`` = a month name or abbreviation from
``lexicon_de.tsv`` (``Oktober``, ``Okt.``, ``Sept.``), ``YEAR`` = ``1800``–``2099``, ``WD`` = a weekday)::

    range      [vom] DAY MONTH [YEAR] (– | - | bis [zum]) DAY MONTH [YEAR]   vom 30. Juni bis 2. Juli
    dayrange   [vom|am] DAY[.] (– | - | bis [zum] | und) DAY MONTH [YEAR]   3.–4. Juli, 3. und 4. Juli
    day        [am|vom|bis|seit|ab|zum] [WD[,] [den]] DAY MONTH [YEAR]       (am) 10. Oktober (2025)
    numeric    DD.MM.[YYYY|YY]                                               10.10.2025, 10.10.
    partmonth  (Anfang|Mitte|Ende) MONTH [YEAR]                              Anfang Juni   (month)
    monthyear  [im|seit|ab|bis] MONTH YEAR                                   im Oktober 2025 (month)
    month      (im|seit|ab|bis) MONTH                                        im Mai        (month)
    year       (im Jahr[e]|Anfang|Mitte|Ende|seit|bis|ab) YEAR               im Jahr 2025  (year)
    wdrange    [am] WD (und|bis) WD                                          am Dienstag und Mittwoch
    weekday    [am] [kommenden|nächsten|vergangenen|letzten|vorigen] WD[abend|morgen|…]
    today      heute | gestern | vorgestern | morgen | übermorgen | am Vortag
    week       [in der] (vergangenen|letzten|vorigen|kommenden|nächsten|dieser) Woche
    relyear    [im] (vergangenen|kommenden|nächsten|diesem|…) Jahr[es] | im Vorjahr | diesjährig…
    relmonth   [im] (vergangenen|kommenden|nächsten|diesem) Monat[s]

Resolution rules (all need ``published``; without it such mentions are skipped, never guessed):

* A day or month without a year takes the publication year, except: in a sentence with a future
  marker (``soll``, ``wird``, ``geplant``, ``kommenden``, …) a month before the publication month is
  next year's; otherwise (past-tense news) a month more than six months after the publication month
  is last year's.
* A weekday is the most recent such day on or before the publication date (the next one in a sentence
  with a future marker); after ``kommenden`` /
  ``nächsten`` the next one after it; after ``vergangenen`` / ``letzten`` / ``vorigen`` the last one
  before it. ``am Vortag`` is the day before publication.
* A week (Monday–Sunday) has month precision when it lies within one month, else it is a day range.
* ``Anfang/Mitte/Ende Juni`` keep month precision; a bare ``YEAR`` is a date only after a cue.

Bare numbers (``80``, ``114``, ``2030 Tonnen``) and function words are never dates. Patterns are
compiled once into one alternation (one branch per grammar row), scanned left to right: time is
linear in the text. The scan only tries the alternation where a date can start (after a
separator, at a digit, month, weekday or keyword; see :func:`_matches`), which finds the same
matches as trying it everywhere.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator

import attrs
from dateutil import parser as du_parser

from summitlib.extract._lexicon import WordStarts, alternation, digit_starts, latin1, lexicon_rows
from summitlib.model import PartialDate, Span, _span

__all__ = ["DateMention", "find_dates", "german_parserinfo", "parse_date"]


@attrs.frozen
class DateMention:
    """A date found in the text: its evidence, its value, and whether it was resolved.

    ``relative`` is True when the value depends on the publication date (weekdays, ``heute``, a
    day or month without a year). ``cue`` is the leading preposition as written, lower-cased (``am``,
    ``im``, ``bis``, ``seit``, ``ab``, ``vom``) or ``""``: ``bis 2030`` is an open bound, not the year
    of an event.
    """

    span: Span
    date: PartialDate
    relative: bool = False
    cue: str = ""


@functools.cache
def german_parserinfo() -> du_parser.parserinfo:
    """A :class:`dateutil.parser.parserinfo` for German, built from ``lexicon_de.tsv``.

    ``AMPM`` is empty (``am`` is a German preposition) and German prepositions are jump words.
    """
    months: list[list[str]] = [[] for _ in range(12)]
    for form, value in lexicon_rows("month"):
        months[int(value) - 1].append(form)
    weekdays: list[list[str]] = [[] for _ in range(7)]
    for form, value in lexicon_rows("weekday"):
        weekdays[int(value)].append(form)

    class GermanParserInfo(du_parser.parserinfo):
        JUMP = [" ", ".", ",", ";", "-", "/", "'", "am", "den", "im", "vom", "der", "des", "um"]  # noqa: RUF012
        MONTHS = [tuple(m) for m in months]  # type: ignore[misc]  # noqa: RUF012
        WEEKDAYS = [tuple(w) for w in weekdays]  # type: ignore[misc]  # noqa: RUF012
        AMPM: list[tuple[str, str]] = []  # noqa: RUF012
        PERTAIN = ["des"]  # noqa: RUF012

    return GermanParserInfo(dayfirst=True)


_FUTURE = re.compile(
    r"(?<!\w)(?:soll|sollen|sollte|sollten|wird|werden|will|wollen|plant|planen|geplant|künftig|erwartet|vorgesehen"
    r"|kommende[nmrs]?|nächste[nmrs]?|bevorstehende[nmrs]?|voraussichtlich|anstehende[nmrs]?"
    # present tense of event verbs announces: "empfängt am Dienstag", "findet im Mai statt"
    r"|beginnt|empfängt|trifft|reist|tagt|findet|kommt)(?!\w)"
)
_SENT_END = re.compile(r"[.!?\n][^.!?\n]{0,160}\Z")


@functools.cache
def _pattern_source() -> str:
    # an abbreviation is a form that is a proper prefix of another form of its month (Okt, Sept)
    # or listed as an abbreviation (Mrz); it is written with its dot
    rows = lexicon_rows("month")
    abbrevs = {f for f, _ in lexicon_rows("abbrev")}
    abbr_months = [f for f, v in rows if f in abbrevs or any(o != f and o.startswith(f) and w == v for o, w in rows)]
    full_months = [f for f, _ in rows if f not in abbr_months]
    month = rf"(?:(?:{alternation(full_months)})(?!\w)|(?:{alternation(abbr_months)})\.)"
    wd = f"(?:{alternation([f for f, _ in lexicon_rows('weekday')])})"
    day = r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])"
    year = r"(?:1[89]|20)\d\d(?![\d.,]\d)"
    amount_words = [f for f, _ in lexicon_rows("currency")] + [f for f, _ in lexicon_rows("scale")]
    not_amount = rf"(?![\s-]*(?:{alternation(amount_words)}|Prozent|%))"
    dash = r"\s*(?:–|—|-|bis(?:\s+zum)?)\s*"
    rel = (
        r"(?:[Vv]ergangene[ns]?|[Ll]etzte[ns]?|[Vv]orige[ns]?|[Kk]ommende[ns]?|[Nn]ächste[ns]?"
        r"|[Dd]iese[nmrs]?|[Ll]aufende[ns]?)"
    )
    # Every branch starts at its anchor (a day number, a month, a weekday, a keyword); the
    # preposition before it (am, im, vom, seit, bis, ab, in der) is read backwards by _CUE.
    branches: dict[str, str] = {
        # 30. Juni (2025) bis 2. Juli (2025): a range across months
        "range": rf"(?P<range_d1>{day})\.\s*(?P<range_m1>{month})(?:\s+(?P<range_y1>{year}))?{dash}"
        rf"(?P<range_d2>{day})\.\s*(?P<range_m2>{month})(?:\s+(?P<range_y2>{year}))?",
        # 3.–4. Juli, 3. und 4. Juli, 3. bis 4. Juli: a range of days in one month
        "dayrange": rf"(?P<dayrange_d1>{day})\.?\s*(?:–|—|-|bis(?:\s+zum)?|und)\s*(?P<dayrange_d2>{day})\."
        rf"\s*(?P<dayrange_m>{month})(?:\s+(?P<dayrange_y>{year}))?",
        # 10. Oktober (2025), Freitag, (den) 10. Oktober
        "day": rf"(?:{wd},?\s+(?:den\s+)?)?(?P<day_d>{day})\.\s*(?P<day_m>{month})(?:\s+(?P<day_y>{year}))?",
        # 10.10.2025, 10.10.25, 10.10.
        "numeric": rf"(?P<numeric_d>{day})\.(?P<numeric_m>1[0-2]|0?[1-9])\."
        r"(?:(?P<numeric_y>(?:19|20)\d\d|\d\d)(?!\d))?(?!\d)",
        # Anfang / Mitte / Ende Juni (2025): month precision
        "partmonth": rf"(?P<partmonth_q>Anfang|Mitte|Ende)\s+(?P<partmonth_m>{month})"
        rf"(?:\s+(?P<partmonth_y>{year}))?",
        # Oktober 2025
        "monthyear": rf"(?P<monthyear_m>{month})\s+(?P<monthyear_y>{year}){not_amount}",
        # Mai: a month without year (kept only after im/seit/ab/bis)
        "month": rf"(?P<month_m>{month})",
        # Jahr 2025, Anfang 2025, 2025 (a bare year kept only after seit/bis/ab)
        "year": rf"(?:(?P<year_q>[Jj]ahre?|Anfang|Mitte|Ende)\s+)?(?P<year_y>{year}){not_amount}",
        # Dienstag und Mittwoch
        "wdrange": rf"(?P<wdrange_w1>{wd})\s+(?:und|bis)\s+(?P<wdrange_w2>{wd})(?!\w)",
        # (kommenden) Freitag(abend)
        "weekday": rf"(?:(?P<weekday_rel>{rel})\s+)?(?P<weekday_w>{wd})"
        r"(?:abend|morgen|mittag|nachmittag|vormittag|nacht)?(?!\w)",
        # heute, gestern, vorgestern, morgen (not "am Morgen"), übermorgen, Vortag
        "today": r"(?P<today_w>[Hh]eute|[Gg]estern|[Vv]orgestern|[Üü]bermorgen|morgen|Vortag(?:es)?)(?!\w)",
        # vergangenen Woche
        "week": rf"(?P<week_a>{rel})\s+Woche(?!\w)",
        # vergangenen Jahr(es), Vorjahr, diesjährig
        "relyear": rf"(?:(?P<relyear_a>{rel})\s+Jahr(?:es)?|(?P<relyear_v>Vorjahr(?:es)?)"
        r"|(?P<relyear_d>[Dd]iesjährige[nmrs]?))(?!\w)",
        # vergangenen Monat(s)
        "relmonth": rf"(?P<relmonth_a>{rel})\s+Monats?(?!\w)",
    }
    body = "|".join(f"(?P<B_{name}>{body})" for name, body in branches.items())
    return rf"\b(?=[\dA-Za-zÄÖÜäöü])(?<![\d.,])(?:{body})"


#: The first word of every branch of :func:`_pattern_source` (digits aside): a month, a weekday, or
#: one of these. A match can only start where one of them starts.
_ANCHOR_WORDS = (
    "Anfang", "Mitte", "Ende", "Jahr", "jahr",
    "Vergangene", "vergangene", "Letzte", "letzte", "Vorige", "vorige", "Kommende", "kommende",
    "Nächste", "nächste", "Diese", "diese", "Laufende", "laufende",
    "Heute", "heute", "Gestern", "gestern", "Vorgestern", "vorgestern", "Übermorgen", "übermorgen",
    "morgen", "Vortag", "Vorjahr", "Diesjährige", "diesjährige",
)  # fmt: skip


@functools.cache
def _pattern() -> re.Pattern[str]:
    """The date pattern, matched where a date may start (only at offset 0 in :func:`find_dates`)."""
    return re.compile(_pattern_source())


#: The preposition before a date, read backwards from its anchor.
_CUE = re.compile(
    r"(?<!\w)(?P<cue>am|im|vom|bis(?:\s+zum)?|seit|ab|zum|für|in\s+der|in\s+dieser|in\s+den\s+Jahren|in)\s+\Z",
    re.IGNORECASE,
)
#: Which cues each branch takes into its span; None = a cue is optional, a set = one is required.
_CUES: dict[str, tuple[frozenset[str], bool]] = {
    "range": (frozenset({"vom", "am"}), False),
    "dayrange": (frozenset({"vom", "am"}), False),
    "day": (frozenset({"am", "vom", "bis", "bis zum", "seit", "ab", "zum", "für"}), False),
    "numeric": (frozenset({"am", "vom", "bis", "seit", "ab"}), False),
    "partmonth": (frozenset({"seit", "ab", "bis"}), False),
    "monthyear": (frozenset({"im", "seit", "ab", "bis"}), False),
    "month": (frozenset({"im", "seit", "ab", "bis", "für"}), True),
    "year": (frozenset({"im", "seit", "ab", "bis", "in den jahren"}), False),
    "wdrange": (frozenset({"am"}), False),
    "weekday": (frozenset({"am", "seit", "bis", "vom", "ab", "für"}), False),
    "today": (frozenset({"am", "bis", "seit", "ab"}), False),
    "week": (frozenset({"in der", "in dieser"}), False),
    "relyear": (frozenset({"im", "in"}), False),
    "relmonth": (frozenset({"im"}), False),
}


def _month_no(name: str) -> int:
    got = german_parserinfo().month(name.rstrip("."))
    if got is None:  # pragma: no cover - the pattern only matches lexicon months
        raise ValueError(name)
    return int(got)


def _weekday_no(name: str) -> int:
    got = german_parserinfo().weekday(name)
    if got is None:  # pragma: no cover
        raise ValueError(name)
    return int(got)


def _is_future(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``start..end`` carries a future marker."""
    back = _SENT_END.search(text, max(0, start - 161), start)
    lo = back.start() + 1 if back else max(0, start - 160)
    hi = end
    limit = min(len(text), end + 160)
    while hi < limit and text[hi] not in ".!?\n":
        hi += 1
    return _FUTURE.search(text, lo, hi) is not None


_CLAUSE_STOP = ',;:„“”«»"\n.!?'


def _is_future_clause(text: str, start: int, end: int) -> bool:
    """Whether the clause around ``start..end`` (up to a comma, colon or quotation mark, at most 120
    characters each way) carries a future marker: a weekday in "der am Dienstag erwartet wurde" is the
    coming one, while a "wird" inside a quotation later in the sentence says nothing about it."""
    lo = start
    floor = max(0, start - 120)
    while lo > floor and text[lo - 1] not in _CLAUSE_STOP:
        lo -= 1
    hi = end
    limit = min(len(text), end + 120)
    while hi < limit and text[hi] not in _CLAUSE_STOP:
        hi += 1
    return _FUTURE.search(text, lo, hi) is not None


def _infer_year(month: int, published: dt.date, future: bool) -> int:
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year - 1 if month - published.month > 6 else published.year


def _year_of(y: str | None) -> int | None:
    if y is None:
        return None
    n = int(y)
    return n + 2000 if n < 100 else n


def _week(monday: dt.date) -> PartialDate:
    sunday = monday + dt.timedelta(days=6)
    if monday.month == sunday.month:
        return PartialDate.month(monday.year, monday.month)
    return PartialDate.day(monday, sunday)


_PAST_REL = ("vergangen", "letzt", "vorig")
_NEXT_REL = ("kommend", "nächst")


def _resolve(
    name: str, m: re.Match[str], text: str, published: dt.date | None, cue: str, *, mstart: int
) -> tuple[PartialDate, bool, str] | None:
    """The date of match ``m`` of branch ``name`` (which starts at ``mstart``), or None to skip it."""
    g = m.group

    def day_date(d: str, mon: str, y: str | None) -> tuple[dt.date, bool] | None:
        month = _month_no(mon) if not mon.isdigit() else int(mon)
        year = _year_of(y)
        relative = False
        if year is None:
            if published is None:
                return None
            year = _infer_year(month, published, _is_future(text, mstart, m.end()))
            relative = True
        try:
            return dt.date(year, month, int(d)), relative
        except ValueError:
            return None

    if name in ("day", "numeric"):
        got = day_date(g(f"{name}_d"), g(f"{name}_m"), g(f"{name}_y"))
        return (PartialDate.day(got[0]), got[1], cue) if got else None
    if name == "dayrange":
        a = day_date(g("dayrange_d1"), g("dayrange_m"), g("dayrange_y"))
        b = day_date(g("dayrange_d2"), g("dayrange_m"), g("dayrange_y"))
        if a is None or b is None or b[0] < a[0]:
            return None
        return PartialDate.day(a[0], b[0]), a[1], cue
    if name == "range":
        y2 = g("range_y2")
        y1 = g("range_y1") or y2
        a = day_date(g("range_d1"), g("range_m1"), y1)
        b = day_date(g("range_d2"), g("range_m2"), y2 or y1)
        if a is None or b is None:
            return None
        start, end = a[0], b[0]
        if end < start and y1 is None and y2 is None:
            start = start.replace(year=start.year - 1) if start.month > end.month else start
        if end < start:
            return None
        return PartialDate.day(start, end), a[1], cue
    if name in ("partmonth", "monthyear", "month"):
        month = _month_no(g(f"{name}_m"))
        year = _year_of(g(f"{name}_y")) if name != "month" else None
        relative = False
        if year is None:
            if published is None:
                return None
            year = _infer_year(month, published, _is_future(text, mstart, m.end()))
            relative = True
        return (
            PartialDate.month(year, month),
            relative,
            cue or (g("partmonth_q").lower() if name == "partmonth" else ""),
        )
    if name == "year":
        q = (g("year_q") or "").lower()
        if not q and cue not in ("seit", "bis", "ab", "in"):
            return None  # a bare number is not a year
        return (
            PartialDate.year(int(g("year_y"))),
            False,
            cue or (q if q in ("anfang", "mitte", "ende") else ""),
        )
    if published is None:
        return None
    # everything below is relative to the publication date
    if name == "wdrange":
        w1, w2 = _weekday_no(g("wdrange_w1")), _weekday_no(g("wdrange_w2"))
        first = published - dt.timedelta(days=(published.weekday() - w1) % 7)
        last = first + dt.timedelta(days=(w2 - w1) % 7)
        if last > published:
            first -= dt.timedelta(days=7)
            last -= dt.timedelta(days=7)
        return PartialDate.day(first, last), True, cue
    if name == "weekday":
        w = _weekday_no(g("weekday_w"))
        rel = g("weekday_rel") or ""
        if rel.startswith(_NEXT_REL):
            day = published + dt.timedelta(days=(w - published.weekday() - 1) % 7 + 1)
        elif rel.startswith(_PAST_REL):
            day = published - dt.timedelta(days=(published.weekday() - w - 1) % 7 + 1)
        elif _is_future_clause(text, mstart, m.end()):
            # "Für Dienstag ist ein Gespräch geplant": the coming one, not the last
            day = published + dt.timedelta(days=(w - published.weekday()) % 7)
        else:
            day = published - dt.timedelta(days=(published.weekday() - w) % 7)
        return PartialDate.day(day), True, cue
    if name == "today":
        word = g("today_w").lower()
        offsets = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2}
        if word == "morgen" and cue == "am":
            return None  # "am Morgen": in the morning
        off = -1 if word.startswith("vortag") else offsets[word]
        return PartialDate.day(published + dt.timedelta(days=off)), True, cue
    if name == "week":
        adj = g("week_a").lower()
        monday = published - dt.timedelta(days=published.weekday())
        if adj.startswith(_PAST_REL):
            monday -= dt.timedelta(days=7)
        elif adj.startswith(_NEXT_REL):
            monday += dt.timedelta(days=7)
        return _week(monday), True, cue
    if name == "relyear":
        adj = (g("relyear_a") or "").lower()
        if g("relyear_v") or adj.startswith(_PAST_REL):
            return PartialDate.year(published.year - 1), True, cue
        if adj.startswith(_NEXT_REL):
            return PartialDate.year(published.year + 1), True, cue
        return PartialDate.year(published.year), True, cue
    if name == "relmonth":
        adj = g("relmonth_a").lower()
        y, mo = published.year, published.month
        if adj.startswith(_PAST_REL):
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        elif adj.startswith(_NEXT_REL):
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
        return PartialDate.month(y, mo), True, cue
    return None  # pragma: no cover


def anchor_words() -> list[str]:
    """The words a date can start with besides a digit: months, weekdays and :data:`_ANCHOR_WORDS`."""
    return [f for f, _ in lexicon_rows("month")] + [f for f, _ in lexicon_rows("weekday")] + list(_ANCHOR_WORDS)


@functools.cache
def _anchors() -> WordStarts:
    return WordStarts(anchor_words())


def _matches(text: str, starts: list[int]) -> Iterator[tuple[int, re.Match[str]]]:
    """The matches of :func:`_pattern` with their start: the same as ``_pattern().finditer(text)``.

    A date starts at a digit or an anchor word after a separator (or at 0): the pattern is tried
    only at ``starts`` (in order; every such offset, see :func:`candidates`), left to right from
    the end of the last match.
    """
    match = _pattern().match
    pos = -1
    for start in starts:
        if start > pos:
            m = match(text, start)
            if m is not None:
                yield start, m
                pos = m.end() - 1
            else:
                pos = start


def candidates(text: str, anchors: list[int], digits: list[int]) -> list[int]:
    """Every offset where a date can start, in order (with some where none does), from the starts of
    the anchor words (:func:`anchor_words`, after a boundary) and of the digits (``digit_starts``)."""
    digits = [d for d in digits if _may_start_date(text, d)]
    if not anchors:
        return digits
    if not digits:
        return anchors
    both = anchors + digits
    both.sort()
    return both


#: Up to five digits (any script, as ``\d`` in the date pattern).
_RUN = re.compile(r"\d{1,5}")
#: What follows the one or two digits of a day: the dot, or the link of a day range (``3 bis 4.``).
_AFTER_DAY = re.compile(r"\.|\s*(?:–|—|-|bis|und)")


def _may_start_date(text: str, d: int) -> bool:
    """Whether a date can start at the digit ``text[d]``: after a boundary that is not ``.`` or ``,``,
    as a day (one or two digits before a dot or a range link) or a year (``18``, ``19``, ``20`` and
    at least two more digits); three digits start no date."""
    if d:
        ch = text[d - 1]
        if ch.isalnum() or ch in "_.,":
            return False  # \b(?<![\d.,]) at the start of the pattern
    m = _RUN.match(text, d)
    length = m.end() - d if m else 0
    if length <= 2:
        return _AFTER_DAY.match(text, d + length) is not None
    return length >= 4 and text.startswith(("18", "19", "20"), d)


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Find the date expressions of ``text`` (see the module docstring for the grammar).

    Args:
        text: article text; spans are offsets into it.
        published: the publication date; relative expressions and dates without a year are
            resolved against it, and skipped when it is None.

    Returns:
        The mentions in text order, non-overlapping (the longest form wins at each position).
    """
    return dates_at(text, published, candidates(text, _anchors().find(text), digit_starts(text, latin1(text))))


def dates_at(text: str, published: dt.date | None, starts: list[int]) -> list[DateMention]:
    """:func:`find_dates`, given the offsets where a date may start (:func:`candidates`)."""
    out: list[DateMention] = []
    last_end = 0
    for mstart, m in _matches(text, starts):
        name = (m.lastgroup or "B_")[2:]  # the branch group encloses its match, so it closes last
        allowed, required = _CUES[name]
        start = mstart
        cue = ""
        if start and text[start - 1].isspace():  # a cue is followed by white space
            cm = _CUE.search(text, max(last_end, start - 20), start)
            if cm is not None:
                cue = " ".join(cm.group("cue").lower().split())
                if cue in allowed:
                    start = cm.start()
                else:
                    cue = ""
        if required and not cue:
            continue
        got = _resolve(name, m, text, published, cue, mstart=mstart)
        if got is None:
            continue
        date, relative, cue = got
        end = m.end()
        out.append(DateMention(_span(start, end, text[start:end]), date, relative, cue))
        last_end = end
    return out


#: What the dateutil fallback of :func:`parse_date` accepts: ISO ``YYYY[-MM[-DD]]``, ``D.M.YYYY``,
#: ``D/M/YYYY`` (day first) and a bare ``YYYY``; never a bare short number ("80").
_NUMERIC_DATE = re.compile(r"(?:1[89]|20)\d\d(?:-\d\d?(?:-\d\d?)?)?|\d\d?[./]\d\d?[./](?:1[89]|20)?\d\d")

_PARSE_SENTINELS = (dt.datetime(1904, 1, 1), dt.datetime(1908, 12, 28))


def parse_date(text: str, published: dt.date | None = None) -> PartialDate | None:
    """Parse one whole date expression, e.g. ``"am 10. Oktober 2025"`` or ``"Anfang Juni"``.

    Accepts every form of :func:`find_dates` when it covers the whole string (surrounding space and
    punctuation aside), then ISO and other numeric forms through :mod:`dateutil` with
    :func:`german_parserinfo`; precision follows what the string fixes. Returns None for anything else
    (never raises on strings).
    """
    stripped = text.strip(" \t\r\n.,;:()")
    if not stripped:
        return None
    found = find_dates(stripped, published)
    if len(found) == 1 and found[0].span.start == 0 and found[0].span.end >= len(stripped.rstrip(".")):
        return found[0].date
    if found or len(stripped) > 40 or not _NUMERIC_DATE.fullmatch(stripped):
        return None
    try:
        a, b = (du_parser.parse(stripped, parserinfo=german_parserinfo(), default=d) for d in _PARSE_SENTINELS)
    except (ValueError, OverflowError, TypeError):
        return None
    if a.year != b.year:
        return None  # dateutil filled the year in: not a date we can place
    if a.month != b.month:
        return PartialDate.year(a.year)
    if a.day != b.day:
        return PartialDate.month(a.year, a.month)
    return PartialDate.day(a.date())
