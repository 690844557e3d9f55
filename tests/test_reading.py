"""Tests of summitlib.reading: headers, encodings, paragraphs, subheadings, junk, signatures, errors."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import string
import tempfile
import unicodedata
import warnings
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

if TYPE_CHECKING:
    from _pytest.mark.structures import ParameterSet

from summitlib import reading
from summitlib.errors import (
    ArticleFormatError,
    ArticleNotFoundError,
    ArticleReadError,
    ArticleTooLargeError,
    BinaryContentError,
    EmptyArticleError,
    EncodingWarning,
    InvalidDateError,
    InvalidHeaderDateError,
    PublishedMismatchWarning,
    SummitlibError,
)
from summitlib.model import Article, PartialDate, Precision
from summitlib.reading import DEFAULT_MAX_BYTES, parse_article, read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# --- tables --------------------------------------------------------------------------------------------


@attrs.frozen
class Layout:
    """What an article's text should read as."""

    paragraphs: tuple[str, ...]
    subheadings: tuple[str, ...] = ()
    published: str | None = None
    outlet: str | None = None


def layout(
    text: str,
    paragraphs: list[str],
    *,
    subheadings: tuple[str, ...] = (),
    published: str | None = None,
    outlet: str | None = None,
    id: str,
) -> ParameterSet:
    """One case of STRUCTURE: the text and the layout expected."""
    return pytest.param(text, Layout(tuple(paragraphs), subheadings, published, outlet), id=id)


_HEADLINES = "\n\nKasachstan als wirtschaftliches Drehkreuz\n\nEin Schwerpunkt lag auf Handel.\n\n"
_JUNK = (
    "Teilen mit:\nDrucken\n\nDer Gipfel begann.\n\nFoto: Akorda\n\nEr endete spät.\n\nAnzeige\n"
    "Jetzt abonnieren\n\nDiese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten.\n"
)
_BEGAN, _ENDED = "Der Gipfel begann.", "Er endete spät."
_THIRTEEN = " ".join(["Wort"] * 13)

