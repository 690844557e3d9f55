"""Summit detection: organization, venue, date, chair, participants, other occasions.

Cases are short texts written for these tests in the style of German agency and newspaper copy.
"""

from __future__ import annotations

import datetime as dt

import pytest

from summitlib.extract import analyse
from summitlib.extract.summits import find_summits
from summitlib.model import Precision, Summit
from summitlib.reading import parse_article


def summits(text: str, published: str = "2025-10-14") -> list[Summit]:
    return find_summits(analyse(parse_article(text, published=published)))


# (id, text, expected (organization, city, country, date ISO or None) of the first summit)
VENUE_CASES = [
    pytest.param(
        "Der GUS-Gipfel in Duschanbe ging am Freitag zu Ende.",
        ("CIS", "Dushanbe", "TJ", "2025-10-10"),
        id="compound-org-city-weekday",
    ),
    pytest.param(
        "In der kirgisischen Hauptstadt hat am 5. Juli der Gipfel der Organisation Türkischer Staaten begonnen.",
        ("OTS", "Bishkek", "KG", "2025-07-05"),
        id="description-of-capital-genitive-org",
    ),
    pytest.param(
        "Beim Gipfeltreffen EU–Zentralasien im usbekischen Samarkand vereinbarten beide Seiten eine Partnerschaft.",
        ("CA-EU", "Samarkand", "UZ", None),
        id="format-after-noun-adjective-venue",
    ),
    pytest.param(
        "Die Staatschefs der Eurasischen Wirtschaftsunion haben am 27.06.2025 in Minsk beraten. "
        "Beim Obersten Eurasischen Wirtschaftsrat unterzeichneten sie ein Abkommen.",
        ("EAEU", "Minsk", "BY", "2025-06-27"),
        id="venue-and-date-from-the-lead",
    ),
    pytest.param(
        "Zum Brics-Treffen in Kasan kamen Delegationen aus 36 Staaten.",
        ("BRICS", "Kazan", "RU", None),
        id="org-treffen-compound",
    ),
    pytest.param(
        "Beim ersten Kaspischen Gipfel seit vier Jahren trafen sich die Präsidenten in Aschgabat.",
        ("OTHER", "Ashgabat", "TM", None),
        id="proper-adjective-is-other",
    ),
]


class TestVenueAndDate:
    @pytest.mark.parametrize(("text", "expected"), VENUE_CASES)
    def test_first_summit(self, text: str, expected: tuple[str, str | None, str | None, str | None]) -> None:
        found = summits(text)
        assert found, "no summit found"
        s = found[0]
        date = s.date.start.isoformat() if s.date and s.date.precision is Precision.DAY else None
        assert (s.organization, s.city, s.country, date) == expected

    def test_first_day_of_a_range_in_the_lead(self) -> None:
        text = "Zu dem Treffen vom 22. bis 24. Oktober kamen viele Staatschefs. Der Apec-Gipfel fand in Lima statt."
        s = summits(text, published="2025-10-25")[0]
        assert s.date is not None
        assert (s.organization, s.city, s.date.start) == ("APEC", "Lima", dt.date(2025, 10, 22))

    def test_a_range_after_publication_is_no_summit_date(self) -> None:
        text = "Zu dem Treffen vom 22. bis 24. Oktober kamen viele Staatschefs. Der Apec-Gipfel fand in Lima statt."
        assert summits(text, published="2025-10-14")[0].date is None

    def test_month_precision(self) -> None:
        s = summits("Der SOZ-Gipfel soll Anfang Juli in Astana stattfinden.", published="2025-05-20")[0]
        assert s.date is not None
        assert (s.date.precision, s.date.start) == (Precision.MONTH, dt.date(2025, 7, 1))


