"""Meeting detection: kinds, participants, references, sidelines, visits.

Cases are short texts written for these tests in the style of German agency and newspaper copy.
"""

from __future__ import annotations

import pytest

from summitlib.extract import analyse
from summitlib.extract.meetings import find_meetings
from summitlib.extract.summits import find_summits
from summitlib.model import Meeting
from summitlib.reading import parse_article


def meetings(text: str, published: str = "2025-10-14") -> list[Meeting]:
    doc = analyse(parse_article(text, published=published))
    return find_meetings(doc, find_summits(doc))


def shape(found: list[Meeting]) -> list[tuple[frozenset[str], str, int | None]]:
    return [(frozenset(p.surname for p in m.participants), m.kind.value, m.summit) for m in found]


SUMMIT = "In Duschanbe ging am Freitag der GUS-Gipfel zu Ende. "

CASES = [
    pytest.param(
        SUMMIT + "Am Rande des Gipfels traf sich Putin mit Tokajew.",
        [({"Putin", "Tokayev"}, "bilateral", 0)],
        id="sidelines-bilateral",
    ),
    pytest.param(
        SUMMIT + "Erdoğan, Alijew und Tokajew berieten zudem in kleiner Runde.",
        [({"Erdogan", "Aliyev", "Tokayev"}, "trilateral", 0)],
        id="coordinated-subject-is-one-trilateral",
    ),
    pytest.param(
        SUMMIT + "Am Rande des Gipfels traf Erdoğan Alijew und Tokajew zu Gesprächen.",
        [({"Erdogan", "Aliyev"}, "bilateral", 0), ({"Erdogan", "Tokayev"}, "bilateral", 0)],
        id="subject-and-partners-are-bilaterals",
    ),
    pytest.param(
        SUMMIT + "Tadschikistans Präsident Emomali Rachmon eröffnete die Sitzung. Putin traf sich am Rande "
        "des Gipfels mit Mirsijojew. Der Gastgeber führte zudem jeweils "
        "Einzelgespräche mit Alijew und Paschinjan.",
        [
            ({"Putin", "Mirziyoyev"}, "bilateral", 0),
            ({"Rahmon", "Aliyev"}, "bilateral", 0),
            ({"Rahmon", "Pashinyan"}, "bilateral", 0),
        ],
        id="host-reference-and-separate-talks",
    ),
    pytest.param(
        "Tokajew und Mirsijojew haben am Montag miteinander telefoniert.",
        [({"Tokayev", "Mirziyoyev"}, "call", None)],
        id="phone-call",
    ),
    pytest.param(
        "Wladimir Putin ist zu einem Staatsbesuch in Usbekistan eingetroffen. Mirsijojew empfing ihn am Flughafen.",
        [({"Putin", "Mirziyoyev"}, "visit", None)],
        id="state-visit-host-from-country-and-talks-not-repeated",
    ),
    pytest.param(
        "Tokajew lud Xi zu einem Besuch nach Astana ein.",
        [],
        id="an-invitation-is-no-meeting",
    ),
    pytest.param(
        "Mirsijojew brachte einen Fonds ins Gespräch, Rachmon hob die Sicherheit hervor.",
        [],
        id="ins-gespraech-bringen-is-no-meeting",
    ),
    pytest.param(
        SUMMIT + "Putin traf dort auf Tokajew, Mirsijojew, Dschaparow und Alijew.",
        [],
        id="meeting-everybody-is-the-summit",
    ),
    pytest.param(
        SUMMIT + "Am Rande des Gipfels traf Putin bilateral mit Tokajew, Mirsijojew und Alijew zusammen.",
        [
            ({"Putin", "Tokayev"}, "bilateral", 0),
            ({"Putin", "Mirziyoyev"}, "bilateral", 0),
            ({"Putin", "Aliyev"}, "bilateral", 0),
        ],
        id="bilateral-with-each",
    ),
    pytest.param(
        "Putin sprach Alijew am Montag telefonisch sein Beileid aus.",
        [({"Putin", "Aliyev"}, "call", None)],
        id="telefonisch",
    ),
    pytest.param(
        SUMMIT + "Mit Spannung war das Treffen zwischen Putin und Alijew erwartet worden.",
        [({"Putin", "Aliyev"}, "bilateral", 0)],
        id="treffen-zwischen",
    ),
    pytest.param(
        SUMMIT + "Gastgeber Rachmon empfing Tokajew, Mirsijojew, Dschaparow und Putin im Palast.",
        [],
        id="receiving-all-guests-opens-the-summit",
    ),
    pytest.param(
        SUMMIT + "Am Rande des Gipfels sprach Putin zudem mit Alijew sowie mit Paschinjan.",
        [({"Putin", "Aliyev"}, "bilateral", 0), ({"Putin", "Pashinyan"}, "bilateral", 0)],
        id="sprach-mit-each-partner",
    ),
    pytest.param(
        SUMMIT + "Putin sprach mit Journalisten über Tokajew.",
        [],
        id="sprach-mit-non-person-is-no-talks",
    ),
    pytest.param(
        SUMMIT + "Tokajew sprach sich gemeinsam mit Mirsijojew für offene Grenzen aus.",
        [],
        id="sprach-sich-mit-is-a-joint-position",
    ),
    pytest.param(
        SUMMIT + "Rachmon sprach mit den Präsidenten Kasachstans, Usbekistans und Kirgisistans über Wasser.",
        [],
        id="sprach-mit-den-praesidenten-is-a-round",
    ),
    pytest.param(
        "Am Freitag traf Erdoğan Alijew in Baku zu einem Gespräch; am Samstag reist er zu einem Staatsbesuch "
        "nach Kasachstan weiter, wo ihn Tokajew empfängt.",
        [({"Erdogan", "Aliyev"}, "bilateral", None), ({"Erdogan", "Tokayev"}, "visit", None)],
        id="semicolon-joins-talks-and-a-visit",
    ),
    pytest.param(
        "Am Freitag kamen Rachmon, Tokajew, Mirsijojew und Putin in Duschanbe zum GUS-Gipfel zusammen. "
        "Am Rande des Gipfels traf Rachmon die Staatschefs einzeln.",
        [
            ({"Rahmon", "Tokayev"}, "bilateral", 0),
            ({"Rahmon", "Mirziyoyev"}, "bilateral", 0),
            ({"Rahmon", "Putin"}, "bilateral", 0),
        ],
        id="met-the-summit-leaders-one-by-one",
    ),
    pytest.param(
        "Am Freitag kamen Rachmon, Tokajew, Mirsijojew und Putin in Duschanbe zum GUS-Gipfel zusammen. "
        "Putin führte mit jedem der drei Präsidenten ein Einzelgespräch.",
        [
            ({"Putin", "Rahmon"}, "bilateral", 0),
            ({"Putin", "Tokayev"}, "bilateral", 0),
            ({"Putin", "Mirziyoyev"}, "bilateral", 0),
        ],
        id="mit-jedem-der-praesidenten",
    ),
    pytest.param(
        "Am Freitag kamen Rachmon, Tokajew, Mirsijojew und Putin in Duschanbe zum GUS-Gipfel zusammen. "
        "Scholz traf die Präsidenten einzeln.",
        [],
        id="one-by-one-needs-a-participant-of-the-summit",
    ),
    pytest.param(
        "Am Montag telefonierte Tokajew mit Alijew. Alijew will im Mai zu einem Staatsbesuch nach Kasachstan reisen.",
        [({"Tokayev", "Aliyev"}, "call", None), ({"Aliyev", "Tokayev"}, "visit", None)],
        id="a-call-and-a-planned-visit-are-two-encounters",
    ),
    pytest.param(
        "Diplomaten sprachen von einem möglichen Treffen Putins und Erdoğans im Herbst.",
        [({"Putin", "Erdogan"}, "bilateral", None)],
        id="possible-meeting-with-genitive-names",
    ),
    pytest.param(
        "Das Treffen Kasachstans und Usbekistans mit der EU ist für Mai geplant.",
        [],
        id="meeting-of-states-names-no-leaders",
    ),
]


