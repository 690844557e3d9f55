"""Tests of the lazily loaded gazetteer tables and their lookups."""

from __future__ import annotations

import datetime as dt

import pytest

from summitlib import gazetteer as gz
from summitlib.errors import UnknownEntityError


class TestCountries:
    """Country rows merge CLDR names with the curated forms."""

    def test_kazakhstan_forms(self) -> None:
        kz = gz.country("KZ")
        assert kz.name_de == "Kasachstan"
        assert kz.name_en == "Kazakhstan"
        assert "Kasachstans" in kz.genitives
        assert "kasachischen" in kz.adjectives
        assert "Kasachen" in kz.demonyms

    def test_lowercase_code(self) -> None:
        assert gz.country("us").code == "US"

    def test_belarus_genitive(self) -> None:
        assert "Belarus'" in gz.country("BY").genitives

    @pytest.mark.parametrize(("code", "lang", "name"), [("TR", "de", "Türkei"), ("DE", "en", "Germany")])
    def test_country_name(self, code: str, lang: str, name: str) -> None:
        assert gz.country_name(code, lang) == name

    def test_unknown_code(self) -> None:
        with pytest.raises(UnknownEntityError):
            gz.country("QQ")

    def test_unknown_is_lookup_error(self) -> None:
        with pytest.raises(LookupError):
            gz.organization("NOPE")


class TestInflection:
    """Generated adjective and genitive forms."""

    def test_adjective(self) -> None:
        assert gz.inflect_adjective("russisch") == (
            "russisch", "russische", "russischen", "russischer", "russisches", "russischem"
        )

    @pytest.mark.parametrize(
        ("name", "gen"), [("Tokajew", "Tokajews"), ("Putin", "Putins"), ("Macron", "Macrons"),
                          ("Dschaparow", "Dschaparows"), ("Merz", None), ("Alijews", None)]
    )
    def test_genitive(self, name: str, gen: str | None) -> None:
        assert gz.genitive(name) == gen


class TestLeaders:
    """Tenures, lookup by form and office holders on a date."""

    @pytest.mark.parametrize(
        ("country", "role", "day", "canonical"),
        [
            ("TM", "head_of_state", dt.date(2019, 5, 1), "Gurbanguly Berdimuhamedov"),
            ("TM", "head_of_state", dt.date(2023, 5, 1), "Serdar Berdimuhamedov"),
            ("KZ", "head_of_state", dt.date(2018, 1, 1), "Nursultan Nazarbayev"),
            ("KZ", "head_of_state", dt.date(2025, 10, 10), "Kassym-Jomart Tokayev"),
            ("KG", "head_of_government", dt.date(2023, 1, 1), "Akylbek Japarov"),
            ("US", "head_of_state", dt.date(2022, 6, 1), "Joe Biden"),
            ("US", "head_of_state", dt.date(2025, 11, 6), "Donald Trump"),
            ("DE", "head_of_government", dt.date(2025, 6, 1), "Friedrich Merz"),
            ("EU", "eu_president", dt.date(2025, 4, 4), "Ursula von der Leyen"),
            ("UN", "secretary_general", dt.date(2024, 1, 1), "António Guterres"),
        ],
    )
    def test_leaders_of(self, country: str, role: str, day: dt.date, canonical: str) -> None:
        assert canonical in [r.canonical for r in gz.leaders_of(country, role, day)]

    def test_leader_by_german_form(self) -> None:
        row = gz.leader("Kassym-Schomart Tokajew")
        assert (row.canonical, row.country, row.role) == ("Kassym-Jomart Tokayev", "KZ", "head_of_state")

    def test_leader_unambiguous_surname(self) -> None:
        assert gz.leader("Rachmon").canonical == "Emomali Rahmon"

    def test_ambiguous_surname_raises(self) -> None:
        with pytest.raises(UnknownEntityError, match="ambiguous"):
            gz.leader("Berdimuhamedow")

    def test_secretary_general_is_not_leader(self) -> None:
        assert gz.leaders_of("NATO", "secretary_general", dt.date(2025, 1, 1))[0].is_leader is False

    def test_weak_surname(self) -> None:
        assert "Michel" in gz.leader("Charles Michel").weak_surnames


class TestCitiesAndOrganizations:
    """Cities carry their English exonym; organizations their key."""

    @pytest.mark.parametrize(
        ("form", "name_en", "country"),
        [("Duschanbe", "Dushanbe", "TJ"), ("Nur-Sultan", "Astana", "KZ"), ("Peking", "Beijing", "CN"),
         ("Tiflis", "Tbilisi", "GE"), ("Scharm el-Scheich", "Sharm El Sheikh", "EG")],
    )
    def test_city(self, form: str, name_en: str, country: str) -> None:
        row = gz.city(form)
        assert (row.name_en, row.country) == (name_en, country)

    def test_astana_is_capital(self) -> None:
        assert gz.city("Astana").capital

    def test_every_state_has_at_most_one_kz_capital(self) -> None:
        assert [c.name_en for c in gz.cities() if c.country == "KZ" and c.capital] == ["Astana"]

    @pytest.mark.parametrize(("key", "abbr"), [("CIS", "GUS"), ("SCO", "SOZ"), ("CSTO", "OVKS")])
    def test_organization(self, key: str, abbr: str) -> None:
        assert abbr in gz.organization(key).abbreviations

    def test_loaded_once(self) -> None:
        assert gz.leaders() is gz.leaders()
