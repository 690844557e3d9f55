"""Merging the same summit, meeting and agreement reported by several articles."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from summitlib._merge import merge
from summitlib.corpus import Corpus
from summitlib.model import (
    Act,
    Agreement,
    AgreementKind,
    Article,
    Extraction,
    Meeting,
    MeetingKind,
    Money,
    PartialDate,
    Person,
    Qualifier,
    Span,
    Statement,
    Summit,
)
from summitlib.query import q

TOKAYEV = Person("Kassym-Jomart Tokayev", "KZ", ("Tokajew",))
PUTIN = Person("Vladimir Putin", "RU", ("Putin",))
RAHMON = Person("Emomali Rahmon", "TJ")
OCT10 = PartialDate.day(dt.date(2025, 10, 10))


def article(aid: str, published: str | None) -> Article:
    return Article(aid, "text", published=PartialDate.parse(published) if published else None)


def summit(name: str = "GUS-Gipfel", **kw: object) -> Summit:
    fields: dict[str, object] = {"organization": "CIS", "city": "Dushanbe", "country": "TJ", "date": OCT10}
    fields.update(kw)
    return Summit(name, **fields)  # type: ignore[arg-type]


def ex(aid: str, published: str | None, *summits: Summit, **records: tuple[object, ...]) -> Extraction:
    return Extraction(article(aid, published), summits=summits, **records)  # type: ignore[arg-type]


class TestSummits:
    def test_same_summit_from_two_articles_becomes_one_with_all_sources(self) -> None:
        a = ex("a", "2025-10-11", summit(countries=("KZ", "RU"), leaders=(TOKAYEV,), topics=("security",)))
        b = ex(
            "b",
            "2025-10-14",
            summit(
                "Gipfel der GUS",
                countries=("RU", "TJ"),
                leaders=(PUTIN, Person("Kassym-Jomart Tokayev", "KZ", ("Präsident Tokajew",))),
            ),
        )
        merged = merge([a, b]).summits
        assert len(merged) == 1
        s = merged[0]
        assert s.countries == ("KZ", "RU", "TJ")
        assert [p.name for p in s.leaders] == ["Kassym-Jomart Tokayev", "Vladimir Putin"]
        assert s.leaders[0].mentions == ("Tokajew", "Präsident Tokajew")
        assert s.topics == ("security",)
        prov = merged.provenance(0)
        assert prov is not None
        assert prov.sources == ("a", "b")
        assert prov.merged
        assert prov.date_source == "text"
        assert [alt.value for alt in prov.alternatives_for("name")] == ["GUS-Gipfel", "Gipfel der GUS"]
        assert [src for src, _ in prov.evidence] == ["a", "b"]

    def test_earliest_publication_wins_fields(self) -> None:
        late = ex("late", "2025-10-20", summit("Late name", chair=PUTIN))
        early = ex("early", "2025-10-11", summit("Early name", chair=RAHMON))
        merged = merge([late, early]).summits
        assert merged[0].name == "Early name"
        assert merged[0].chair == RAHMON
        prov = merged.provenance(0)
        assert prov is not None
        assert prov.sources == ("early", "late")
        assert [(a.value, a.source) for a in prov.alternatives_for("chair")] == [(RAHMON, "early"), (PUTIN, "late")]

    @pytest.mark.parametrize(
        ("first", "second", "expected"),
        [
            pytest.param(summit(), summit(), 1, id="identical"),
            pytest.param(
                summit(),
                summit(date=PartialDate.day(dt.date(2025, 10, 9), dt.date(2025, 10, 10))),
                1,
                id="overlapping days",
            ),
            pytest.param(summit(), summit(date=PartialDate.month(2025, 10)), 1, id="day within month"),
            pytest.param(summit(), summit(date=PartialDate.day(dt.date(2024, 10, 11))), 2, id="a year apart"),
            pytest.param(summit(), summit(city="Astana", country="KZ"), 2, id="other venue"),
            pytest.param(summit(), summit(city=None, country=None), 1, id="venue unknown"),
            pytest.param(summit(), summit(organization="SCO"), 2, id="other organization"),
            pytest.param(
                summit(), summit("Treffen in Duschanbe", organization=None), 2, id="no organization, other name"
            ),
            pytest.param(
                summit("Gipfeltreffen der GUS", organization=None),
                summit("Gipfeltreffen der GUS."),
                1,
                id="close names",
            ),
            pytest.param(
                summit("OTHER summit", organization="OTHER"),
                summit("Another meeting", organization="OTHER"),
                2,
                id="OTHER is no identity",
            ),
        ],
    )
    def test_identity_rules(self, first: Summit, second: Summit, expected: int) -> None:
        assert len(merge([ex("a", "2025-10-11", first), ex("b", "2025-10-12", second)]).summits) == expected

    def test_undated_summit_merges_with_dated_one_within_window(self) -> None:
        merged = merge([ex("a", "2025-10-30", summit(date=None)), ex("b", "2025-10-11", summit())]).summits
        assert len(merged) == 1
        assert merged[0].date == OCT10
        prov = merged.provenance(0)
        assert prov is not None
        assert prov.date_source == "text"
        assert not prov.date_from_publication

    def test_undated_summit_outside_window_stays_apart(self) -> None:
        merged = merge([ex("a", "2026-03-01", summit(date=None)), ex("b", "2025-10-11", summit())]).summits
        assert len(merged) == 2

    def test_summit_without_any_date_is_dated_by_earliest_publication(self) -> None:
        merged = merge([ex("b", "2025-11-12", summit(date=None)), ex("a", "2025-11-10", summit(date=None))]).summits
        assert len(merged) == 1
        assert merged[0].date == PartialDate.day(dt.date(2025, 11, 10))
        prov = merged.provenance(0)
        assert prov is not None
        assert prov.date_from_publication
        assert prov.sources == ("a", "b")
        assert len(merged.where(q.between("2025-11-10", "2025-11-10"))) == 1

    def test_month_published_article_dates_by_month(self) -> None:
        merged = merge([ex("a", "2025-11", summit(date=None))]).summits
        assert merged[0].date == PartialDate.month(2025, 11)

    def test_conflicting_days_are_kept_as_alternatives(self) -> None:
        one = summit(date=PartialDate.day(dt.date(2025, 10, 10)))
        two = summit(date=PartialDate.day(dt.date(2025, 10, 9), dt.date(2025, 10, 10)))
        merged = merge([ex("a", "2025-10-11", one), ex("b", "2025-10-12", two)]).summits
        prov = merged.provenance(0)
        assert prov is not None
        assert [(a.value, a.source) for a in prov.alternatives_for("date")] == [(one.date, "a"), (two.date, "b")]

    def test_month_refined_by_day_is_no_conflict(self) -> None:
        merged = merge(
            [ex("a", "2025-10-11", summit(date=PartialDate.month(2025, 10))), ex("b", "2025-10-12", summit())]
        )
        assert merged.summits[0].date == OCT10
        prov = merged.summits.provenance(0)
        assert prov is not None
        assert prov.alternatives_for("date") == ()

    def test_distinct_summits_keep_first_report_order(self) -> None:
        a = ex("a", "2025-11-10", summit("C5+1", organization="C5+1", city="Washington", country="US", date=None))
        b = ex("b", "2025-10-14", summit())
        assert [s.organization for s in merge([a, b]).summits] == ["C5+1", "CIS"]


class TestRecordsFollowTheirSummit:
    def test_meetings_statements_agreements_index_corpus_summits(self) -> None:
        first = ex("a", "2025-11-10", summit("C5+1", organization="C5+1", city="Washington", country="US"))
        meeting = Meeting((TOKAYEV, PUTIN), summit=0)
        statement = Statement(TOKAYEV, Act.PROPOSE, Span(0, 1, "x"), summit=0)
        deal = Agreement(AgreementKind.DOCUMENTS, summit=0)
        second = ex("b", "2025-10-14", summit(), meetings=(meeting,), statements=(statement,), agreements=(deal,))
        merged = merge([first, second])
        assert merged.meetings[0].summit == 1
        assert merged.statements[0].summit == 1
        assert merged.agreements[0].summit == 1
        prov = merged.statements.provenance(0)
        assert prov is not None
        assert prov.summit == merged.summits[1]
        assert prov.date == OCT10
        assert prov.date_source == "summit"
        assert len(merged.statements.where(q.organization("GUS") & q.held_in("Duschanbe"))) == 1

    def test_statement_without_summit_is_dated_by_publication(self) -> None:
        statement = Statement(TOKAYEV, Act.WARN, Span(0, 1, "x"))
        prov = merge([ex("a", "2025-10-14", statements=(statement,))]).statements.provenance(0)
        assert prov is not None
        assert (prov.date, prov.date_source, prov.summit) == (PartialDate.parse("2025-10-14"), "publication", None)

    def test_same_meeting_from_two_articles_merges(self) -> None:
        one = ex("a", "2025-10-11", summit(), meetings=(Meeting((TOKAYEV, PUTIN), summit=0, topics=("energy",)),))
        two = ex(
            "b",
            "2025-10-12",
            summit(),
            meetings=(Meeting((PUTIN, TOKAYEV), MeetingKind.TRILATERAL, summit=0, topics=("trade",)),),
        )
        meetings = merge([one, two]).meetings
        assert len(meetings) == 1
        assert meetings[0].topics == ("energy", "trade")
        prov = meetings.provenance(0)
        assert prov is not None
        assert prov.sources == ("a", "b")
        assert [a.value for a in prov.alternatives_for("kind")] == [MeetingKind.BILATERAL, MeetingKind.TRILATERAL]

    def test_unplaced_mention_of_a_sideline_meeting_merges(self) -> None:
        meetings = (Meeting((TOKAYEV, PUTIN), summit=0), Meeting((TOKAYEV, PUTIN)))
        merged = merge([ex("a", "2025-10-14", summit(), meetings=meetings)]).meetings
        assert len(merged) == 1
        assert merged[0].summit == 0

    def test_different_participants_stay_apart(self) -> None:
        meetings = (Meeting((TOKAYEV, PUTIN), summit=0), Meeting((TOKAYEV, RAHMON), summit=0))
        assert len(merge([ex("a", "2025-10-14", summit(), meetings=meetings)]).meetings) == 2

    def test_meetings_outside_summits_need_overlapping_dates(self) -> None:
        m1 = Meeting((TOKAYEV, PUTIN), MeetingKind.CALL, date=PartialDate.day(dt.date(2025, 3, 1)))
        m2 = Meeting((TOKAYEV, PUTIN), MeetingKind.CALL, date=PartialDate.day(dt.date(2025, 5, 1)))
        m3 = Meeting((TOKAYEV, PUTIN), MeetingKind.CALL, date=PartialDate.month(2025, 3))
        merged = merge([ex("a", "2025-05-02", meetings=(m1, m2)), ex("b", "2025-03-02", meetings=(m3,))]).meetings
        assert len(merged) == 2

    def test_agreements_reported_twice_are_deduplicated(self) -> None:
        value = Money(Decimal("17000000000"), "USD", Qualifier.MORE_THAN)
        deal = Agreement(AgreementKind.CONTRACT, parties=("KZ", "US"), value=value, summit=0)
        merged = merge(
            [ex("a", "2025-11-10", summit(), agreements=(deal,)), ex("b", "2025-11-11", summit(), agreements=(deal,))]
        )
        assert len(merged.agreements) == 1
        prov = merged.agreements.provenance(0)
        assert prov is not None
        assert prov.sources == ("a", "b")
        assert str(merged.agreements.total_value("USD")) == ">= 17 bn USD"

    def test_two_agreements_in_one_article_are_kept(self) -> None:
        deal = Agreement(AgreementKind.CONTRACT, summit=0)
        assert len(merge([ex("a", "2025-11-10", summit(), agreements=(deal, deal))]).agreements) == 2

    def test_corpus_uses_merge(self) -> None:
        corpus = Corpus.from_extractions([ex("a", "2025-10-11", summit()), ex("b", "2025-10-12", summit())])
        assert len(corpus.summits) == 1
        assert corpus.summits.count_by("source") == {"a": 1, "b": 1}
