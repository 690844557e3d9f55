"""Table-driven tests of the entity finder, on short invented sentences in news style."""

from __future__ import annotations

import datetime as dt
import itertools

import ahocorasick
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitlib.extract._lexicon import fold
from summitlib.extract.entities import EntityKind, EntityMention, _automaton, _index, find_entities, scan

DAY = dt.date(2025, 10, 14)

# (sentence, expected [(kind, key, country)] in order) -- invented for these tests.
BASIC_CASES: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    ("Russlands Präsident Wladimir Putin traf ein.", [("person", "Vladimir Putin", "RU")]),
    ("Tokajews Vorschlag fand Zustimmung.", [("person", "Kassym-Jomart Tokayev", "KZ")]),
    ("Der Kremlchef reiste ab.", [("person", "Vladimir Putin", "RU")]),
    ("Der kasachische Staatschef sprach zuerst.", [("person", "Kassym-Jomart Tokayev", "KZ")]),
    ("Tadschikistans Präsident Emomali Rachmon eröffnete die Sitzung.", [("person", "Emomali Rahmon", "TJ")]),
    (
        "Bundeskanzler Friedrich Merz reiste nach Astana.",
        [("person", "Friedrich Merz", "DE"), ("city", "Astana", "KZ")],
    ),
    ("Die EU-Kommissionspräsidentin lobte das Projekt.", [("person", "Ursula von der Leyen", "EU")]),
    ("Pakistans Premierminister Shehbaz Sharif landete.", [("person", "Shehbaz Sharif", "PK")]),
    ("Der iranische Präsident Massud Peseschkian kam.", [("person", "Masoud Pezeshkian", "IR")]),
    ("UN-Generalsekretär António Guterres mahnte.", [("person", "António Guterres", None)]),
    ("Das GUS-Gipfeltreffen endete.", [("organization", "CIS", None)]),
    ("Die SOZ-Staaten und die Brics-Gruppe tagten.", [("organization", "SCO", None), ("organization", "BRICS", None)]),
    ("Der EU-Zentralasien-Gipfel fand statt.", [("organization", "CA-EU", None)]),
    ("Die Eurasische Wirtschaftsunion wächst.", [("organization", "EAEU", None)]),
    ("Der Gipfel in Duschanbe war kurz.", [("city", "Dushanbe", "TJ")]),
    ("Man traf sich in der kasachischen Hauptstadt.", [("city", "Astana", "KZ")]),
    (
        "Gastgeber war Duschanbe, die Hauptstadt Tadschikistans.",
        [("city", "Dushanbe", "TJ"), ("city", "Dushanbe", "TJ")],
    ),
    ("US-Unternehmen investieren in Usbekistan.", [("country", "US", "US"), ("country", "UZ", "UZ")]),
    ("Die kasachisch-chinesischen Beziehungen blühen.", [("country", "KZ", "KZ"), ("country", "CN", "CN")]),
    ("Belarus und Weißrussland sind dasselbe Land.", [("country", "BY", "BY"), ("country", "BY", "BY")]),
    ("Die Kasachen und Russen feierten.", [("country", "KZ", "KZ"), ("country", "RU", "RU")]),
    ("Moskau und Peking reagierten.", [("city", "Moscow", "RU"), ("city", "Beijing", "CN")]),
    ("Der Gipfel fand in Samarkand statt.", [("city", "Samarkand", "UZ")]),
    ("Xi Jinping und Li Qiang empfingen die Gäste.", [("person", "Xi Jinping", "CN"), ("person", "Li Qiang", "CN")]),
]

NEGATIVE_CASES: list[str] = [
    "Georg lebt in Weißenburg.",
    "Herr Li und Frau Lee und Kim kamen.",
    "Die Präsidentenwahl und die Irrelevanz.",
    "Er kaufte US-Dollar.",
    "Die Präsidenten und Regierungschefs berieten.",
]


def _triples(mentions: list[EntityMention]) -> list[tuple[str, str, str | None]]:
    return [(m.kind.value, m.key, m.country) for m in mentions]


