"""The domain model and its one JSON converter."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from summitlib.export.json import dump_jsonl, from_json, from_jsonable, load_jsonl, to_json, to_jsonable
from summitlib.model import (
    CAMEO,
    Act,
    Agreement,
    AgreementKind,
    Article,
    Country,
    Extraction,
    Meeting,
    Money,
    Organization,
    PartialDate,
    Person,
    Place,
    Precision,
    Qualifier,
    Span,
    Statement,
    Summit,
)
from tests import strategies as st_

ROUND_TRIP = [
    pytest.param(st_.spans(), Span, id="Span"),
    pytest.param(st_.partial_dates(), PartialDate, id="PartialDate"),
    pytest.param(st_.money, Money, id="Money"),
    pytest.param(st_.countries, Country, id="Country"),
    pytest.param(st_.persons, Person, id="Person"),
    pytest.param(st_.organizations, Organization, id="Organization"),
    pytest.param(st_.places, Place, id="Place"),
    pytest.param(st_.summits, Summit, id="Summit"),
    pytest.param(st_.meetings, Meeting, id="Meeting"),
    pytest.param(st_.agreements, Agreement, id="Agreement"),
    pytest.param(st_.statements, Statement, id="Statement"),
    pytest.param(st_.articles(), Article, id="Article"),
    pytest.param(st_.extractions, Extraction, id="Extraction"),
]


class TestRoundTrip:
    @pytest.mark.parametrize(("strategy", "cls"), ROUND_TRIP)
    def test_json_round_trip(self, strategy: st.SearchStrategy[Any], cls: type[Any]) -> None:
        """from_json(to_json(x)) == x, and the JSON text is stable across a second trip."""

        @given(strategy)
        def check(x: Any) -> None:
            text = to_json(x)
            back = from_json(text, cls)
            assert back == x
            assert to_json(back) == text
            if isinstance(x, Person):  # mentions are not part of equality; they must survive anyway
                assert back.mentions == x.mentions

        check()

    @given(st.lists(st_.extractions, max_size=3))
    def test_jsonl_round_trip(self, items: list[Extraction]) -> None:
        buf = io.StringIO()
        assert dump_jsonl(items, buf) == len(items)
        buf.seek(0)
        assert list(load_jsonl(buf)) == items


class TestContract:
    """The JSON contract of SPEC.md: key names and value shapes."""

    def test_top_level_keys(self) -> None:
        ex = Extraction(Article(id="a", text="x"))
        assert list(to_jsonable(ex)) == ["article", "summits", "meetings", "agreements", "money", "statements"]

    def test_article_published_keeps_precision(self) -> None:
        art = Article(id="a", text="x", published=PartialDate.month(2025, 10))
        assert to_jsonable(art)["published"] == "2025-10"
        assert from_jsonable(to_jsonable(art), Article).published == PartialDate.month(2025, 10)

    def test_money_amount_is_decimal_string(self) -> None:
        m = Money(Decimal("17E9"), "USD", Qualifier.MORE_THAN)
        assert to_jsonable(m) == {
            "amount": "17000000000",
            "currency": "USD",
            "qualifier": "more_than",
            "evidence": None,
        }

    @pytest.mark.parametrize(
        ("speaker", "expected"),
        [
            pytest.param(Person("Vladimir Putin", "RU"), {"name": "Vladimir Putin", "country": "RU"}, id="person"),
            pytest.param(Country("KZ"), {"country": "KZ"}, id="state"),
            pytest.param(Organization("SCO"), {"organization": "SCO"}, id="body"),
            pytest.param(
                Organization("Amnesty International"),
                {"organization": "Amnesty International", "name": "Amnesty International"},
                id="body-outside-the-organization-keys",
            ),
        ],
    )
    def test_speaker_shapes(self, speaker: Person | Country | Organization, expected: dict[str, str]) -> None:
        st_ = Statement(speaker, Act.STATE, Span(0, 1, "x"))
        data = to_jsonable(st_)
        assert data["speaker"] == expected
        assert data["cameo"] == "010"
        assert from_jsonable(data, Statement).speaker == speaker

    def test_summit_date_shape(self) -> None:
        s = Summit("GUS-Gipfel", date=PartialDate.day(dt.date(2025, 10, 10)))
        assert to_jsonable(s)["date"] == {"start": "2025-10-10", "end": "2025-10-10", "precision": "day"}

    def test_bad_count_rejected(self) -> None:
        data = to_jsonable(Agreement(AgreementKind.OTHER))
        data["count"] = "many"
        with pytest.raises(Exception, match="count"):
            from_jsonable(data, Agreement)

    def test_output_is_plain_json(self) -> None:
        ex = Extraction(Article(id="a", text="„Zitat“"), money=(Money(Decimal("1.5"), "EUR"),))
        assert json.loads(to_json(ex))["article"]["text"] == "„Zitat“"


class TestValues:
    @pytest.mark.parametrize(
        ("text", "start", "end", "precision"),
        [
            pytest.param("2025-10-10", dt.date(2025, 10, 10), dt.date(2025, 10, 10), Precision.DAY, id="day"),
            pytest.param("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), Precision.MONTH, id="leap-month"),
            pytest.param("2025-12", dt.date(2025, 12, 1), dt.date(2025, 12, 31), Precision.MONTH, id="december"),
            pytest.param("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31), Precision.YEAR, id="year"),
        ],
    )
    def test_partial_date_parse(self, text: str, start: dt.date, end: dt.date, precision: Precision) -> None:
        d = PartialDate.parse(text)
        assert (d.start, d.end, d.precision) == (start, end, precision)
        assert d.isoformat() == text

    @pytest.mark.parametrize("bad", ["", "2025-13", "2025-02-30", "25-10-10", "2025/10/10", "heute"])
    def test_partial_date_parse_rejects(self, bad: str) -> None:
        with pytest.raises(ValueError, match=r"date|month|day|range"):
            PartialDate.parse(bad)

    def test_range_must_not_end_before_start(self) -> None:
        with pytest.raises(ValueError, match="ends before"):
            PartialDate(dt.date(2025, 7, 4), dt.date(2025, 7, 3))

    def test_span_rejects_negative(self) -> None:
        with pytest.raises(ValueError, match="span"):
            Span(5, 3)

    @pytest.mark.parametrize(
        ("qualifier", "low", "high"),
        [
            pytest.param(Qualifier.EXACT, Decimal(100), Decimal(100), id="exact"),
            pytest.param(Qualifier.MORE_THAN, Decimal(100), None, id="more-than"),
            pytest.param(Qualifier.AT_LEAST, Decimal(100), None, id="at-least"),
            pytest.param(Qualifier.UP_TO, Decimal(0), Decimal(100), id="up-to"),
            pytest.param(Qualifier.ABOUT, Decimal(90), Decimal(110), id="about"),
        ],
    )
    def test_money_bounds(self, qualifier: Qualifier, low: Decimal, high: Decimal | None) -> None:
        assert Money(Decimal(100), "USD", qualifier).bounds() == (low, high)

    def test_every_act_has_a_cameo_code(self) -> None:
        assert set(CAMEO) == set(Act)

    def test_classes_are_frozen_and_slotted(self) -> None:
        for cls in (
            Span,
            PartialDate,
            Money,
            Country,
            Person,
            Organization,
            Place,
            Summit,
            Meeting,
            Agreement,
            Statement,
            Article,
            Extraction,
        ):
            assert attrs.has(cls)
            assert "__slots__" in cls.__dict__, cls
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            Country("KZ").code = "RU"  # type: ignore[misc]
