"""Reading articles: text with exact offsets, the ``date`` header, paragraphs, subheadings, junk lines.

:func:`read_article` takes a file path, raw bytes or article text; :func:`parse_article` takes text only.

What a source is
    An ``os.PathLike`` is always a path and ``bytes`` are always the file's contents. A ``str`` is a path
    when it has no line break, is shorter than 4096 characters and names an existing file; a ``str``
    that is one word without whitespace and looks like a path (it holds ``/`` or ``\\``, or ends in
    ``.txt``, ``.text``, ``.md``, ``.htm(l)``) but names no file raises :class:`ArticleNotFoundError`
    rather than being read as a one-word article. Every other ``str`` is article text; use
    :func:`parse_article` when text must never be taken for a path.

What the text is
    ``Article.text`` is the file decoded exactly as ``pathlib.Path.read_text(encoding="utf-8")`` decodes
    it: a byte order mark stays as ``"\\ufeff"`` at offset 0 and line ends are translated (``\\r\\n`` and
    ``\\r`` become ``\\n``), so every offset matches what other readers of the file see. Text passed as
    a ``str`` is kept as given (``\\r\\n`` and ``\\r`` still end lines). Bytes that are not UTF-8 are
    decoded as cp1252, else latin-1, with an :class:`EncodingWarning`.

The grammar of an article (lines end at ``\\n``, ``\\r\\n`` or ``\\r``)::

    article   := [BOM] [header] block (separator block)* [signature]
    header    := [ \\t]* "date" [ \\t]+ DATE ([ \\t]+ | end of line)    -- on line 1 only
    DATE      := YYYY "-" MM ["-" DD]           -- day or month precision
    separator := blank line | junk line        -- junk lines: data/junk_de.tsv, whole lines
    signature := the last non-blank, non-junk line when it is an outlet (data/outlets.tsv) or all-caps
                 abbreviations, optionally joined by "/" ("dpa/AFP") or in parentheses ("(dpa)"),
                 at most 40 characters and 4 words, without final punctuation

The rest of line 1 after the header begins the lead paragraph. A block of one line of at most 80
characters and 12 words, with a letter and without final punctuation (``. ! ? : ; , … " “ ” » « '``),
is a subheading when a paragraph follows it somewhere below; every other block is a paragraph. Spans are
trimmed of surrounding whitespace. Line 1 without a header is ordinary text; a line 1 that starts with
``date`` and a word beginning with a digit is a header and must hold a real date.

Errors name the source, the 1-based line and column (columns count characters; a BOM is not counted)
and show the offending line.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import errno
import functools
import hashlib
import os
import re
import unicodedata
import warnings
from pathlib import PurePath
from typing import TYPE_CHECKING, NamedTuple

from summitlib._data import read_records
from summitlib.errors import (
    ArticleNotFoundError,
    ArticleReadError,
    ArticleTooLargeError,
    BinaryContentError,
    EmptyArticleError,
    EncodingWarning,
    InvalidDateError,
    InvalidHeaderDateError,
    PublishedMismatchWarning,
)
from summitlib.model import Article, PartialDate, Span

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["DEFAULT_MAX_BYTES", "parse_article", "read_article"]

#: The largest article file (in bytes) :func:`read_article` reads unless told otherwise.
DEFAULT_MAX_BYTES: int = 5_000_000

#: A ``str`` this long or longer is always text, never a path.
_MAX_PATH_CHARS = 4096
#: More than this share of control characters makes text binary.
_MAX_CONTROL_SHARE = 0.1

_BOM = "\ufeff"

# A line end, kept by re.split.
_LINE_END = re.compile(r"(\r\n|\r|\n)")

_HEADER = re.compile(
    r"""
    [ \t]*              # optional indent (the crawl writes one space)
    date [ \t]+         # the keyword
    (?P<token>\d\S*)    # a word starting with a digit: the date, checked strictly below
    (?:[ \t]+|\Z)       # spaces before the lead paragraph, or the end of the line
    """,
    re.VERBOSE,
)

_ISO_DATE = re.compile(
    r"""
    (?P<year>\d{4}) - (?P<month>\d{2})   # YYYY-MM: month precision
    (?: - (?P<day>\d{2}) )?              # -DD: day precision
    """,
    re.VERBOSE,
)

# Control characters that never occur in text: C0 except tab, line feed, form feed and carriage
# return; DEL; C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

_SUBHEADING_MAX_CHARS = 80
_SUBHEADING_MAX_WORDS = 12
_SIGNATURE_MAX_CHARS = 40
_SIGNATURE_MAX_WORDS = 4
_FINAL_PUNCTUATION = frozenset(".!?:;,…\"“”»«'’")

# An outlet abbreviation in capitals: DAZ, NZZ, AFP, RIA-N, B&M.
_ABBREVIATION = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9&\-]{1,9}")
# Outlets joined in one signature: "dpa/AFP".
_OUTLET_JOIN = re.compile(r"[ \t]*/[ \t]*")

# A one-word str that is meant as a path, not as article text.
_PATHLIKE = re.compile(r"\S*[/\\]\S*|\S+\.(?:txt|text|md|html?)", re.IGNORECASE)


class _Line(NamedTuple):
    """One line of the text: content ``[start, end)`` and the offset where the next line starts."""

    start: int
    end: int
    next: int


def read_article(
    source: str | os.PathLike[str] | bytes,
    *,
    published: PartialDate | dt.date | str | None = None,
    id: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read one article from a file path, raw bytes or text (see the module docstring for which is which).

    Args:
        source: a path (``str`` or ``os.PathLike``), the file's bytes, or the article text.
        published: the publication date when the article has no ``date`` header (``"2025-10"``,
            ``datetime.date``, :class:`PartialDate`). A header always wins; if both are given and differ,
            a :class:`PublishedMismatchWarning` is issued.
        id: the article id; by default the file stem for paths, else ``"text-"`` and the first 12 hex
            digits of the SHA-1 of the text.
        max_bytes: the largest input accepted, in bytes (UTF-8 bytes for text).

    Returns:
        The :class:`Article`, its ``text`` decoded like ``Path.read_text(encoding="utf-8")``.

    Raises:
        ArticleNotFoundError: a path names no file.
        ArticleReadError: a path names something that cannot be read (a directory, no permission).
        ArticleTooLargeError: the input is larger than ``max_bytes`` (checked before reading a file).
        BinaryContentError: the input holds NUL bytes or many control characters.
        EmptyArticleError: nothing but a header, junk, a signature or whitespace.
        InvalidHeaderDateError: the ``date`` header is malformed or names a day that does not exist.
        InvalidDateError: ``published`` is not an ISO date.
        TypeError: ``source`` is of another type.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        _check_size(len(data), max_bytes, None)
        text = _decode(data, None)
        return parse_article(text, id=id, published=published)
    if isinstance(source, str) and not _is_path(source):
        if len(source) > max_bytes or len(source.encode("utf-8", "surrogatepass")) > max_bytes:
            raise ArticleTooLargeError(f"article text is larger than {max_bytes} bytes")
        return parse_article(source, id=id, published=published)
    if not isinstance(source, str | os.PathLike):
        raise TypeError(f"read_article() takes a path, bytes or text, not {type(source).__name__}")
    path = os.fsdecode(os.fspath(source))
    data = _read_file(path, max_bytes)
    text = _decode(data, path)
    stem = PurePath(path).stem
    return parse_article(text, source=path, id=id if id is not None else stem, published=published)


def parse_article(
    text: str,
    *,
    source: str | None = None,
    id: str | None = None,
    published: PartialDate | dt.date | str | None = None,
) -> Article:
    """Parse article text (never a path) into an :class:`Article`; offsets index ``text`` as given.

    Args:
        text: the article text, with or without a ``date`` header.
        source: where the text came from, named in errors and kept as ``Article.source``.
        id: the article id; by default ``"text-"`` and 12 hex digits of the SHA-1 of ``text``.
        published: the publication date when there is no header (see :func:`read_article`).

    Returns:
        The :class:`Article` with ``text`` unchanged.

    Raises:
        BinaryContentError: NUL bytes or many control characters.
        EmptyArticleError: no article text.
        InvalidHeaderDateError: a malformed or impossible header date.
        InvalidDateError: ``published`` is not an ISO date.
    """
    given = _coerce_published(published)
    lines = _split_lines(text)
    _check_binary(text, lines, source)

    first = lines[0]
    content_start = first.start + 1 if text.startswith(_BOM) else first.start
    header_date, lead_start = _parse_header(text, lines, content_start, source)
    if header_date is not None and given is not None and given != header_date:
        warnings.warn(
            f"{source or '<text>'}: published={given} differs from the header date {header_date}; "
            "keeping the header",
            PublishedMismatchWarning,
            stacklevel=3,
        )
    date = header_date if header_date is not None else given

    starts = [lead_start] + [line.start for line in lines[1:]]
    kinds = [_classify(text[s : line.end]) for s, line in zip(starts, lines, strict=True)]
    outlet = _find_signature(text, lines, starts, kinds, has_header=header_date is not None)

    blocks = _blocks(text, lines, starts, kinds)
    if not blocks:
        line, column = (1, lead_start - content_start + 1) if header_date is not None else (None, None)
        raise EmptyArticleError(
            "no article text (only whitespace, header, site junk or signature)",
            source=source,
            line=line,
            column=column,
            line_text=text[content_start : first.end] if line is not None else None,
        )
    lead_end = first.end if header_date is not None else -1
    paragraphs, subheadings = _sort_blocks(blocks, lead_end=lead_end)
    if id is None:
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()
        id = "text-" + digest[:12]
    return Article(
        id=id,
        text=text,
        source=source,
        published=date,
        outlet=outlet,
        paragraphs=tuple(paragraphs),
        subheadings=tuple(subheadings),
    )


# --- sources and bytes -------------------------------------------------------------------------------


def _is_path(value: str) -> bool:
    """Whether a ``str`` source is a path (an existing file, or a one-word string that looks like one)."""
    if not value or "\n" in value or "\r" in value or len(value) >= _MAX_PATH_CHARS:
        return False
    try:
        if os.path.exists(value):
            return True
    except (OSError, ValueError):
        return False
    return _PATHLIKE.fullmatch(value) is not None


def _check_size(size: int, max_bytes: int, source: str | None) -> None:
    if size > max_bytes:
        raise ArticleTooLargeError(
            f"article is {size} bytes, larger than the limit of {max_bytes} bytes", source=source
        )


def _read_file(path: str, max_bytes: int) -> bytes:
    """The bytes of the file at ``path``, refusing files larger than ``max_bytes`` before reading."""
    with _os_errors(path):
        size = os.stat(path).st_size
        if not os.path.isfile(path):
            raise IsADirectoryError(errno.EISDIR, "not a regular file", path)
    _check_size(size, max_bytes, path)
    with _os_errors(path), open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    _check_size(len(data), max_bytes, path)  # the file grew, or is not a regular file
    return data


@contextlib.contextmanager
def _os_errors(path: str) -> Iterator[None]:
    """Turn what the OS says about ``path`` into :class:`ArticleReadError` and its leaves."""
    try:
        yield
    except FileNotFoundError as exc:
        raise ArticleNotFoundError(errno.ENOENT, "no such article file", path) from exc
    except OSError as exc:
        code = exc.errno if exc.errno is not None else errno.EIO
        raise ArticleReadError(code, f"cannot read article file ({exc.strerror or exc})", path) from exc
    except ValueError as exc:  # a NUL character in the path
        raise ArticleReadError(errno.EINVAL, f"cannot read article file ({exc})", path) from exc


def _decode(data: bytes, source: str | None) -> str:
    """Decode like ``Path.read_text(encoding="utf-8")``, falling back to cp1252, then latin-1."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = source or "<bytes>"
        if b"\x00" in data:  # UTF-16 and binary files: let the binary check name the byte
            text = data.decode("latin-1")
        else:
            try:
                text = data.decode("cp1252")
                fallback = "cp1252"
            except UnicodeDecodeError:
                text = data.decode("latin-1")
                fallback = "latin-1"
            bad = _universal_newlines(data[: exc.start].decode("utf-8", "replace"))
            line = bad.count("\n") + 1
            column = len(bad) - (bad.rfind("\n") + 1) + 1
            if not _looks_binary(text):
                warnings.warn(
                    f"{where}:{line}:{column}: not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                    f"decoded as {fallback}",
                    EncodingWarning,
                    stacklevel=3,
                )
    return _universal_newlines(text)