class TestFindEntities:
    """Known persons, role phrases, countries, cities and organizations."""

    @pytest.mark.parametrize(("text", "expected"), BASIC_CASES, ids=[c[0][:40] for c in BASIC_CASES])
    def test_basic(self, text: str, expected: list[tuple[str, str, str | None]]) -> None:
        assert _triples(find_entities(text, DAY)) == expected

    @pytest.mark.parametrize("text", NEGATIVE_CASES)
    def test_no_false_positives(self, text: str) -> None:
        assert find_entities(text, DAY) == []

    def test_role_phrase_span_covers_role_and_name(self) -> None:
        text = "Gestern sagte Kasachstans Präsident Kassym-Schomart Tokajew, man sei bereit."
        (m,) = find_entities(text, DAY)
        assert m.span.text == "Kasachstans Präsident Kassym-Schomart Tokajew"
        assert (m.role, m.form, m.is_leader) == ("head_of_state", "name", True)

    def test_role_phrase_without_name(self) -> None:
        (m,) = find_entities("Auch Russlands Präsident schickte Grüße.", DAY)
        assert (m.span.text, m.form, m.key) == ("Russlands Präsident", "role_phrase", "Vladimir Putin")

    def test_forms(self) -> None:
        text = "Kasachstans Regierung, die kasachische Seite, das GUS-Treffen und Brüssel."
        forms = [(m.key, m.form) for m in find_entities(text, DAY)]
        assert forms == [("KZ", "genitive"), ("KZ", "adjective"), ("CIS", "compound"), ("Brussels", "capital")]


class TestUnknownPersons:
    """Persons not in the gazetteer are introduced by a role phrase and found again by surname."""

    def test_unknown_with_later_surname(self) -> None:
        text = "Der mongolische Außenminister Batmunkh Gantulga reiste an. Später lobte Gantulga die Pläne."
        found = [(m.key, m.country, m.role, m.form) for m in find_entities(text, DAY)]
        assert found == [
            ("Batmunkh Gantulga", "MN", "minister", "name"),
            ("Batmunkh Gantulga", "MN", "minister", "surname"),
        ]

    def test_unknown_name_stops_before_verb(self) -> None:
        (m,) = find_entities("Vizepräsident Arslan Demirkol sagte zu.", DAY)
        assert m.key == "Arslan Demirkol"
        assert m.span.text == "Vizepräsident Arslan Demirkol"

    def test_weak_surname_after_role(self) -> None:
        (m,) = find_entities("Ratspräsident Michel eröffnete.", dt.date(2021, 3, 1))
        assert m.key == "Charles Michel"


class TestDateResolution:
    """Shared surnames and role phrases resolve by the publication date."""

    @pytest.mark.parametrize(
        ("day", "canonical"),
        [(dt.date(2019, 6, 1), "Gurbanguly Berdimuhamedov"), (dt.date(2023, 6, 1), "Serdar Berdimuhamedov")],
    )
    def test_berdimuhamedov(self, day: dt.date, canonical: str) -> None:
        (m,) = find_entities("Berdimuhamedow begrüßte die Gäste.", day)
        assert m.key == canonical

    def test_full_name_wins_over_date(self) -> None:
        text = "Gurbanguly Berdimuhamedow kam mit. Berdimuhamedow lächelte."
        assert [m.key for m in find_entities(text, dt.date(2024, 1, 1))] == ["Gurbanguly Berdimuhamedov"] * 2

    def test_dschaparow_prefers_head_of_state(self) -> None:
        (m,) = find_entities("Dschaparow sprach.", dt.date(2023, 1, 1))
        assert m.key == "Sadyr Japarov"

    def test_role_phrase_by_date(self) -> None:
        (m,) = find_entities("Der US-Präsident sprach.", dt.date(2022, 1, 1))
        assert m.key == "Joe Biden"

    def test_kazakh_president_2018(self) -> None:
        (m,) = find_entities("Der kasachische Präsident sprach.", dt.date(2018, 1, 1))
        assert m.key == "Nursultan Nazarbayev"


