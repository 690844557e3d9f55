"""Laws of the predicate algebra, property-tested over random predicate trees and random records."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from summitlib.model import Act, Statement
from summitlib.query import Predicate, Provenance, Selection, q
from tests.strategies import COUNTRY_CODES, NAMES, partial_dates, statements

P = Predicate[Statement]

leaves: st.SearchStrategy[P] = st.one_of(
    st.sampled_from(list(Act)).map(q.act),
    st.sampled_from(COUNTRY_CODES).map(q.speaker),
    st.sampled_from([n.split()[-1] for n in NAMES]).map(q.attended_by),
    st.sampled_from(["2025-01", "2025-06", "2026-01"]).map(lambda d: q.between(d, "2026-12")),
    st.just(Predicate(lambda s, p: s.direct_quote, "quoted")),
    st.just(q.all()),
)


def _extend(children: st.SearchStrategy[P]) -> st.SearchStrategy[P]:
    return st.one_of(
        st.tuples(children, children).map(lambda t: t[0] & t[1]),
        st.tuples(children, children).map(lambda t: t[0] | t[1]),
        children.map(lambda c: ~c),
    )


trees: st.SearchStrategy[P] = st.recursive(leaves, _extend, max_leaves=8)
provenances: st.SearchStrategy[Provenance | None] = st.none() | st.builds(
    Provenance, sources=st.just(("a",)), date=st.none() | partial_dates(), date_source=st.just("summit")
)


class TestBooleanLaws:
    @given(trees, trees, statements, provenances)
    def test_de_morgan(self, a: P, b: P, r: Statement, p: Provenance | None) -> None:
        assert (~(a & b))(r, p) == (~a | ~b)(r, p)
        assert (~(a | b))(r, p) == (~a & ~b)(r, p)

    @given(trees, statements, provenances)
    def test_double_negation(self, a: P, r: Statement, p: Provenance | None) -> None:
        assert (~~a)(r, p) == a(r, p)
        assert ~~a == a

    @given(trees, trees, statements, provenances)
    def test_and_or_commute(self, a: P, b: P, r: Statement, p: Provenance | None) -> None:
        assert (a & b)(r, p) == (b & a)(r, p)
        assert (a | b)(r, p) == (b | a)(r, p)

    @given(trees, trees, trees, statements)
    def test_associativity_and_distribution(self, a: P, b: P, c: P, r: Statement) -> None:
        assert ((a & b) & c)(r) == (a & (b & c))(r)
        assert ((a | b) | c)(r) == (a | (b | c))(r)
        assert (a & (b | c))(r) == ((a & b) | (a & c))(r)

    @given(trees, statements)
    def test_identity_and_absorption_of_all(self, a: P, r: Statement) -> None:
        assert (q.all() & a) == a
        assert (a & q.all()) == a
        assert (a | q.all())(r)
        assert not (~q.all())(r)

    @given(trees, statements)
    def test_excluded_middle(self, a: P, r: Statement) -> None:
        assert (a | ~a)(r)
        assert not (a & ~a)(r)


class TestOperatorsAgree:
    @given(trees, trees, statements, provenances)
    def test_with_named_twins(self, a: P, b: P, r: Statement, p: Provenance | None) -> None:
        assert (a & b) == a.and_(b) == q.and_(a, b)
        assert (a | b) == a.or_(b) == q.or_(a, b)
        assert ~a == a.not_() == q.not_(a)
        assert a.and_(b)(r, p) == (a & b)(r, p)

    @given(trees, trees, statements, provenances)
    def test_with_plain_boolean_operators(self, a: P, b: P, r: Statement, p: Provenance | None) -> None:
        assert (a & b)(r, p) == (a(r, p) and b(r, p))
        assert (a | b)(r, p) == (a(r, p) or b(r, p))
        assert (~a)(r, p) == (not a(r, p))

    @given(trees, st.lists(statements, max_size=8))
    def test_where_agrees_with_filter(self, a: P, records: list[Statement]) -> None:
        assert list(Selection(records).where(a)) == list(filter(a, records))

    @given(trees, st.lists(st.tuples(statements, provenances), max_size=8))
    def test_where_passes_provenance(self, a: P, pairs: list[tuple[Statement, Provenance | None]]) -> None:
        sel = Selection([r for r, _ in pairs], [p for _, p in pairs])
        expected = [(r, p) for r, p in pairs if a(r, p)]
        assert list(sel.where(a).entries()) == expected

    @given(trees, trees, st.lists(statements, max_size=8))
    def test_chained_where_is_conjunction(self, a: P, b: P, records: list[Statement]) -> None:
        sel: Selection[Any] = Selection(records)
        assert sel.where(a).where(b) == sel.where(a & b)

    @given(trees)
    def test_equal_trees_print_and_hash_equal(self, a: P) -> None:
        b = a & q.all()
        assert repr(b) == repr(a)
        assert hash(b) == hash(a)