def _universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    return bool(text) and len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text)


# --- lines ---------------------------------------------------------------------------------------------


def _split_lines(text: str) -> list[_Line]:
    """The lines of ``text``; a line ends at ``\\n``, ``\\r\\n`` or ``\\r`` (never an empty list)."""
    if "\r" in text:
        pieces = _LINE_END.split(text)
        contents, ends = pieces[0::2], [len(end) for end in pieces[1::2]]
        ends.append(0)
    else:
        contents = text.split("\n")
        ends = [1] * (len(contents) - 1) + [0]
    lines: list[_Line] = []
    start = 0
    for content, end in zip(contents, ends, strict=True):
        stop = start + len(content)
        lines.append(_Line(start, stop, stop + end))
        start = stop + end
    return lines


def _locate(text: str, lines: list[_Line], offset: int) -> tuple[int, int, str]:
    """1-based line and column of ``offset`` and the line's text (a BOM is not counted or shown)."""
    index = bisect.bisect_right([line.start for line in lines], offset) - 1
    line = lines[index]
    start = line.start + 1 if index == 0 and text.startswith(_BOM) else line.start
    return index + 1, max(offset - start, 0) + 1, text[start : line.end]


def _check_binary(text: str, lines: list[_Line], source: str | None) -> None:
    if not _looks_binary(text):
        return
    nul = text.find("\x00")
    match = _CONTROL.search(text)
    offset = nul if nul >= 0 else (match.start() if match else 0)
    line, column, line_text = _locate(text, lines, offset)
    utf16 = nul >= 0 and text.startswith(("\xff\xfe", "\xfe\xff"))
    hint = " (UTF-16 text? save it as UTF-8)" if utf16 else ""
    raise BinaryContentError(
        f"binary content, not text: character U+{ord(text[offset]):04X}{hint}",
        source=source,
        line=line,
        column=column,
        line_text=_printable(line_text),
    )