class TestFormats:
    @pytest.mark.parametrize(
        ("text", "org"),
        [
            pytest.param(
                "Beim Gipfeltreffen „Zentralasien plus Japan“ in Tokio sprach Takaichi.",
                "C5+1",
                id="named-partner-format",
            ),
            pytest.param(
                "Der nächste Zentralasien-Gipfel mit Deutschland soll in Astana stattfinden.",
                "CA-GERMANY",
                id="c5-with-partner",
            ),
            pytest.param(
                "Die Präsidenten trafen sich in Taschkent zur Konsultativtagung.", "C5", id="konsultativtagung"
            ),
            pytest.param(
                "In Sankt Petersburg kamen die Staatschefs der GUS zu ihrem informellen Gipfel zusammen.",
                "CIS",
                id="informal-summit-keeps-its-body",
            ),
        ],
    )
    def test_organization(self, text: str, org: str) -> None:
        assert summits(text, published="2025-12-22")[0].organization == org

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            pytest.param(
                "Zum Gipfeltreffen im Format „Zentralasien plus Indien“ reisten fünf Präsidenten nach Neu-Delhi.",
                "Gipfeltreffen im Format „Zentralasien plus Indien“",
                id="im-format-quoted",
            ),
            pytest.param(
                "Das Gipfeltreffen des Formats Zentralasien und Japan fand in Tokio statt.",
                "Gipfeltreffen des Formats Zentralasien und Japan",
                id="des-formats-unquoted",
            ),
        ],
    )
    def test_format_word_before_named_format(self, text: str, name: str) -> None:
        s = summits(text, published="2025-12-22")[0]
        assert (s.organization, s.name) == ("C5+1", name)

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            pytest.param(
                "Beim ersten Gipfeltreffen Indien–Zentralasien in Neu-Delhi sprach Modi von Partnerschaft.",
                "Gipfeltreffen Indien–Zentralasien",
                id="partner-dash-region",
            ),
            pytest.param(
                "Das Gipfeltreffen im Format „Japan plus Zentralasien“ fand in Tokio statt.",
                "Gipfeltreffen im Format „Japan plus Zentralasien“",
                id="partner-plus-region-quoted",
            ),
        ],
    )
    def test_partner_named_before_the_region(self, text: str, name: str) -> None:
        s = summits(text, published="2025-12-22")[0]
        assert (s.organization, s.name) == ("C5+1", name)

    def test_habitual_statement_is_no_occasion(self) -> None:
        found = summits(
            "In Astana ging der Gipfel der SOZ zu Ende. Das Gipfeltreffen soll künftig alle zwei Jahre "
            "stattfinden, in Peking wird ein Sekretariat eingerichtet."
        )
        assert len(found) == 1