STRUCTURE = [
    # header variants
    layout(
        " date 2025-10-14 Tokajew reiste nach Duschanbe.\n\nDer Gipfel begann am Freitag.\n",
        ["Tokajew reiste nach Duschanbe.", "Der Gipfel begann am Freitag."],
        published="2025-10-14",
        id="header-day",
    ),
    layout(" date 2025-10 Der GUS-Gipfel.\n", ["Der GUS-Gipfel."], published="2025-10", id="header-month"),
    layout(
        "date 2025-11-10 Trump lud ein.", ["Trump lud ein."], published="2025-11-10", id="header-no-space"
    ),
    layout(
        " date 2025-11-10\n\nTrump lud ein.\n", ["Trump lud ein."], published="2025-11-10", id="header-alone"
    ),
    layout(
        " date 2025-11-10\n\nGipfel in Washington\n\nTrump lud ein.\n",
        ["Trump lud ein."],
        subheadings=("Gipfel in Washington",),
        published="2025-11-10",
        id="header-alone-then-title",
    ),
    layout(
        " date 2025-10-14 Kurzmeldung\n\nTokajew sprach.\n",
        ["Kurzmeldung", "Tokajew sprach."],
        published="2025-10-14",
        id="short-lead-is-a-paragraph-not-a-heading",
    ),
    layout(
        " date 2025-10-14 Tokajew reiste an\nund sprach lange.\n\nDanach reiste er ab.",
        ["Tokajew reiste an\nund sprach lange.", "Danach reiste er ab."],
        published="2025-10-14",
        id="lead-continues-on-line-2",
    ),
    layout(f"{_BEGAN}\n\n{_ENDED}", [_BEGAN, _ENDED], id="no-header"),
    layout("date night in Duschanbe.\n", ["date night in Duschanbe."], id="date-word-without-digits"),
    # line ends and BOM in text
    layout(
        " date 2025-10-14 Erster Absatz.\r\n\r\nZwischentitel hier\r\n\r\nZweiter Absatz.\r\n",
        ["Erster Absatz.", "Zweiter Absatz."],
        subheadings=("Zwischentitel hier",),
        published="2025-10-14",
        id="crlf-text",
    ),
    layout("Erster Absatz.\r\rZweiter Absatz.\r", ["Erster Absatz.", "Zweiter Absatz."], id="cr-text"),
    layout("\ufeff date 2025-10-14 Erster Absatz.\n", ["Erster Absatz."], published="2025-10-14", id="bom"),
    # subheadings
    layout(
        f" date 2025-11-10 Lead.{_HEADLINES}Tokajew für engere Zusammenarbeit\n\nTokajew erinnerte.\n",
        ["Lead.", "Ein Schwerpunkt lag auf Handel.", "Tokajew erinnerte."],
        subheadings=("Kasachstan als wirtschaftliches Drehkreuz", "Tokajew für engere Zusammenarbeit"),
        published="2025-11-10",
        id="subheadings",
    ),
    layout(
        f"Gipfel in Duschanbe\n\nRachmon als Gastgeber\n\n{_BEGAN}",
        [_BEGAN],
        subheadings=("Gipfel in Duschanbe", "Rachmon als Gastgeber"),
        id="title-and-subtitle",
    ),
    layout(
        f"{_BEGAN}\n\nTokajew sagte:\n\nWir sind bereit.",
        [_BEGAN, "Tokajew sagte:", "Wir sind bereit."],
        id="final-colon-is-no-heading",
    ),
    layout(
        f"{_BEGAN}\n\n„Wir sind bereit“\n\nSo Tokajew.",
        [_BEGAN, "„Wir sind bereit“", "So Tokajew."],
        id="final-quote-is-no-heading",
    ),
    layout(f"{_BEGAN}\n\nEin weiteres", [_BEGAN, "Ein weiteres"], id="trailing-short-line-is-a-paragraph"),
    layout(f"{_BEGAN}\n\n{_THIRTEEN}\n\n{_ENDED}", [_BEGAN, _THIRTEEN, _ENDED], id="13-words-no-heading"),
    # outlet signatures
    layout(f"{_BEGAN}\n\nDAZ\n", [_BEGAN], outlet="DAZ", id="signature-DAZ"),
    layout(f"{_BEGAN}\n\n(dpa)", [_BEGAN], outlet="dpa", id="signature-(dpa)"),
    layout(f"{_BEGAN}\n\ndpa/AFP", [_BEGAN], outlet="dpa/AFP", id="signature-dpa/AFP"),
    layout(f"{_BEGAN}\n\nNZZ", [_BEGAN], outlet="NZZ", id="signature-NZZ"),
    layout(
        f"{_BEGAN}\n\nDeutsche Allgemeine Zeitung",
        [_BEGAN],
        outlet="Deutsche Allgemeine Zeitung",
        id="signature-known-outlet-name",
    ),
    layout(f"{_BEGAN}\nDAZ", [_BEGAN], outlet="DAZ", id="signature-right-below-the-text"),
    layout(f"{_BEGAN}\n\nDAZ\n\nTeilen mit:\nDrucken\n", [_BEGAN], outlet="DAZ", id="signature-before-junk"),
    layout(f"{_BEGAN}\n\nVon Anna Muster", [_BEGAN, "Von Anna Muster"], id="byline-is-no-signature"),
    layout(f"{_BEGAN}\n\nDAZ.", [_BEGAN, "DAZ."], id="punctuated-is-no-signature"),
    # site junk
    layout(_JUNK, [_BEGAN, _ENDED], id="junk-lines"),
    layout(
        f"{_BEGAN}\nLesen Sie auch: Tokajew in Washington\n{_ENDED}",
        [_BEGAN, _ENDED],
        id="junk-line-splits-a-block",
    ),
    layout(
        f"{_BEGAN}\n\n* * *\n\n{_ENDED}\n\nMEHR ZUM THEMA\n\n© DAZ 2025",
        [_BEGAN, _ENDED],
        id="separator-related-copyright",
    ),
    layout(
        "   Eingerückter Absatz.   \n\n\tNoch einer.\t", ["Eingerückter Absatz.", "Noch einer."], id="trimmed"
    ),
]