def _printable(line: str) -> str:
    """The line with control characters shown as ``?`` (so the caret stays under the bad one)."""
    return _CONTROL.sub("?", line[:200])


# --- header and published ---------------------------------------------------------------------------


def _parse_header(
    text: str, lines: list[_Line], content_start: int, source: str | None
) -> tuple[PartialDate | None, int]:
    """The header date (or None) and the offset where the lead paragraph may start."""
    first = lines[0]
    match = _HEADER.match(text, content_start, first.end)
    if match is None:
        return None, content_start
    token = match.group("token")
    column = match.start("token") - content_start + 1
    iso = _ISO_DATE.fullmatch(token)
    problem = "malformed header date {!r}: expected YYYY-MM-DD or YYYY-MM"
    date: PartialDate | None = None
    if iso is not None:
        year, month, day = iso.group("year", "month", "day")
        problem = "impossible header date {!r}"
        try:
            if day is None:
                date = PartialDate.month(int(year), int(month))
            else:
                date = PartialDate.day(dt.date(int(year), int(month), int(day)))
        except ValueError:
            date = None
    if date is None:
        raise InvalidHeaderDateError(
            problem.format(token),
            source=source,
            line=1,
            column=column,
            line_text=text[content_start : first.end],
        )
    return date, match.end()


