"""Integrity of the bundled gazetteer data: columns, unique ids, NFC, vocabularies, regeneration."""

from __future__ import annotations

import datetime as dt
import importlib.util
import unicodedata
from importlib.resources import files
from pathlib import Path

import pytest

from summitlib import gazetteer as gz

DATA = files("summitlib.data")
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_gazetteers.py"

#: Our gazetteer files, their exact header columns and the columns forming the row id.
SCHEMAS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "countries.tsv": (("code", "name_de", "name_en"), ("code",)),
    "cities.tsv": (
        ("name_en", "country", "geonameid", "population", "capital", "forms", "metonym"),
        ("name_en", "country"),
    ),
    "country_forms.tsv": (("code", "names", "genitives", "adjectives", "demonyms", "prefixes"), ("code",)),
    "city_exonyms.tsv": (("name_en", "country", "forms", "metonym"), ("name_en", "country")),
    "leaders.tsv": (
        ("canonical", "country", "organization", "role", "start", "end", "forms", "surnames"),
        ("canonical", "role", "start"),
    ),
    "organizations.tsv": (("key", "name_en", "names", "abbreviations"), ("key",)),
    "roles.tsv": (("form", "role", "country", "plural"), ("form",)),
}


def _lines(name: str) -> list[str]:
    return DATA.joinpath(name).read_text(encoding="utf-8").splitlines()


def _table(name: str) -> tuple[list[str], list[list[str]]]:
    body = [ln for ln in _lines(name) if ln and not ln.startswith("#")]
    return body[0].split("\t"), [ln.split("\t") for ln in body[1:]]


class TestFiles:
    """Every data file is NFC text with a commented header naming its source."""

    @pytest.mark.parametrize("name", sorted(SCHEMAS))
    def test_header_and_columns(self, name: str) -> None:
        columns, ids = SCHEMAS[name]
        assert _lines(name)[0].startswith("#"), "a comment header names source and columns"
        header, rows = _table(name)
        assert tuple(header) == columns
        assert rows
        for row in rows:
            assert len(row) == len(columns), row
        keys = [tuple(row[header.index(c)] for c in ids) for row in rows]
        assert len(keys) == len(set(keys)), "ids must be unique"

    @pytest.mark.parametrize("name", sorted(SCHEMAS))
    def test_nfc_and_no_stray_space(self, name: str) -> None:
        for line in _lines(name):
            assert unicodedata.is_normalized("NFC", line), line
            if not line.startswith("#"):
                assert all(cell == cell.strip() for cell in line.split("\t")), line

    def test_sources_md_names_every_file(self) -> None:
        sources = DATA.joinpath("SOURCES.md").read_text(encoding="utf-8")
        for name in SCHEMAS:
            assert f"`{name}`" in sources

    def test_package_data_is_compact(self) -> None:
        total = sum(len(DATA.joinpath(n).read_bytes()) for n in SCHEMAS)
        assert total < 300_000


class TestValues:
    """Cross-file invariants of the loaded rows."""

    def test_roles_vocabulary(self) -> None:
        assert {r.role for r in gz.leaders()} <= gz.ROLES
        assert {r.role for r in gz.roles()} <= gz.ROLES

    def test_leader_countries_known(self) -> None:
        codes = {c.code for c in gz.countries()}
        orgs = {o.key for o in gz.organizations()}
        for r in gz.leaders():
            assert r.country is None or r.country in codes, r
            assert r.organization is None or r.organization in orgs, r
            assert r.end is None or r.start <= r.end, r

    def test_one_head_of_state_at_a_time(self) -> None:
        day = dt.date(2016, 1, 1)
        while day < dt.date(2025, 12, 31):
            for code in ("KZ", "UZ", "KG", "TJ", "TM", "RU", "US", "TR", "IR", "CN"):
                assert len(gz.leaders_of(code, "head_of_state", day)) <= 1, (code, day)
            day += dt.timedelta(days=91)

    def test_city_countries_known(self) -> None:
        codes = {c.code for c in gz.countries()}
        assert all(c.country in codes for c in gz.cities())

    @pytest.mark.parametrize(
        "code",
        ["KZ", "UZ", "KG", "TJ", "TM", "RU", "BY", "AM", "AZ", "CN", "IN", "IR", "PK", "TR", "US", "DE",
         "FR", "GB", "JP", "BR", "ZA", "HU", "GE", "UA", "MN", "AF", "SA", "AE", "QA", "EG", "ET"],
    )
    def test_curated_country_has_adjective(self, code: str) -> None:
        assert gz.country(code).adjectives


@pytest.mark.skipif(importlib.util.find_spec("babel") is None, reason="babel (build-data extra) missing")
def test_countries_regenerate_identically() -> None:
    """Regenerating countries.tsv from Babel reproduces the committed copy."""
    spec = importlib.util.spec_from_file_location("build_gazetteers", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build_countries() == DATA.joinpath("countries.tsv").read_text(encoding="utf-8")


class TestDataReader:
    """The one TSV reader every loader uses."""

    @pytest.mark.parametrize(
        "name",
        [
            "countries.tsv", "cities.tsv", "leaders.tsv", "organizations.tsv", "roles.tsv", "lexicon_de.tsv",
            "summit_terms_de.tsv", "agreements_de.tsv", "reporting_verbs_de.tsv", "speaker_bodies_de.tsv",
            "junk_de.tsv", "outlets.tsv",
        ],
    )
    def test_every_file_has_a_header_and_rows(self, name: str) -> None:
        from summitlib._data import read_records, read_rows

        header, rows = read_rows(name)
        assert header
        assert rows
        assert all(not h.startswith("#") for h in header)
        records = read_records(name)
        assert len(records) == len(rows)
        assert set(records[0]) == set(header)