# (published argument, expected ISO, precision)
PUBLISHED_ARGUMENT = [
    pytest.param("2025-10-14", "2025-10-14", Precision.DAY, id="iso-day-string"),
    pytest.param("2025-10", "2025-10", Precision.MONTH, id="iso-month-string"),
    pytest.param(dt.date(2025, 10, 14), "2025-10-14", Precision.DAY, id="date"),
    pytest.param(dt.datetime(2025, 10, 14, 9, 30), "2025-10-14", Precision.DAY, id="datetime"),
    pytest.param(PartialDate.month(2025, 11), "2025-11", Precision.MONTH, id="partial-date"),
]

# (source text or bytes, error class, line, column)
ERRORS = [
    pytest.param("", EmptyArticleError, None, None, id="empty-text"),
    pytest.param(b"", EmptyArticleError, None, None, id="empty-bytes"),
    pytest.param(" \n\n\t \n", EmptyArticleError, None, None, id="whitespace-only"),
    pytest.param(" date 2025-10-14\n\n", EmptyArticleError, 1, 17, id="header-only"),
    pytest.param("Teilen mit:\nDrucken\n", EmptyArticleError, None, None, id="junk-only"),
    pytest.param("DAZ\n", EmptyArticleError, None, None, id="signature-only"),
    pytest.param(" date 2025-10-14\n\nDAZ\n", EmptyArticleError, 1, 17, id="header-and-signature-only"),
    pytest.param(" date 2025-13-40 Text.", InvalidHeaderDateError, 1, 7, id="month-13-day-40"),
    pytest.param("date 2025-02-30 Text.", InvalidHeaderDateError, 1, 6, id="february-30"),
    pytest.param(" date 2025-00 Text.", InvalidHeaderDateError, 1, 7, id="month-00"),
    pytest.param(" date 2025-1-5 Text.", InvalidHeaderDateError, 1, 7, id="malformed-date"),
    pytest.param(" date 14.10.2025 Text.", InvalidHeaderDateError, 1, 7, id="german-date-form"),
    pytest.param("\ufeff date 2025-13-01 Text.", InvalidHeaderDateError, 1, 7, id="bom-not-counted"),
    pytest.param(b"\xef\xbb\xbf date 2025-02-29 T.", InvalidHeaderDateError, 1, 7, id="bytes-bom-2025-02-29"),
    pytest.param("Text\x00mehr", BinaryContentError, 1, 5, id="nul-character"),
    pytest.param("Zeile eins.\r\nab\x00", BinaryContentError, 2, 3, id="nul-on-line-2-crlf"),
    pytest.param(b"Zeile eins.\nZeile zwei.\nab\x00cd", BinaryContentError, 3, 3, id="nul-byte"),
    pytest.param("ab\x01\x02\x03\x04", BinaryContentError, 1, 3, id="control-characters"),
    pytest.param("Tokajew".encode("utf-16"), BinaryContentError, 1, 4, id="utf-16"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryContentError, 3, 1, id="png"),
]


def _assert_offsets_exact(article: Article) -> None:
    """Every span is a trimmed, non-empty slice of the text; spans are ordered and disjoint."""
    spans = sorted([*article.paragraphs, *article.subheadings])
    for span in spans:
        assert article.text[span.start : span.end] == span.text
        assert span.text
        assert span.text == span.text.strip()
    for left, right in itertools.pairwise(spans):
        assert left.end <= right.start


# --- tests ------------------------------------------------------------------------------------------------