def _coerce_published(value: PartialDate | dt.date | str | None) -> PartialDate | None:
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.datetime):
        return PartialDate.day(value.date())
    if isinstance(value, dt.date):
        return PartialDate.day(value)
    if isinstance(value, str):
        try:
            return PartialDate.parse(value)
        except ValueError as exc:
            raise InvalidDateError(f"published={value!r} is not a date: {exc}") from exc
    raise TypeError(f"published must be a PartialDate, date or ISO string, not {type(value).__name__}")


# --- junk, signature, blocks -------------------------------------------------------------------------

_BLANK, _JUNK, _TEXT = "blank", "junk", "text"


def _classify(line: str) -> str:
    stripped = line.strip()
    if not stripped:
        return _BLANK
    if any(p.fullmatch(stripped) for p in _junk_patterns()):
        return _JUNK
    return _TEXT


def _find_signature(
    text: str, lines: list[_Line], starts: list[int], kinds: list[str], *, has_header: bool
) -> str | None:
    """The outlet named by the last text line, marking that line as a separator; else None."""
    for index in range(len(lines) - 1, -1, -1):
        if kinds[index] != _TEXT:
            continue
        if index == 0 and has_header:
            return None
        outlet = _outlet(text[starts[index] : lines[index].end].strip())
        if outlet is not None:
            kinds[index] = _JUNK
        return outlet
    return None


