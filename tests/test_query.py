"""Predicates (the ``q`` factories and their algebra) and selections, on hand-built records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from summitlib.model import (
    Act,
    Agreement,
    AgreementKind,
    Country,
    Meeting,
    MeetingKind,
    Money,
    Organization,
    PartialDate,
    Person,
    Qualifier,
    Span,
    Statement,
    Summit,
)
from summitlib.query import Predicate, Provenance, Q, Selection, ValueRange, q

TOKAYEV = Person("Kassym-Jomart Tokayev", "KZ", ("Präsident Tokajew",))
PUTIN = Person("Vladimir Putin", "RU", ("Wladimir Putin",))
RAHMON = Person("Emomali Rahmon", "TJ", ("Emomali Rachmon",))
TRUMP = Person("Donald Trump", "US")
EV = Span(0, 1, "x")

CIS = Summit(
    "GUS-Gipfel",
    organization="CIS",
    city="Dushanbe",
    country="TJ",
    date=PartialDate.day(dt.date(2025, 10, 10)),
    chair=RAHMON,
    countries=("KZ", "RU", "TJ"),
    leaders=(TOKAYEV, PUTIN),
    topics=("security", "economy"),
)
C51 = Summit(
    "C5+1-Gipfel",
    organization="C5+1",
    city="Washington",
    country="US",
    date=PartialDate.month(2025, 11),
    chair=TRUMP,
    countries=("KZ", "US", "UZ"),
    leaders=(TOKAYEV,),
)
SCO = Summit("SCO summit", organization="SCO", city="Tianjin", country="CN", date=PartialDate.month(2025, 8))
MEETING = Meeting((TOKAYEV, PUTIN), MeetingKind.BILATERAL, summit=0, topics=("energy",))
CALL = Meeting((TOKAYEV, TRUMP), MeetingKind.CALL, date=PartialDate.day(dt.date(2025, 9, 1)))
DEAL = Agreement(
    AgreementKind.CONTRACT,
    parties=("KZ", "US"),
    value=Money(Decimal("17000000000"), "USD", Qualifier.MORE_THAN),
    sectors=("energy",),
    summit=1,
)
DOCS = Agreement(AgreementKind.DOCUMENTS, count="several", parties=("KZ", "RU", "TJ"), summit=0)
ROUND = Money(Decimal("22000000000"), "USD", Qualifier.ABOUT)
PROPOSAL = Statement(TOKAYEV, Act.PROPOSE, EV, content="eine KI-Universität zu eröffnen", summit=0)
WARNING = Statement(TOKAYEV, Act.WARN, EV, content="vor der Erosion des Völkerrechts", summit=0)
PRAISE = Statement(PUTIN, Act.PRAISE, EV, direct_quote=True, quote="starke Vertrauensbasis", summit=0)
STATE = Statement(Country("KZ"), Act.REAFFIRM, EV, content="seine Bereitschaft")
BODY = Statement(Organization("EU"), Act.CALL_FOR, EV, content="Dialog")

CIS_PROV = Provenance(("a1",), CIS.date, "text", CIS)
C51_PROV = Provenance(("a2",), C51.date, "text", C51)

# ---------------------------------------------------------------------- factory case tables
# (id, predicate, record, provenance, expected)
CASES: list[tuple[str, Predicate[Any], object, Provenance | None, bool]] = [
    ("attended code", q.attended_by("KZ"), CIS, None, True),
    ("attended code absent", q.attended_by("CN"), CIS, None, False),
    ("attended German name", q.attended_by("Kasachstan"), CIS, None, True),
    ("attended English name", q.attended_by("Kazakhstan"), C51, None, True),
    ("attended surname", q.attended_by("Tokayev"), C51, None, True),
    ("attended German surname", q.attended_by("Tokajew"), C51, None, True),
    ("attended chair", q.attended_by("Rahmon"), CIS, None, True),
    ("attended chair German", q.attended_by("Rachmon"), CIS, None, True),
    ("attended full name", q.attended_by("Vladimir Putin"), CIS, None, True),
    ("attended absent person", q.attended_by("Putin"), C51, None, False),
    ("attended meeting", q.attended_by("RU"), MEETING, None, True),
    ("attended agreement party", q.attended_by("US"), DEAL, None, True),
    ("attended statement speaker", q.attended_by("Tokayev"), PROPOSAL, None, True),
    ("attended money", q.attended_by("KZ"), ROUND, None, False),
    ("held in English city", q.held_in("Dushanbe"), CIS, None, True),
    ("held in German city", q.held_in("Duschanbe"), CIS, None, True),
    ("held in country code", q.held_in("TJ"), CIS, None, True),
    ("held in German country", q.held_in("Tadschikistan"), CIS, None, True),
    ("held in other", q.held_in("Astana"), CIS, None, False),
    ("held in English exonym", q.held_in("Washington"), C51, None, True),
    ("held in city as written", q.held_in("Washington"), Summit("x", city="Washington"), None, True),
    ("held in via summit", q.held_in("Duschanbe"), PROPOSAL, CIS_PROV, True),
    ("held in no provenance", q.held_in("Duschanbe"), PROPOSAL, None, False),
    ("organization key", q.organization("CIS"), CIS, None, True),
    ("organization German abbr", q.organization("GUS"), CIS, None, True),
    ("organization other", q.organization("SCO"), CIS, None, False),
    ("organization via summit", q.organization("CIS"), MEETING, CIS_PROV, True),
    ("between day inside", q.between("2025-10-01", "2025-11-30"), CIS, None, True),
    ("between day outside", q.between("2025-11-01", "2025-11-30"), CIS, None, False),
    ("between month overlaps", q.between("2025-11-20", "2025-12-31"), C51, None, True),
    ("between month bounds", q.between("2025-09", "2025-10"), CIS, None, True),
    ("between dates", q.between(dt.date(2025, 10, 10), dt.date(2025, 10, 10)), CIS, None, True),
    ("between partial", q.between(PartialDate.year(2025), PartialDate.year(2025)), SCO, None, True),
    ("between statement via provenance", q.between("2025-10", "2025-10"), PROPOSAL, CIS_PROV, True),
    ("between statement no date", q.between("2025-10", "2025-10"), PROPOSAL, None, False),
    ("speaker surname", q.speaker("Tokayev"), PROPOSAL, None, True),
    ("speaker German", q.speaker("Tokajew"), PROPOSAL, None, True),
    ("speaker genitive form", q.speaker("Tokajews"), PROPOSAL, None, False),
    ("speaker other", q.speaker("Putin"), PROPOSAL, None, False),
    ("speaker state code", q.speaker("KZ"), STATE, None, True),
    ("speaker state covers persons", q.speaker("Kasachstan"), PROPOSAL, None, True),
    ("speaker body", q.speaker("EU"), BODY, None, True),
    ("speaker on summit", q.speaker("Tokayev"), CIS, None, False),
    ("act", q.act("propose"), PROPOSAL, None, True),
    ("act enum", q.act(Act.WARN), PROPOSAL, None, False),
    ("kind meeting", q.kind("bilateral"), MEETING, None, True),
    ("kind agreement", q.kind(AgreementKind.CONTRACT), DEAL, None, True),
    ("kind other", q.kind("call"), MEETING, None, False),
    ("topic summit", q.topic("Security"), CIS, None, True),
    ("topic statement content", q.topic("KI-Universität"), PROPOSAL, None, True),
    ("topic absent", q.topic("climate"), CIS, None, False),
    ("sector", q.sector("energy"), DEAL, None, True),
    ("sector absent", q.sector("finance"), DEAL, None, False),
    ("between leaders", q.between_leaders("Tokayev", "Putin"), MEETING, None, True),
    ("between leaders German", q.between_leaders("Tokajew", "Wladimir Putin"), MEETING, None, True),
    ("between leaders reversed", q.between_leaders("Putin", "Tokayev"), MEETING, None, True),
    ("between leaders states", q.between_leaders("KZ", "RU"), MEETING, None, True),
    ("between leaders absent", q.between_leaders("Tokayev", "Trump"), MEETING, None, False),
    ("between leaders same person", q.between_leaders("Tokayev", "Tokajew"), MEETING, None, False),
    ("between leaders summit", q.between_leaders("Tokayev", "Putin"), CIS, None, False),
    ("party code", q.party("US"), DEAL, None, True),
    ("party name", q.party("Russland"), DOCS, None, True),
    ("party absent", q.party("CN"), DEAL, None, False),
    ("value more than passes its amount", q.value_at_least(17_000_000_000, "USD"), DEAL, None, True),
    ("value more than", q.value_at_least("18000000000", "USD"), DEAL, None, False),
    ("value about lower bound", q.value_at_least(Decimal("19800000000"), "usd"), ROUND, None, True),
    ("value about not certain", q.value_at_least(20_000_000_000, "USD"), ROUND, None, False),
    ("value other currency", q.value_at_least(1, "EUR"), DEAL, None, False),
    ("value no value", q.value_at_least(0, "USD"), DOCS, None, False),
    ("source", q.source("a1"), CIS, CIS_PROV, True),
    ("source other", q.source("a2"), CIS, CIS_PROV, False),
    ("source needs provenance", q.source("a1"), CIS, None, False),
    ("all", q.all(), ROUND, None, True),
]


@pytest.mark.parametrize(
    ("predicate", "record", "provenance", "expected"),
    [pytest.param(p, r, v, e, id=i) for i, p, r, v, e in CASES],
)
def test_factory_cases(
    predicate: Predicate[Any], record: object, provenance: Provenance | None, expected: bool
) -> None:
    assert predicate(record, provenance) is expected


class TestFactories:
    def test_unknown_act_lists_known_ones(self) -> None:
        with pytest.raises(ValueError, match="known acts: emphasize"):
            q.act("shout")

    def test_between_rejects_reversed_range(self) -> None:
        with pytest.raises(ValueError, match="before start"):
            q.between("2025-12", "2025-01")

    def test_between_rejects_malformed_dates(self) -> None:
        with pytest.raises(ValueError, match="not an ISO date"):
            q.between("10.10.2025", "2025-12")

    def test_q_is_the_factory_namespace(self) -> None:
        assert isinstance(q, Q)


class TestAlgebra:
    def test_repr_prints_the_tree(self) -> None:
        p = q.attended_by("KZ") & ~q.between("2025-10-01", "2025-11-30")
        assert repr(p) == "(AND: attended_by('KZ'), NOT between('2025-10-01', '2025-11-30'))"

    def test_repr_of_dates_is_iso(self) -> None:
        assert repr(q.between(dt.date(2025, 1, 1), PartialDate.month(2025, 2))) == "between('2025-01-01', '2025-02')"

    def test_same_operator_nesting_flattens(self) -> None:
        a, b, c = q.act("warn"), q.act("propose"), q.act("thank")
        assert repr((a & b) & c) == repr(a & (b & c)) == "(AND: act('warn'), act('propose'), act('thank'))"
        assert repr((a | b) | c) == "(OR: act('warn'), act('propose'), act('thank'))"
        assert repr((a & b) | c) == "(OR: (AND: act('warn'), act('propose')), act('thank'))"

    def test_all_is_the_identity_of_and(self) -> None:
        p = q.speaker("Tokayev")
        assert (q.all() & p) == p
        assert (p & q.all()) == p
        assert q.and_() == q.all()
        assert repr(q.all()) == "all()"

    def test_all_absorbs_or(self) -> None:
        assert (q.act("warn") | q.all()) == q.all()

    def test_double_negation_is_identity(self) -> None:
        p = q.act("warn")
        assert ~~p == p
        assert repr(~p) == "NOT act('warn')"
        assert repr(~(p | q.act("thank"))) == "NOT (OR: act('warn'), act('thank'))"

    def test_bool_raises_telling_to_use_operators(self) -> None:
        with pytest.raises(TypeError, match=r"with & \| ~"):
            bool(q.act("warn"))
        with pytest.raises(TypeError):
            q.act("warn") and q.act("thank")

    def test_operators_return_not_implemented_for_foreign_operands(self) -> None:
        p = q.act("warn")
        assert p.__and__(1) is NotImplemented  # type: ignore[operator]
        assert p.__or__("x") is NotImplemented  # type: ignore[operator]
        with pytest.raises(TypeError):
            p & 1  # type: ignore[operator]

    def test_named_twins_reject_foreign_operands(self) -> None:
        with pytest.raises(TypeError, match="cannot combine"):
            q.act("warn").and_(1)  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="at least one"):
            q.or_()

    def test_named_twins_build_the_same_tree(self) -> None:
        a, b = q.act("warn"), q.speaker("Putin")
        assert a.and_(b) == (a & b) == q.and_(a, b)
        assert a.or_(b) == (a | b) == q.or_(a, b)
        assert a.not_() == ~a == q.not_(a)

    def test_equal_predicates_hash_equal(self) -> None:
        assert q.attended_by("KZ") == q.attended_by("KZ")
        assert hash(q.attended_by("KZ") & q.act("warn")) == hash(q.attended_by("KZ") & q.act("warn"))
        assert q.attended_by("KZ") != q.attended_by("RU")
        assert len({q.act("warn"), q.act("warn"), q.act("thank")}) == 2

    def test_predicates_are_immutable(self) -> None:
        p = q.act("warn")
        with pytest.raises(AttributeError):
            p._label = "x"

    def test_predicate_works_with_filter(self) -> None:
        statements = [PROPOSAL, WARNING, PRAISE]
        assert list(filter(q.act("warn") | q.speaker("Putin"), statements)) == [WARNING, PRAISE]

    def test_custom_leaf(self) -> None:
        quoted: Predicate[Statement] = Predicate(lambda s, p: s.direct_quote, "quoted")
        assert repr(quoted & q.act("praise")) == "(AND: quoted, act('praise'))"
        assert quoted(PRAISE)
        assert not quoted(PROPOSAL)

    def test_children_and_op(self) -> None:
        p = q.act("warn") & q.act("thank")
        assert p.op == "and"
        assert [c.op for c in p.children] == ["leaf", "leaf"]


# ---------------------------------------------------------------------- selections
def summits() -> Selection[Summit]:
    return Selection([CIS, C51, SCO], [CIS_PROV, C51_PROV, Provenance(("a3",), SCO.date, "publication")])


def statements() -> Selection[Statement]:
    return Selection([PROPOSAL, WARNING, PRAISE, STATE], [CIS_PROV, CIS_PROV, CIS_PROV, C51_PROV])


class TestSelection:
    def test_spec_where_on_summits(self) -> None:
        sel = summits().where(q.attended_by("KZ") & q.between("2025-10-01", "2025-11-30"))
        assert list(sel) == [CIS, C51]
        assert sel.source(1) == "a2"

    def test_where_uses_provenance(self) -> None:
        sel = statements().where(q.organization("CIS") & q.speaker("Tokayev"))
        assert list(sel) == [PROPOSAL, WARNING]

    def test_where_accepts_plain_callables(self) -> None:
        sel = statements().where(lambda s: s.direct_quote)
        assert list(sel) == [PRAISE]

    def test_where_is_typed(self) -> None:
        sel: Selection[Statement] = statements().where(q.speaker("Tokayev") & q.act("propose"))
        assert sel.first() == PROPOSAL

    def test_len_iteration_indexing_slicing(self) -> None:
        sel = summits()
        assert len(sel) == 3
        assert sel[0] == CIS
        assert sel[-1] == SCO
        tail = sel[1:]
        assert isinstance(tail, Selection)
        assert list(tail) == [C51, SCO]
        assert tail.provenance(0) == C51_PROV
        assert bool(sel)
        assert not sel.where(q.organization("EU"))
        assert sel.where(q.organization("EU")).first() is None

    def test_sort_by_attribute_and_callable(self) -> None:
        by_date = summits().sort_by("date")
        assert [s.organization for s in by_date] == ["SCO", "CIS", "C5+1"]
        assert [s.organization for s in summits().sort_by("date", reverse=True)] == ["C5+1", "CIS", "SCO"]
        by_name = summits().sort_by(lambda s: s.name)
        assert [s.name for s in by_name] == ["C5+1-Gipfel", "GUS-Gipfel", "SCO summit"]
        assert by_date.source(0) == "a3"

    def test_sort_puts_none_last(self) -> None:
        sel = Selection([Summit("a"), CIS, Summit("b", date=PartialDate.year(2020))])
        assert [s.name for s in sel.sort_by("date")] == ["b", "GUS-Gipfel", "a"]
        assert [s.name for s in sel.sort_by("date", reverse=True)] == ["GUS-Gipfel", "b", "a"]

    def test_group_by(self) -> None:
        groups = statements().group_by(lambda s: s.act)
        assert list(groups) == [Act.PROPOSE, Act.WARN, Act.PRAISE, Act.REAFFIRM]
        assert list(groups[Act.WARN]) == [WARNING]
        by_source = statements().group_by("article")
        assert {k: len(v) for k, v in by_source.items()} == {"a1": 3, "a2": 1}

    def test_count_by(self) -> None:
        assert statements().count_by("speaker") == {"Kassym-Jomart Tokayev": 2, "Vladimir Putin": 1, "KZ": 1}
        assert statements().count_by("act")["propose"] == 1
        assert summits().count_by("country")["KZ"] == 2
        assert summits().count_by("topic") == {"security": 1, "economy": 1}
        assert summits().count_by("organization").most_common(1)[0][1] == 1
        assert statements().count_by("organization") == {"CIS": 3, "C5+1": 1}
        assert summits().count_by("month") == {"2025-10": 1, "2025-11": 1, "2025-08": 1}
        assert statements().count_by(lambda s: s.direct_quote) == {False: 3, True: 1}
        assert summits().count_by("city")["Dushanbe"] == 1

    def test_total_value_keeps_hedges(self) -> None:
        total = Selection([DEAL, DOCS]).total_value("USD")
        assert total == ValueRange(Decimal("17000000000"), None, "USD", count=1, skipped=1)
        assert str(total) == ">= 17 bn USD"
        money = Selection([ROUND, Money(Decimal(5), "USD")])
        bounded = money.total_value("USD")
        assert bounded.low == Decimal("19800000005.0")
        assert bounded.high == Decimal("24200000005.0")
        assert Decimal("22000000005") in bounded
        assert not bounded.exact
        assert str(bounded) == "19.8 bn .. 24.2 bn USD"
        exact = Selection([Money(Decimal(5), "EUR")]).total_value("EUR")
        assert exact.exact
        assert str(exact) == "5 EUR"

    def test_timeline(self) -> None:
        entries = summits().timeline()
        assert [e.record.organization for e in entries] == ["SCO", "CIS", "C5+1"]
        assert entries[0].date_source == "publication"
        assert entries[1].label == "CIS Dushanbe"
        undated = Selection([Summit("x"), CIS]).timeline()
        assert [e.record.name for e in undated] == ["GUS-Gipfel", "x"]

    def test_co_attendance_network(self) -> None:
        graph = summits().co_attendance_network()
        assert graph["KZ"]["RU"]["weight"] == 1
        assert graph["KZ"]["US"]["summits"] == ["C5+1-Gipfel"]
        assert graph.nodes["KZ"]["summits"] == 2
        leaders = summits().co_attendance_network(by="leader")
        assert leaders.has_edge("Kassym-Jomart Tokayev", "Donald Trump")
        with pytest.raises(ValueError, match="by must be"):
            summits().co_attendance_network(by="city")

    def test_meeting_network(self) -> None:
        graph = Selection([MEETING, CALL, MEETING]).meeting_network()
        assert graph["Kassym-Jomart Tokayev"]["Vladimir Putin"]["weight"] == 2
        assert graph["Kassym-Jomart Tokayev"]["Donald Trump"]["kinds"] == ["call"]
        assert graph.nodes["Vladimir Putin"]["country"] == "RU"

    def test_repr_is_a_readable_table(self) -> None:
        text = repr(summits())
        assert text.splitlines()[0] == "Selection[Summit]: 3 records"
        assert "Dushanbe, TJ" in text
        assert "a1" in text
        assert repr(Selection([], record_type=Statement)) == "Selection[Statement]: 0 records"

    def test_repr_html_is_a_table(self) -> None:
        html = statements()._repr_html_()
        assert html.startswith("<div")
        assert "<table>" in html
        assert "propose" in html
        assert "<th>speaker</th>" in html

    def test_repr_truncates_long_selections(self) -> None:
        sel = Selection([PROPOSAL] * 25)
        assert "… 5 more" in repr(sel)
        assert "… 5 more" in sel._repr_html_()

    def test_selections_are_immutable_values(self) -> None:
        sel = summits()
        with pytest.raises(AttributeError):
            sel._items = ()
        assert sel == summits()
        assert hash(sel) == hash(summits())
        assert sel != sel[:1]

    def test_concatenation(self) -> None:
        both = summits()[:1] + summits()[2:]
        assert list(both) == [CIS, SCO]
        assert both.source(1) == "a3"

    def test_entries_pair_records_and_provenance(self) -> None:
        pairs = list(statements().entries())
        assert pairs[3] == (STATE, C51_PROV)

    def test_mismatched_provenance_is_rejected(self) -> None:
        with pytest.raises(ValueError, match="provenance"):
            Selection([CIS], [])

    def test_record_type(self) -> None:
        assert summits().record_type is Summit
        assert summits().where(q.organization("EU")).record_type is Summit
        assert Selection([]).record_type is None


class TestProvenance:
    def test_flags_and_alternatives(self) -> None:
        from summitlib.query import Alternative

        prov = Provenance(
            ("a", "b"),
            PartialDate.day(dt.date(2025, 1, 1)),
            "publication",
            alternatives=(Alternative("city", "Astana", "a"), Alternative("city", "Almaty", "b")),
        )
        assert prov.merged
        assert prov.article == "a"
        assert prov.date_from_publication
        assert [a.value for a in prov.alternatives_for("city")] == ["Astana", "Almaty"]
        assert prov.alternatives_for("date") == ()
        assert Provenance(()).article is None


def _apply(pred: Callable[[Statement], bool]) -> list[Statement]:
    return [s for s in (PROPOSAL, WARNING) if pred(s)]


def test_predicates_are_plain_callables() -> None:
    """A predicate passes wherever a one-argument callable is expected."""
    assert _apply(q.act("warn")) == [WARNING]