class TestStructure:
    @pytest.mark.parametrize(("text", "expected"), STRUCTURE)
    def test_case(self, text: str, expected: Layout) -> None:
        article = parse_article(text)
        assert article.text == text
        assert article.published == (PartialDate.parse(expected.published) if expected.published else None)
        assert article.outlet == expected.outlet
        assert tuple(p.text for p in article.paragraphs) == expected.paragraphs
        assert tuple(s.text for s in article.subheadings) == expected.subheadings
        _assert_offsets_exact(article)

    @pytest.mark.parametrize(("text", "expected"), STRUCTURE)
    def test_same_through_a_file(self, tmp_path: Path, text: str, expected: Layout) -> None:
        """Read from a file, the text is what Path.read_text gives; the layout is the same."""
        path = tmp_path / "artikel.txt"
        path.write_bytes(text.encode("utf-8"))
        article = read_article(path)
        assert article.text == path.read_text(encoding="utf-8")
        assert article.outlet == expected.outlet
        assert tuple(p.text for p in article.paragraphs) == expected.paragraphs
        assert tuple(s.text for s in article.subheadings) == expected.subheadings
        _assert_offsets_exact(article)

    @pytest.mark.parametrize(
        ("text", "header"),
        [
            pytest.param(" date 2025-10-14 Lead.", " date 2025-10-14 ", id="day"),
            pytest.param(" date 2025-10   Lead.", " date 2025-10   ", id="month-more-spaces"),
            pytest.param("\ufeffdate 2025-10-14 Lead.", "\ufeffdate 2025-10-14 ", id="bom"),
        ],
    )
    def test_lead_starts_right_after_header(self, text: str, header: str) -> None:
        article = parse_article(text)
        assert article.paragraphs[0].start == len(header)
        assert article.paragraphs[0].text == "Lead."


class TestPublished:
    @pytest.mark.parametrize(("value", "iso", "precision"), PUBLISHED_ARGUMENT)
    def test_argument_used_without_header(
        self, value: PartialDate | dt.date | str, iso: str, precision: Precision
    ) -> None:
        article = read_article("Der Gipfel begann.", published=value)
        assert article.published is not None
        assert (article.published.isoformat(), article.published.precision) == (iso, precision)

    def test_none_without_header(self) -> None:
        assert read_article("Der Gipfel begann.").published is None

    def test_header_wins_and_warns(self) -> None:
        with pytest.warns(PublishedMismatchWarning, match="2025-10-14"):
            article = read_article(" date 2025-10-14 Der Gipfel begann.", published="2025-11-01")
        assert article.published == PartialDate.parse("2025-10-14")

    def test_agreeing_argument_does_not_warn(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            article = read_article(" date 2025-10 Der Gipfel begann.", published=PartialDate.month(2025, 10))
        assert article.published == PartialDate.month(2025, 10)

    @pytest.mark.parametrize("value", ["14.10.2025", "2025-02-30", "gestern"])
    def test_bad_argument(self, value: str) -> None:
        with pytest.raises(InvalidDateError, match=value):
            read_article("Der Gipfel begann.", published=value)

    def test_wrong_type(self) -> None:
        with pytest.raises(TypeError):
            read_article("Der Gipfel begann.", published=20251014)  # type: ignore[arg-type]


class TestEncodings:
    def test_bom_bytes_kept_like_read_text(self, tmp_path: Path) -> None:
        data = "\ufeff date 2025-10-14 Präsident Tokajew sprach.\r\n\r\nDAZ\r\n".encode()
        path = tmp_path / "bom.txt"
        path.write_bytes(data)
        for article in (read_article(data), read_article(path)):
            assert article.text == path.read_text(encoding="utf-8")
            assert article.text.startswith("\ufeff date")
            assert "\r" not in article.text
            assert article.published == PartialDate.parse("2025-10-14")
            assert article.outlet == "DAZ"
            assert article.paragraphs[0].start == len("\ufeff date 2025-10-14 ")
            _assert_offsets_exact(article)

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(b"Eins.\r\n\r\nZwei.\r\n", id="crlf"),
            pytest.param(b"Eins.\r\rZwei.\r", id="cr"),
            pytest.param(b"Eins.\r\n\nZwei.\r", id="mixed"),
        ],
    )
    def test_line_ends_translated_like_read_text(self, tmp_path: Path, data: bytes) -> None:
        path = tmp_path / "zeilen.txt"
        path.write_bytes(data)
        article = read_article(path)
        assert article.text == path.read_text(encoding="utf-8") == "Eins.\n\nZwei.\n"
        assert [p.text for p in article.paragraphs] == ["Eins.", "Zwei."]
        assert [(p.start, p.end) for p in article.paragraphs] == [(0, 5), (7, 12)]

    def test_cp1252_bytes_warn_and_decode(self, tmp_path: Path) -> None:
        data = " date 2025-10-14 Präsident Tokajew begrüßte die Gäste – herzlich.".encode("cp1252")
        path = tmp_path / "alt.txt"
        path.write_bytes(data)
        with pytest.warns(EncodingWarning, match=r"alt\.txt:1:20: .*cp1252"):
            article = read_article(path)
        assert article.paragraphs[0].text == "Präsident Tokajew begrüßte die Gäste – herzlich."
        assert article.published == PartialDate.parse("2025-10-14")

    def test_latin1_last_resort(self) -> None:
        data = b"Der Gipfel \x81 begann.\n\nEr endete sp\xe4t."
        with pytest.warns(EncodingWarning, match=r"<bytes>:1:12: .*latin-1"):
            article = read_article(data)
        assert article.paragraphs[1].text == "Er endete spät."