def _outlet(line: str) -> str | None:
    """The outlet a signature line names (``"(dpa)"`` -> ``"dpa"``), or None if it is not one."""
    if len(line) > _SIGNATURE_MAX_CHARS or len(line.split()) > _SIGNATURE_MAX_WORDS:
        return None
    if line[-1] in _FINAL_PUNCTUATION:
        return None
    if line.startswith("(") and line.endswith(")"):
        line = line[1:-1].strip()
    parts = _OUTLET_JOIN.split(line)
    known = _known_outlets()
    if all(p and (p.casefold() in known or _ABBREVIATION.fullmatch(p)) for p in parts):
        return line
    return None


def _blocks(text: str, lines: list[_Line], starts: list[int], kinds: list[str]) -> list[tuple[Span, int]]:
    """Runs of text lines as trimmed spans, each with its number of lines."""
    blocks: list[tuple[Span, int]] = []
    begin: int | None = None
    count = 0
    for index, kind in enumerate([*kinds, _BLANK]):
        if kind == _TEXT:
            if begin is None:
                begin, count = index, 0
            count += 1
            continue
        if begin is not None:
            start, end = starts[begin], lines[index - 1].end
            chunk = text[start:end]
            start += len(chunk) - len(chunk.lstrip())
            end -= len(chunk) - len(chunk.rstrip())
            blocks.append((Span.of(text, start, end), count))
            begin = None
    return blocks


def _sort_blocks(blocks: list[tuple[Span, int]], *, lead_end: int) -> tuple[list[Span], list[Span]]:
    """Split blocks into paragraphs and subheadings (a subheading needs a paragraph below it).

    A block starting before ``lead_end`` (on the header line) is the lead paragraph, never a heading.
    """
    paragraphs: list[Span] = []
    subheadings: list[Span] = []
    paragraph_below = False
    for position in range(len(blocks) - 1, -1, -1):
        span, count = blocks[position]
        heading = count == 1 and span.start > lead_end and _looks_like_heading(span.text)
        if heading and paragraph_below:
            subheadings.append(span)
        else:
            paragraphs.append(span)
            paragraph_below = True
    paragraphs.reverse()
    subheadings.reverse()
    return paragraphs, subheadings


def _looks_like_heading(line: str) -> bool:
    return (
        len(line) <= _SUBHEADING_MAX_CHARS
        and len(line.split()) <= _SUBHEADING_MAX_WORDS
        and line[-1] not in _FINAL_PUNCTUATION
        and any(unicodedata.category(c).startswith("L") for c in line)
    )


# --- data ------------------------------------------------------------------------------------------------


def _read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a bundled TSV file: ``#`` comment lines, then a header row naming the columns."""
    return read_records(name)


@functools.cache
def _junk_patterns() -> tuple[re.Pattern[str], ...]:
    """The site junk patterns of ``data/junk_de.tsv``, compiled once on first use."""
    return tuple(re.compile(row["pattern"], re.IGNORECASE) for row in _read_tsv("junk_de.tsv"))


@functools.cache
def _known_outlets() -> frozenset[str]:
    """The casefolded outlet names of ``data/outlets.tsv``."""
    return frozenset(row["name"].casefold() for row in _read_tsv("outlets.tsv"))