class TestMeetings:
    @pytest.mark.parametrize(("text", "expected"), CASES)
    def test_table(self, text: str, expected: list[tuple[set[str], str, int | None]]) -> None:
        assert shape(meetings(text)) == [(frozenset(a), b, c) for a, b, c in expected]

    def test_visit_city_and_date(self) -> None:
        found = meetings("Steinmeier ist am Dienstag zu einem Staatsbesuch in Kasachstan eingetroffen.", "2023-06-21")
        assert len(found) == 1
        m = found[0]
        assert m.city == "Astana"
        assert m.date is not None
        assert m.date.start.isoformat() == "2023-06-20"

    def test_visit_place_is_the_visited_one(self) -> None:
        found = meetings(
            "Putin, der am Mittwoch zu einem Staatsbesuch in Tadschikistan eingetroffen war, flog am Abend "
            "zurück nach Moskau.",
            "2025-10-10",
        )
        assert [(m.kind.value, m.city, frozenset(p.surname for p in m.participants)) for m in found] == [
            ("visit", "Dushanbe", frozenset({"Putin", "Rahmon"}))
        ]

    def test_head_of_state_visit_is_hosted_by_the_head_of_state(self) -> None:
        found = meetings(
            "Tokajew ist am Dienstag zu einem offiziellen Besuch in Deutschland eingetroffen. Merz sprach von "
            "einem Wendepunkt. Merz lobte die Reformen. Auch Bundespräsident Steinmeier würdigte den Gast.",
            "2025-11-12",
        )
        assert [(m.kind.value, frozenset(p.surname for p in m.participants)) for m in found][:1] == [
            ("visit", frozenset({"Tokayev", "Steinmeier"}))
        ]

    def test_planned_weekday_is_the_next_one(self) -> None:
        found = meetings("Für Dienstag ist in Peking ein Gespräch zwischen Putin und Xi geplant.", "2025-09-01")
        assert [(m.city, m.date.start.isoformat() if m.date else None) for m in found] == [("Beijing", "2025-09-02")]

    def test_city_of_the_summit_is_not_the_meetings_own(self) -> None:
        found = meetings(
            "Beim G20-Gipfel in Rio ging es um Hunger. Biden und Xi waren vergangene Woche am Rande des "
            "Apec-Gipfels in Lima zusammengetroffen.",
            "2024-11-19",
        )
        assert len(found) == 1
        assert (found[0].city, found[0].summit) == (None, 1)

    def test_evidence_points_into_the_text(self) -> None:
        text = SUMMIT + "Am Rande des Gipfels traf sich Putin mit Tokajew."
        doc = analyse(parse_article(text, published="2025-10-14"))
        for m in find_meetings(doc, find_summits(doc)):
            for ev in m.evidence:
                assert text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    "s",
    [
        "Putin führte Einzelgespräche mit Xi.",
        "Nach dem Telefongespräch war alles klar.",
        "Ein telefongespräch und ein Gespräch.",
        "Sie sprachen unter vier Augen.",
        "Das Vier-Augen-Gespräch dauerte lange.",
        "Die beiden kamen zusammen.",
        "Es wurde im kleinen Kreis beraten.",
        "Nichts davon.",
        "Gesprächsbereitschaft signalisierte er.",
    ],
)
def test_talks_check_agrees_with_the_pattern(s: str) -> None:
    from summitlib.extract import meetings as mod

    assert mod._has_talks(s) == (mod._TALKS.search(s) is not None)


def test_case_insensitive_prefilter_keeps_exotic_letters() -> None:
    from summitlib.extract import meetings as mod
    from summitlib.extract._lexicon import ci_search

    # a dotless ı matches i case-insensitively, but str.lower keeps it: the prefilter must let it through
    assert ci_search(mod._TRILATERAL, "ein trılateral Treffen", mod._TRILATERAL_WORDS)
    assert not ci_search(mod._TRILATERAL, "ein bilaterales Treffen", mod._TRILATERAL_WORDS)