class TestErrors:
    @pytest.mark.parametrize(("source", "error", "line", "column"), ERRORS)
    def test_text_or_bytes(
        self, source: str | bytes, error: type[ArticleFormatError], line: int | None, column: int | None
    ) -> None:
        with pytest.raises(error) as info:
            read_article(source)
        assert (info.value.line, info.value.column) == (line, column)
        assert info.value.source is None
        assert str(info.value).startswith("<text>")

    @pytest.mark.parametrize(("source", "error", "line", "column"), ERRORS)
    def test_file(
        self,
        tmp_path: Path,
        source: str | bytes,
        error: type[ArticleFormatError],
        line: int | None,
        column: int | None,
    ) -> None:
        """Read from a file, the error names the file, line and column, and shows the line with a caret."""
        path = tmp_path / "kaputt.txt"
        path.write_bytes(source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass"))
        with pytest.raises(error) as info:
            read_article(str(path))
        assert info.value.source == str(path)
        assert (info.value.line, info.value.column) == (line, column)
        where = f"{path}" + (f":{line}:{column}" if line is not None else "")
        assert str(info.value).startswith(where + ": ")
        if column is not None:
            assert str(info.value).splitlines()[-1] == "    " + " " * (column - 1) + "^"

    def test_too_large_bytes_and_text(self) -> None:
        with pytest.raises(ArticleTooLargeError):
            read_article(b"Der Gipfel.", max_bytes=10)
        with pytest.raises(ArticleTooLargeError):
            read_article("Präsident.", max_bytes=10)  # 10 characters, 11 UTF-8 bytes
        assert read_article("Präsident", max_bytes=10).paragraphs[0].text == "Präsident"

    def test_too_large_file_checked_before_reading(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "gross.txt"
        path.write_text("Der Gipfel begann.", encoding="utf-8")

        def refuse(*args: object, **kwargs: object) -> None:
            raise AssertionError("the file was opened")

        monkeypatch.setattr("builtins.open", refuse)
        with pytest.raises(ArticleTooLargeError, match=r"gross\.txt: .*18 bytes") as info:
            read_article(path, max_bytes=10)
        assert info.value.source == str(path)

    def test_default_max_bytes(self) -> None:
        assert DEFAULT_MAX_BYTES == 5_000_000

    def test_missing_pathlike(self, tmp_path: Path) -> None:
        with pytest.raises(ArticleNotFoundError) as info:
            read_article(tmp_path / "fehlt.txt")
        assert info.value.filename == str(tmp_path / "fehlt.txt")
        assert isinstance(info.value, FileNotFoundError)

    @pytest.mark.parametrize("value", ["artikel/fehlt.txt", "fehlt.txt", "C:\\artikel\\fehlt"])
    def test_missing_path_string_is_not_taken_for_text(self, value: str) -> None:
        with pytest.raises(ArticleNotFoundError):
            read_article(value)

    def test_directory(self, tmp_path: Path) -> None:
        with pytest.raises(ArticleReadError):
            read_article(tmp_path)

    def test_wrong_source_type(self) -> None:
        with pytest.raises(TypeError, match="int"):
            read_article(42)  # type: ignore[arg-type]


class TestSources:
    def test_path_string_and_pathlike(self, tmp_path: Path) -> None:
        path = tmp_path / "gus-gipfel.txt"
        path.write_text(" date 2025-10-14 Der Gipfel begann.", encoding="utf-8")
        for source in (path, str(path)):
            article = read_article(source)
            assert (article.id, article.source) == ("gus-gipfel", os.fspath(source))

    def test_explicit_id(self, tmp_path: Path) -> None:
        path = tmp_path / "gus.txt"
        path.write_text("Der Gipfel begann.", encoding="utf-8")
        assert read_article(path, id="gus-1").id == "gus-1"
        assert read_article("Der Gipfel begann.", id="gus-2").id == "gus-2"

    def test_text_id_is_a_hash(self) -> None:
        article = read_article("Der Gipfel begann.")
        assert article.source is None
        assert article.id.startswith("text-")
        assert len(article.id) == len("text-") + 12
        assert set(article.id[5:]) <= set(string.hexdigits.lower())
        assert read_article("Der Gipfel begann.").id == article.id
        assert read_article(b"Der Gipfel begann.").id == article.id

    def test_text_with_newline_is_text(self) -> None:
        assert read_article("fehlt.txt\n").paragraphs[0].text == "fehlt.txt"

    def test_parse_article_never_reads_a_path(self, tmp_path: Path) -> None:
        path = tmp_path / "da.txt"
        path.write_text("Inhalt der Datei.", encoding="utf-8")
        assert parse_article(str(path)).paragraphs[0].text == str(path)

    def test_public_names(self) -> None:
        assert reading.__all__ == sorted(reading.__all__)
        assert set(reading.__all__) == {"DEFAULT_MAX_BYTES", "parse_article", "read_article"}


# (seed file, published, outlet, subheadings)
SEED_CASES = [
    pytest.param(
        "000_af44ea4379a0538b.txt",
        "2025-11-10",
        "DAZ",
        ["Kasachstan als wirtschaftliches Drehkreuz", "Auf der Suche nach pragmatischen Partnerschaften"],
        id="seed-000-c5plus1",
    ),
    pytest.param(
        "003_0d0fc279ad4b6c90.txt",
        "2025-10-14",
        None,
        ["Tokajew für engere Zusammenarbeit", "Bilaterales Treffen mit Wladimir Putin"],
        id="seed-003-cis",
    ),
]


class TestSeeds:
    @pytest.mark.parametrize(("name", "published", "outlet", "subheadings"), SEED_CASES)
    def test_seed(self, name: str, published: str, outlet: str | None, subheadings: list[str]) -> None:
        path = SEEDS / name
        article = read_article(path)
        text = path.read_text(encoding="utf-8")
        assert article.text == text
        assert (article.id, article.source) == (path.stem, str(path))
        assert article.published == PartialDate.parse(published)
        assert article.outlet == outlet
        assert [s.text for s in article.subheadings] == subheadings
        assert article.paragraphs[0].start == len(f" date {published} ")
        assert article.paragraphs[0].text.startswith("Beim ")
        assert all(p.text != "DAZ" for p in article.paragraphs)
        _assert_offsets_exact(article)
        # Every evidence a scorer finds with text.find() inside a paragraph lies inside our span.
        for paragraph in article.paragraphs:
            position = text.find(paragraph.text)
            assert position == paragraph.start


class TestData:
    @staticmethod
    def _rows(name: str) -> tuple[list[str], list[list[str]]]:
        raw = files("summitlib").joinpath("data").joinpath(name).read_text(encoding="utf-8")
        lines = [line for line in raw.splitlines() if line and not line.startswith("#")]
        assert raw.startswith("#"), "a comment header names the source and columns"
        return lines[0].split("\t"), [line.split("\t") for line in lines[1:]]

    def test_junk_file(self) -> None:
        header, rows = self._rows("junk_de.tsv")
        assert header == ["name", "pattern", "example"]
        assert len({row[0] for row in rows}) == len(rows)
        for name, _pattern, example in rows:
            assert reading._classify(example) == "junk", name
            assert unicodedata.is_normalized("NFC", example)

    def test_outlets_file(self) -> None:
        header, rows = self._rows("outlets.tsv")
        assert header == ["name", "kind", "country"]
        assert len({row[0].casefold() for row in rows}) == len(rows)
        for name, kind, country in rows:
            assert kind in {"agency", "newspaper", "broadcaster", "online"}, name
            assert len(country) == 2, name
            assert country.isupper(), name
            assert unicodedata.is_normalized("NFC", name)
            assert parse_article(f"Der Gipfel begann.\n\n{name}").outlet == name


# --- properties ----------------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        " date 2025-10-14 ",
        "date 2025-10 ",
        " date 2025-13-40 ",
        "\ufeff",
        "DAZ",
        "(dpa)",
        "dpa/AFP",
        "Teilen mit:",
        "Foto: Akorda",
        "Der Gipfel begann.",
        "Kasachstan als Drehkreuz",
        "Tokajew sagte:",
        "„Wir sind bereit“",
        "* * *",
        " ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "ä",
        "\x00",
        "\x01",
        "\x85",
    ]
)
_ARTICLE_LIKE = st.lists(_FRAGMENTS, max_size=30).map("".join)