class TestOccasions:
    def test_next_summit_is_its_own_record(self) -> None:
        found = summits(
            "Am Freitag ging in Astana der Gipfel der SOZ zu Ende. "
            "Das nächste SOZ-Gipfeltreffen soll im kommenden Jahr in China stattfinden."
        )
        assert [(s.organization, s.city, s.country) for s in found] == [
            ("SCO", "Astana", "KZ"),
            ("SCO", None, "CN"),
        ]
        assert found[1].leaders == ()

    def test_bare_next_summit_without_details_is_not_a_record(self) -> None:
        found = summits("Der GUS-Gipfel in Duschanbe endete am Freitag. Das nächste Gipfeltreffen ist geplant.")
        assert len(found) == 1

    def test_previous_summit_with_other_date(self) -> None:
        found = summits(
            "Am Dienstag begann in Astana das zweite Gipfeltreffen Zentralasien–China. "
            "Das erste Gipfeltreffen in dieser Zusammensetzung hatte im Mai 2023 in Xi'an stattgefunden.",
            published="2025-06-18",
        )
        assert [(s.organization, s.city) for s in found] == [("CA-CHINA", "Astana"), ("CA-CHINA", "Xi'an")]

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param(
                "Zum ersten Gipfel der Organisation Türkischer Staaten, der am Montag in Baku stattfand, "
                "hatte Alijew alle Staatschefs geladen.",
                id="first-summit-this-week-pluperfect-invitation",
            ),
            pytest.param(
                "Für das erste Gipfeltreffen der Region am 20. Oktober in Baku hatte Alijew eine Erklärung "
                "vorbereitet.",
                id="first-summit-dated-days-ago",
            ),
        ],
    )
    def test_first_summit_just_held_is_the_reported_one(self, text: str) -> None:
        found = summits(text, published="2025-10-22")
        assert [(s.city, s.date is not None) for s in found] == [("Baku", True)]

    def test_other_organization_is_another_summit(self) -> None:
        found = summits(
            "Beim G20-Gipfel in Rio de Janeiro ging es um Hunger. Biden war vergangene Woche am Rande des "
            "Apec-Gipfels in Lima mit Xi zusammengetroffen.",
            published="2024-11-19",
        )
        assert [(s.organization, s.city) for s in found] == [("G20", "Rio de Janeiro"), ("APEC", "Lima")]
        assert {p.name for p in found[1].leaders} == {"Joe Biden", "Xi Jinping"}

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param(
                "In Astana tagte am Montag der Rat der Staatschefs der SOZ. Die nächste Sitzung des Rates soll "
                "im Juni 2026 in Bischkek stattfinden.",
                [("SCO", "Astana"), ("SCO", "Bishkek")],
                id="next-session-of-the-council",
            ),
            pytest.param(
                "Am Dienstag kamen die Präsidenten in Minsk zum Obersten Eurasischen Wirtschaftsrat zusammen. "
                "Die kommende Tagung des Rates wird im Herbst in Moskau abgehalten.",
                [("EAEU", "Minsk"), ("EAEU", "Moscow")],
                id="coming-sitting-of-the-economic-council",
            ),
            pytest.param(
                "Der Gipfel Zentralasien–Russland ging in Duschanbe zu Ende. Das erste Treffen in diesem Format "
                "hatte im Herbst 2022 in Astana stattgefunden.",
                [("CA-RUSSIA", "Dushanbe"), ("CA-RUSSIA", "Astana")],
                id="first-meeting-in-this-format",
            ),
            pytest.param(
                "In Astana tagte der Rat der Staatschefs der SOZ. Eine Sitzung des Rates der Außenminister "
                "gab es in Almaty.",
                [("SCO", "Astana")],
                id="plain-session-is-no-occasion",
            ),
            pytest.param(
                "Die Außenminister der EU berieten in Brüssel. Die nächste Sitzung des Rates ist im Mai in Riga.",
                [],
                id="council-session-without-a-summit-before",
            ),
        ],
    )
    def test_anaphoric_occasions(self, text: str, expected: list[tuple[str, str]]) -> None:
        found = summits(text, published="2025-10-22")
        assert [(s.organization, s.city) for s in found] == expected

    def test_no_summit_noun_no_summit(self) -> None:
        assert summits("Putin und Tokajew telefonierten am Montag über Energiefragen.") == []


