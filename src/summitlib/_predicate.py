"""The predicate value behind :mod:`summitlib.query`: a frozen, composable, typed callable."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias, TypeVar, overload

if TYPE_CHECKING:
    from summitlib._provenance import Provenance

__all__ = ["ALL", "Predicate", "Test", "combine"]

T_contra = TypeVar("T_contra", contravariant=True)
S = TypeVar("S")
U = TypeVar("U")

Test: TypeAlias = Callable[[Any, "Provenance | None"], bool]
_Op: TypeAlias = Literal["leaf", "all", "and", "or", "not"]


def _always(record: object, provenance: Provenance | None = None) -> bool:
    return True


def _chain(tests: list[Test], *, conjunction: bool) -> Test:
    """Fold tests into nested two-argument closures: faster than ``all()`` over a generator."""
    first = tests[0]
    if len(tests) == 1:
        return first
    rest = _chain(tests[1:], conjunction=conjunction)
    if conjunction:
        return lambda r, p: first(r, p) and rest(r, p)
    return lambda r, p: first(r, p) or rest(r, p)


def _foreign(value: object) -> bool:
    return not isinstance(value, Predicate)


class Predicate(Generic[T_contra]):
    """A frozen, composable test on a record: ``pred(record) -> bool``.

    Build leaves with the factories of :data:`q`, or wrap a function of your own::

        >>> from summitlib.query import Predicate
        >>> quoted = Predicate(lambda s, p=None: s.direct_quote, "quoted")
        >>> quoted
        quoted

    Args:
        test: ``test(record, provenance) -> bool``; ``provenance`` is None when the predicate is
            called with the record alone.
        name: how the predicate prints in a tree.
        key: what makes two leaves equal (defaults to the test function itself).
    """

    __slots__ = ("_children", "_key", "_label", "_op", "_test")

    _op: _Op
    _label: str
    _children: tuple[Predicate[Any], ...]
    _test: Test
    _key: Hashable

    def __init__(
        self,
        test: Callable[[T_contra, Provenance | None], bool],
        name: str,
        *,
        key: Hashable = None,
    ) -> None:
        self._set("leaf", name, (), test, key if key is not None else (name, test))

    def _set(self, op: _Op, label: str, children: tuple[Predicate[Any], ...], test: Test, key: Hashable) -> None:
        object.__setattr__(self, "_op", op)
        object.__setattr__(self, "_label", label)
        object.__setattr__(self, "_children", children)
        object.__setattr__(self, "_test", test)
        object.__setattr__(self, "_key", key)

    @classmethod
    def _node(cls, op: _Op, children: tuple[Predicate[Any], ...]) -> Predicate[Any]:
        node: Predicate[Any] = cls.__new__(cls)
        tests = [c._test for c in children]
        test: Test
        if op == "and":
            test = _chain(tests, conjunction=True)
        elif op == "or":
            test = _chain(tests, conjunction=False)
        elif op == "not":
            (inner,) = tests
            test = lambda r, p: not inner(r, p)  # noqa: E731
        else:
            test = _always
        node._set(op, "", children, test, None)
        return node

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Predicate is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Predicate is immutable; cannot delete {name!r}")

    # ------------------------------------------------------------------ evaluation
    def __call__(self, record: T_contra, provenance: Provenance | None = None) -> bool:
        """Test one record.

        Args:
            record: the record.
            provenance: what the corpus knows about it (dates of summits, sources), if at hand.

        Returns:
            Whether the record satisfies the predicate.
        """
        return bool(self._test(record, provenance))

    def __bool__(self) -> bool:
        raise TypeError(
            "a Predicate has no truth value: combine predicates with & | ~ (or .and_/.or_/.not_), "
            "not with 'and', 'or', 'not'; apply one to a record with pred(record)"
        )

    # ------------------------------------------------------------------ algebra
    # The overloads type a combination of predicates on different record types (``attended_by``
    # understands summits and statements, ``act`` statements only) as a predicate on the narrower type.
    @overload
    def and_(self: Predicate[S], *others: Predicate[S]) -> Predicate[S]: ...
    @overload
    def and_(self: Predicate[S], *others: Predicate[U]) -> Predicate[U]: ...
    def and_(self, *others: Predicate[Any]) -> Predicate[Any]:
        """Both (all) of the predicates: the named twin of ``&``.

        Args:
            *others: the predicates to conjoin with this one.

        Returns:
            The flattened conjunction; ``q.all()`` operands are dropped.

        Raises:
            TypeError: when an operand is not a Predicate.
        """
        return combine("and", (self, *others))

    @overload
    def or_(self: Predicate[S], *others: Predicate[S]) -> Predicate[S]: ...
    @overload
    def or_(self: Predicate[S], *others: Predicate[U]) -> Predicate[U]: ...
    def or_(self, *others: Predicate[Any]) -> Predicate[Any]:
        """Either (any) of the predicates: the named twin of ``|``.

        Args:
            *others: the predicates to disjoin with this one.

        Returns:
            The flattened disjunction; ``q.all()`` if any operand is ``q.all()``.

        Raises:
            TypeError: when an operand is not a Predicate.
        """
        return combine("or", (self, *others))

    def not_(self: Predicate[S]) -> Predicate[S]:
        """The negation: the named twin of ``~`` (``~~p`` is ``p``).

        Returns:
            The negated predicate.
        """
        if self._op == "not":
            return self._children[0]
        return Predicate._node("not", (self,))

    @overload
    def __and__(self: Predicate[S], other: Predicate[S]) -> Predicate[S]: ...
    @overload
    def __and__(self: Predicate[S], other: Predicate[U]) -> Predicate[U]: ...
    def __and__(self, other: Predicate[Any]) -> Predicate[Any]:
        if _foreign(other):
            return NotImplemented
        return combine("and", (self, other))

    @overload
    def __or__(self: Predicate[S], other: Predicate[S]) -> Predicate[S]: ...
    @overload
    def __or__(self: Predicate[S], other: Predicate[U]) -> Predicate[U]: ...
    def __or__(self, other: Predicate[Any]) -> Predicate[Any]:
        if _foreign(other):
            return NotImplemented
        return combine("or", (self, other))

    def __invert__(self: Predicate[S]) -> Predicate[S]:
        return self.not_()

    # ------------------------------------------------------------------ value semantics
    def _identity(self) -> tuple[object, ...]:
        return (self._op, self._key, self._children)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Predicate):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def __repr__(self) -> str:
        if self._op == "leaf":
            return self._label
        if self._op == "all":
            return "all()"
        if self._op == "not":
            return f"NOT {self._children[0]!r}"
        return f"({self._op.upper()}: {', '.join(repr(c) for c in self._children)})"

    @property
    def children(self) -> tuple[Predicate[Any], ...]:
        """The operands of a compound predicate (empty for a leaf)."""
        return self._children

    @property
    def op(self) -> str:
        """``"leaf"``, ``"all"``, ``"and"``, ``"or"`` or ``"not"``."""
        return self._op


def combine(op: Literal["and", "or"], operands: tuple[Predicate[Any], ...]) -> Predicate[Any]:
    flat: list[Predicate[Any]] = []
    for p in operands:
        if not isinstance(p, Predicate):
            raise TypeError(f"cannot combine a Predicate with {type(p).__name__}")
        if p._op == "all":
            if op == "or":
                return p  # all() absorbs |
            continue  # all() is the identity of &
        flat.extend(p._children if p._op == op else (p,))
    if not flat:
        return ALL
    if len(flat) == 1:
        return flat[0]
    return Predicate._node(op, tuple(flat))


ALL: Predicate[Any] = Predicate._node("all", ())