class TestRobustness:
    """Spans are exact, output is ordered and non-overlapping, and adversarial text stays fast."""

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list("Präsident Kasachstans GUS-Tokajew ßüä'-.,\n ")), max_size=300))
    def test_never_raises_and_spans_exact(self, text: str) -> None:
        mentions = find_entities(text)
        for m in mentions:
            assert text[m.span.start : m.span.end] == m.span.text
        for a, b in itertools.pairwise(mentions):
            assert a.span.end <= b.span.start

    @settings(max_examples=100, deadline=None)
    @given(st.text(max_size=200), st.dates())
    def test_arbitrary_text(self, text: str, day: dt.date) -> None:
        for m in find_entities(text, day):
            assert text[m.span.start : m.span.end] == m.span.text

    @pytest.mark.parametrize("unit", ["Präsident ", "Präsident Abc ", "Kasachstans ", "GUS-"])
    def test_adversarial_input(self, unit: str) -> None:
        """Repetitive input finishes with consistent, ordered spans (speed is measured by the benchmark)."""
        text = unit * (200_000 // len(unit))
        mentions = find_entities(text)
        for m in mentions:
            assert text[m.span.start : m.span.end] == m.span.text
        for a, b in itertools.pairwise(mentions):
            assert a.span.end <= b.span.start


class TestOtherPersonsWithAKnownSurname:
    """A given name that is not the known person's marks somebody else."""

    @pytest.mark.parametrize(
        ("text", "keys"),
        [
            pytest.param("wie sein Sprecher Farhod Asadov mitteilte", ["Farhod Asadov"], id="other-given-name"),
            pytest.param("Am Montag sagte Asadov vor Journalisten", ["Ali Asadov"], id="surname-alone"),
            pytest.param("Laut Tokajew wächst der Handel", ["Kassym-Jomart Tokayev"], id="function-word-before"),
            pytest.param("Kasachstans Tokajew sprach zuerst", ["Kassym-Jomart Tokayev"], id="genitive-before"),
            pytest.param(
                "hatte Erdoğan Alijew empfangen", ["Recep Tayyip Erdogan", "Ilham Aliyev"], id="two-known-people"
            ),
            pytest.param(
                "traf Putin in Astana Tokajew", ["Vladimir Putin", "Kassym-Jomart Tokayev"], id="city-before-surname"
            ),
            pytest.param(
                "empfing Xi in Peking Mirsijojew", ["Xi Jinping", "Shavkat Mirziyoyev"], id="exonym-before-surname"
            ),
        ],
    )
    def test_table(self, text: str, keys: list[str]) -> None:
        people = [e for e in find_entities(text, dt.date(2025, 11, 17)) if e.kind is EntityKind.PERSON]
        assert [p.key for p in people] == keys


def _keyword_ends_plain(text: str, keywords: tuple[str, ...]) -> dict[str, list[int]]:
    """Every occurrence of every keyword, overlapping ones included, by ``str.find``."""
    out: dict[str, list[int]] = {}
    for word in keywords:
        i = text.find(word) if word else -1
        while i >= 0:
            out.setdefault(word, []).append(i + len(word) - 1)
            i = text.find(word, i + 1)
    return out


# keywords of every kind: plain letters, inside words, with a hyphen, a space, a non-Latin-1 character, one
# that folds like an entity key or a date anchor, and two with the same folding
_KEYWORDS = ("ipfel", "Gipfel", "-Treffen", " Treffen", "Ende", " Ende", "„Gipfel", "traf", "Putin", "a", "ß", "")


@pytest.mark.parametrize(
    "text",
    [
        "Am Rande des Gipfels traf Putin Xi. Das Gipfeltreffen endete; das SOZ-Treffen begann.",
        "„Gipfel“ Treffen -Treffen Ende Oktober; am Ende: Klimagipfel, Straße, aaa, Ende",
        " Treffen",
        "",
    ],
)
def test_scan_keywords_agree_with_plain_search(text: str) -> None:
    # the shortcut: the entity scan finds the keywords too; the plain way: str.find
    ends = scan(text, _KEYWORDS).keyword_ends or {}
    # (the scan also reports the keywords other scans added before)
    assert {w: ends[w] for w in _KEYWORDS if w in ends} == _keyword_ends_plain(text, _KEYWORDS)
    assert scan(text, _KEYWORDS).candidates == scan(text).candidates


def test_automaton_order_changes_no_match() -> None:
    # the automaton adds its keys frequent characters first; the plain way adds them as they come
    entries = _index().entries
    plain = ahocorasick.Automaton()
    for key, entry in entries.items():
        plain.add_word(key, entry)
    plain.make_automaton()
    text = " " + fold("Am Rande des SOZ-Gipfels in Tianjin traf Russlands Präsident Putin den indischen Premier.") + " "
    assert list(_automaton(entries).iter(text)) == list(plain.iter(text))