class TestPeople:
    def test_explicit_chair(self) -> None:
        s = summits(
            "Der Gipfel im Format „Zentralasien plus 1“ fand in Washington unter dem Vorsitz von "
            "Präsident Donald Trump statt.",
            published="2025-11-10",
        )[0]
        assert s.organization == "C5+1"
        assert s.chair is not None
        assert s.chair.name == "Donald Trump"

    def test_chair_defaults_to_the_leader_of_the_venue(self) -> None:
        s = summits(
            "Der GUS-Gipfel in Duschanbe ist zu Ende gegangen. Tadschikistans Präsident Emomali Rachmon "
            "sprach von einem Erfolg. Auch Wladimir Putin reiste an."
        )[0]
        assert s.chair is not None
        assert s.chair.name == "Emomali Rahmon"

    def test_second_summit_chaired_by_the_leader_of_its_venue(self) -> None:
        found = summits(
            "Der Gipfel Zentralasien–China ging am Dienstag in Astana zu Ende. Präsident Tokajew zeigte sich "
            "zufrieden. Am Mittwoch tagte in Bischkek der Rat der Staatschefs der GUS. Sadyr Dschaparow "
            "begrüßte die Gäste.",
            published="2025-06-19",
        )
        assert [(s.city, s.chair.name if s.chair else None) for s in found] == [
            ("Astana", "Kassym-Jomart Tokayev"),
            ("Bishkek", "Sadyr Japarov"),
        ]

    def test_inviting_leader_chairs_the_next_summit(self) -> None:
        found = summits(
            "In Bischkek ging der OTS-Gipfel zu Ende. Alijew lud die Staatschefs zum nächsten "
            "Gipfeltreffen nach Gabala ein.",
            published="2024-11-07",
        )
        assert found[1].city == "Gabala"
        assert found[1].chair is not None
        assert found[1].chair.name == "Ilham Aliyev"

    def test_announcing_leader_who_takes_the_chair_chairs_the_next_session(self) -> None:
        found = summits(
            "In Astana tagte am Montag der Rat der Staatschefs der GUS. Das nächste Treffen des Rates findet "
            "im Oktober in Moskau statt. Die nächste Sitzung des Rates wird in Moskau stattfinden, gab Putin "
            "bekannt, der den Vorsitz übernimmt.",
            published="2025-10-22",
        )
        assert found[-1].chair is not None
        assert found[-1].chair.name == "Vladimir Putin"

    @pytest.mark.parametrize(
        ("text", "chair"),
        [
            pytest.param(
                "Der SOZ-Gipfel in Astana ging am Freitag zu Ende. Das nächste Gipfeltreffen soll im Juli in "
                "Duschanbe stattfinden, wie Präsident Emomali Rachmon mitteilte.",
                "Emomali Rahmon",
                id="host-leader-confirms",
            ),
            pytest.param(
                "Der SOZ-Gipfel in Astana ging am Freitag zu Ende. Der nächste Gipfel werde in Asien "
                "stattfinden; Mirsijojew bot an, ihn in Taschkent auszurichten.",
                "Shavkat Mirziyoyev",
                id="host-leader-offers",
            ),
            pytest.param(
                "Der SOZ-Gipfel in Astana ging am Freitag zu Ende. Das nächste Gipfeltreffen soll im Juli in "
                "Duschanbe stattfinden, sagte Putin.",
                None,
                id="foreign-leader-announcing-is-no-host",
            ),
        ],
    )
    def test_next_summit_chair_from_host_leader(self, text: str, chair: str | None) -> None:
        found = summits(text)
        assert len(found) == 2
        assert (found[1].chair.name if found[1].chair else None) == chair

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param(
                "Der GUS-Gipfel in Duschanbe ging zu Ende. An dem Treffen nahmen neben dem Gastgeber auch "
                "Wladimir Putin und Kassym-Schomart Tokajew teil. Präsident Emomali Rachmon sprach von Erfolg.",
                id="guest-beside-the-host",
            ),
            pytest.param(
                "Der GUS-Gipfel in Duschanbe ging zu Ende. Präsident Emomali Rachmon sprach von Erfolg. "
                "Am Rande des Gipfels sprach Putin mit Tokajew; danach empfing er Alijew.",
                id="reception-on-the-sidelines",
            ),
        ],
    )
    def test_guests_are_no_chair(self, text: str) -> None:
        s = summits(text)[0]
        assert s.chair is not None
        assert s.chair.name == "Emomali Rahmon"

    def test_next_summit_city_from_the_hosts_invitation(self) -> None:
        found = summits(
            "Der G20-Gipfel in Rio ging zu Ende. Das nächste Gipfeltreffen soll 2025 in Südafrika stattfinden, "
            "das den Vorsitz ab Dezember führt. Präsident Cyril Ramaphosa lud die Staatschefs nach "
            "Johannesburg ein.",
            published="2024-11-20",
        )
        nxt = found[1]
        assert (nxt.country, nxt.city, nxt.date) == ("ZA", "Johannesburg", None)
        assert nxt.chair is not None
        assert nxt.chair.name == "Cyril Ramaphosa"

    def test_invitation_to_another_state_gives_no_venue(self) -> None:
        found = summits(
            "Der G20-Gipfel in Rio ging zu Ende. Das nächste Gipfeltreffen soll in Südafrika stattfinden. "
            "Lula lud die Staatschefs nach Brasília ein.",
            published="2024-11-20",
        )
        assert (found[1].country, found[1].city) == ("ZA", None)

    def test_summit_only_recalled_has_no_host_or_participants(self) -> None:
        found = summits(
            "Präsident Tokajew besuchte am Montag Wien und traf Kanzler Christian Stocker. Er erinnerte an den "
            "ersten Gipfel EU–Zentralasien, der im April in Samarkand stattgefunden hatte. Präsident "
            "Schawkat Mirsijojew hatte damals die Gäste begrüßt.",
            published="2025-10-22",
        )
        assert [(s.organization, s.city) for s in found] == [("CA-EU", "Samarkand")]
        assert (found[0].chair, found[0].countries, found[0].leaders) == (None, (), ())

    def test_participants_and_absentees(self) -> None:
        s = summits(
            "Ohne Armenien ist in Astana der Gipfel der OVKS zu Ende gegangen. An dem Treffen nahmen "
            "Russland, Belarus, Kirgisistan und Tadschikistan teil. Wladimir Putin lobte die Gastgeber. "
            "Nikol Paschinjan blieb dem Treffen fern.",
            published="2024-11-29",
        )[0]
        assert s.organization == "CSTO"
        assert set(s.countries) >= {"RU", "BY", "KG", "TJ"}
        assert "AM" not in s.countries
        names = {p.name for p in s.leaders}
        assert "Vladimir Putin" in names
        assert "Nikol Pashinyan" not in names

    @pytest.mark.parametrize(
        ("text", "absent"),
        [
            pytest.param(
                "In Minsk ging der OVKS-Gipfel zu Ende. An dem Treffen nahmen Wladimir Putin und Kassym-Schomart "
                "Tokajew teil – Nikol Paschinjan blieb dem Gipfel erneut fern.",
                "Nikol Pashinyan",
                id="absence-after-a-dash",
            ),
            pytest.param(
                "In Minsk ging der OVKS-Gipfel zu Ende. Wladimir Putin und Kassym-Schomart Tokajew kamen; "
                "Paschinjan sagte seine Teilnahme ab.",
                "Nikol Pashinyan",
                id="absence-after-a-semicolon",
            ),
        ],
    )
    def test_absence_in_a_later_clause_spares_the_participants(self, text: str, absent: str) -> None:
        names = {p.name for p in summits(text, published="2025-11-28")[0].leaders}
        assert {"Vladimir Putin", "Kassym-Jomart Tokayev"} <= names
        assert absent not in names

    def test_the_five_central_asian_states_as_a_group(self) -> None:
        s = summits(
            "Der Brics-Gipfel in Kasan ist zu Ende gegangen. An den Gesprächen nahmen neben Gastgeber Putin "
            "auch die Staatschefs der fünf zentralasiatischen Republiken teil.",
            published="2024-10-24",
        )[0]
        assert {"RU", "KZ", "KG", "TJ", "TM", "UZ"} <= set(s.countries)

    def test_listed_states_of_a_second_summit(self) -> None:
        found = summits(
            "In Moskau ging am Donnerstag der GUS-Gipfel zu Ende. Am Vortag waren die Staatschefs Russlands, "
            "Kasachstans und Armeniens zum Obersten Eurasischen Wirtschaftsrat zusammengekommen.",
            published="2025-10-24",
        )
        assert found[1].organization == "EAEU"
        assert set(found[1].countries) == {"RU", "KZ", "AM"}

    @pytest.mark.parametrize(
        "former",
        [
            pytest.param("der ehemalige chilenische Präsident Sebastián Piñera", id="ehemalige"),
            pytest.param("die frühere brasilianische Präsidentin Dilma Rousseff", id="fruehere"),
        ],
    )
    def test_former_leader_named_in_passing_is_no_participant(self, former: str) -> None:
        s = summits(
            f"Der Apec-Gipfel in Lima ist zu Ende gegangen. Gastgeberin Dina Boluarte sprach von Erfolg. "
            f"Eine Rede hielt auch {former}.",
            published="2024-11-17",
        )[0]
        names = {p.name for p in s.leaders}
        assert "Sebastián Piñera" not in names
        assert "Dilma Rousseff" not in names

    def test_leader_represented_by_minister(self) -> None:
        s = summits(
            "Der SOZ-Gipfel in Astana ist zu Ende gegangen. Indiens Premierminister Narendra Modi sagte seine "
            "Reise ab, für Neu-Delhi kam Außenminister Subrahmanyam Jaishankar.",
            published="2024-07-04",
        )[0]
        assert "IN" in s.countries
        assert "Narendra Modi" not in {p.name for p in s.leaders}