def _read_or_error(source: str | bytes) -> Article | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return read_article(source)
        except SummitlibError:
            return None


class TestProperties:
    @given(st.text() | _ARTICLE_LIKE)
    def test_text_gives_article_or_summitlib_error(self, text: str) -> None:
        article = _read_or_error(text)
        if article is not None and article.source is None:
            assert article.text == text
            _assert_offsets_exact(article)

    @given(st.text() | _ARTICLE_LIKE)
    def test_parse_article_keeps_text(self, text: str) -> None:
        try:
            article = parse_article(text)
        except SummitlibError:
            return
        assert article.text == text
        _assert_offsets_exact(article)

    @given(st.binary() | _ARTICLE_LIKE.map(lambda s: s.encode("utf-8")))
    def test_bytes_give_article_or_summitlib_error(self, data: bytes) -> None:
        article = _read_or_error(data)
        if article is not None:
            _assert_offsets_exact(article)

    @settings(max_examples=50)
    @given(st.binary() | _ARTICLE_LIKE.map(lambda s: s.encode("utf-8")))
    def test_file_text_is_read_text(self, data: bytes) -> None:
        """Through a temporary file: an Article whose text is what Path.read_text gives, or an error."""
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "artikel.txt"
            path.write_bytes(data)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    article = read_article(path)
                except SummitlibError:
                    return
            try:
                expected = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                return
            assert article.text == expected
            _assert_offsets_exact(article)

    @given(st.integers(1000, 9999), st.integers(0, 99), st.integers(0, 99))
    def test_header_dates(self, year: int, month: int, day: int) -> None:
        text = f" date {year}-{month:02d}-{day:02d} Der Gipfel begann."
        try:
            expected = dt.date(year, month, day)
        except ValueError:
            with pytest.raises(InvalidHeaderDateError):
                parse_article(text)
            return
        assert parse_article(text).published == PartialDate.day(expected)

    def test_long_pathological_input_is_fast(self) -> None:
        """Linear patterns: a megabyte of near-misses is read quickly."""
        text = (" date 2025-10-14 " + "a" * 10 + "\n" + "\t" * 1000 + "DAZ " * 10 + "\n") * 2000
        article = read_article(text)
        assert article.published == PartialDate.parse("2025-10-14")
