"""Integrity of ``data/lexicon_de.tsv`` and the pattern helpers of :mod:`summitlib.extract._lexicon`."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitlib.extract._lexicon import SEPARATOR, alternation, lexicon_rows, starts_with_one_of
from summitlib.model import Qualifier

#: Every kind of row, with a check of its value column.
KINDS: dict[str, Callable[[str], bool]] = {
    "month": lambda v: v.isdigit() and 1 <= int(v) <= 12,
    "weekday": lambda v: v.isdigit() and 0 <= int(v) <= 6,
    "scale": lambda v: v.isdigit() and int(v) % 3 == 0,
    "currency": lambda v: re.fullmatch(r"[A-Z]{3}", v) is not None,
    "currency_adj": lambda v: re.fullmatch(r"[A-Z]{3}", v) is not None,
    "hedge": lambda v: v in {q.value for q in Qualifier},
    "of_noun": lambda v: v == "-",
    "abbrev": lambda v: v in {"always", "lower"},
    "ordinal_cue": lambda v: v == "-",
    "number_word": lambda v: v.isdigit(),
}


def _raw() -> str:
    return files("summitlib.data").joinpath("lexicon_de.tsv").read_text(encoding="utf-8")


def _rows() -> list[tuple[str, str, str]]:
    lines = [line for line in _raw().splitlines() if line and not line.startswith("#")]
    assert lines[0] == "kind\tform\tvalue"
    out = []
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == 3, line
        out.append((cells[0], cells[1], cells[2]))
    return out


class TestLexiconData:
    """The bundled lexicon: columns, kinds, values, uniqueness, NFC."""

    def test_nfc_and_clean_lines(self) -> None:
        raw = _raw()
        assert unicodedata.normalize("NFC", raw) == raw
        assert raw.endswith("\n")
        for line in raw.splitlines():
            assert line == line.rstrip(), repr(line)
            assert "\r" not in line

    def test_columns_non_empty_and_trimmed(self) -> None:
        for row in _rows():
            for cell in row:
                assert cell, row
                assert cell == cell.strip(), row

    def test_known_kinds_each_present(self) -> None:
        kinds = {kind for kind, _, _ in _rows()}
        assert kinds == set(KINDS)

    def test_values_valid(self) -> None:
        for kind, form, value in _rows():
            assert KINDS[kind](value), (kind, form, value)

    def test_unique_rows(self) -> None:
        keys = [(kind, form) for kind, form, _ in _rows()]
        assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})

    def test_every_month_and_weekday_named(self) -> None:
        assert {int(v) for _, v in lexicon_rows("month")} == set(range(1, 13))
        assert {int(v) for _, v in lexicon_rows("weekday")} == set(range(7))

    def test_lower_case_kinds(self) -> None:
        for kind in ("hedge", "of_noun", "number_word"):
            for form, _ in lexicon_rows(kind):
                assert form == form.lower(), (kind, form)

    def test_currency_adj_is_adjective_and_currency(self) -> None:
        currencies = {form for form, _ in lexicon_rows("currency")}
        for form, _ in lexicon_rows("currency_adj"):
            adj, noun = form.split(" ")
            assert adj, form
            assert noun in currencies, form

    def test_lexicon_rows_in_file_order(self) -> None:
        for kind in KINDS:
            assert lexicon_rows(kind) == tuple((f, v) for k, f, v in _rows() if k == kind)
        assert lexicon_rows("no such kind") == ()


def _non_separators() -> str:
    """Every character that may not stand right before a date or amount: word characters, "." and ","."""
    return "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c in ".," or re.match(r"\w", c))


class TestPatternHelpers:
    """SEPARATOR, alternation and starts_with_one_of."""

    def test_separator_covers_every_non_word_character(self) -> None:
        word_like = set(_non_separators())
        others = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c not in word_like)
        assert re.fullmatch(f"{SEPARATOR}*", others) is not None

    def test_separator_excludes_dot_comma_and_latin_words(self) -> None:
        for c in ".,_09AZazÄÖÜäöüßéÀÿµ":
            assert re.match(SEPARATOR, c) is None, c

    def test_alternation_prefers_longest(self) -> None:
        m = re.match(alternation(["Mio", "Million", "Millionen"]), "Millionen")
        assert m is not None
        assert m.group() == "Millionen"

    @pytest.mark.parametrize("any_digit", [False, True])
    def test_starts_with_one_of(self, any_digit: bool) -> None:
        words = ["Juli", "Jun", "heute", "€", "$", "eine"]
        rx = re.compile(starts_with_one_of(words, any_digit=any_digit))
        for w in words:
            assert rx.match(w + "x")
        for text in ("Jan", "Heute", "x", "", " Juli", "ein"):
            assert rx.match(text) is None, text
        assert (rx.match("7") is not None) is any_digit
        assert (rx.match("٣") is not None) is any_digit  # an Arabic-Indic digit is \d too

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(["Ju", "li", "n", "heute", "€", "$", "ein", "e", "1", "٣", " "])).map("".join))
    def test_starts_with_one_of_equals_plain_alternation(self, text: str) -> None:
        words = ["Juli", "Jun", "heute", "€", "$", "eine"]
        fast = re.compile(starts_with_one_of(words, any_digit=True))
        plain = re.compile(rf"\d|{alternation(words)}")
        for pos in range(len(text) + 1):
            assert (fast.match(text, pos) is None) == (plain.match(text, pos) is None)