def test_evidence_points_into_the_text() -> None:
    text = "Beim GUS-Gipfel in Duschanbe sprach Tokajew. Am Rande des Gipfels traf er Putin."
    article = parse_article(text, published="2025-10-14")
    for s in find_summits(analyse(article)):
        for ev in s.evidence:
            assert text[ev.start : ev.end] == ev.text


class TestQuickChecks:
    """The literal prefilters and per-document indexes give the answers of the plain patterns and scans."""

    TEXT = (
        "Der GUS-Gipfel in Duschanbe ging am Freitag zu Ende. An dem Treffen nahmen Putin, Tokajew und "
        "Rachmon teil, darunter Russland, Belarus und Armenien. Paschinjan blieb dem Gipfel fern. "
        "Putin dankte Tokajew für die Gastfreundschaft. Das nächste Gipfeltreffen soll 2026 in Moskau stattfinden."
    )

    def test_anchor_starts_step_like_str_find(self) -> None:
        from summitlib.extract import summits as mod

        text = "aaaa-Treffen-Treffen ipfelipfel"
        for anchor in ("aa", "-Treffen", "ipfel"):
            ends = [i + len(anchor) - 1 for i in range(len(text)) if text.startswith(anchor, i)]
            want, i = [], text.find(anchor)
            while i != -1:
                want.append(i)
                i = text.find(anchor, i + len(anchor))
            assert mod._anchor_starts(ends, anchor) == want

    @pytest.mark.parametrize(
        "s",
        ["Das Treffen soll 2026 stattfinden", "Er SOLL kommen", "Er ſoll kommen", "Sie lud ein.", "Nichts davon"],
    )
    def test_case_insensitive_prefilter(self, s: str) -> None:
        from summitlib.extract import summits as mod
        from summitlib.extract._lexicon import ci_search

        got = ci_search(mod._FUTURE_CLAUSE, s, mod._FUTURE_WORDS)
        assert got == (mod._FUTURE_CLAUSE.search(s) is not None)

    def test_sentence_cues_and_persons_match_the_scans(self) -> None:
        from summitlib.extract import _context as ctx
        from summitlib.extract import summits as mod

        doc = analyse(parse_article(self.TEXT, published="2025-10-14"))
        for pattern, words in ((mod._PARTICIPATION, mod._PARTICIPATION_WORDS), (ctx.ABSENCE, ctx.ABSENCE_WORDS)):
            cue = ctx.SentenceCue(doc, pattern, words)
            want = {k for k, s in enumerate(doc.sentences) if pattern.search(doc.text, s.start, s.end)}
            assert {k for k in range(len(doc.sentences)) if k in cue} == want
            assert ctx.sentences_with(doc, pattern, words) == want
        by_sentence = ctx.sentence_persons(doc)
        for k, s in enumerate(doc.sentences):
            assert list(by_sentence[k]) == ctx.persons_in(doc, s.start, s.end)
