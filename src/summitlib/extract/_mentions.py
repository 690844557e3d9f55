"""The mentions of one document indexed for window look-ups, and the discourse memory pronouns need.

:class:`Context` answers "which mentions start in this window?", "which mention ends here?" by bisection
over the sorted mention starts and ends, remembers the latest subjects (``er``/``sie`` resolve to them)
and the persons the text names but the gazetteer does not know (:meth:`Context.learn`).
:func:`speaker_of` tells what a mention can be as a subject.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING, Protocol

from summitlib.model import Country, Organization, Person, Speaker

if TYPE_CHECKING:
    from collections.abc import Sequence

    from summitlib.extract._doc import Doc
    from summitlib.extract.entities import EntityMention
    from summitlib.model import Summit

__all__ = ["Context", "speaker_of"]

_NO_SUBJECT_FORMS = ("adjective", "genitive", "demonym", "description")

# "KAZINFORM - ", "Moskau (Reuters) - ": an agency dateline opening the article
_DATELINE = re.compile(r"[A-ZÄÖÜ][\w./]*(?:\s+[A-ZÄÖÜ][\w./]*)?(?:\s+\([^()]{1,30}\))?\s+[-–—]\s+")


class Deferred(Protocol):
    """Subjects noted for the memory but not yet resolved (see :class:`Context`)."""

    def settle(self) -> None:
        """Resolve the noted subjects, remembering the latest person among them."""

    def drop(self) -> None:
        """Forget the noted subjects (a later subject outranks them)."""


class Context:
    """The mentions of one document, indexed for window look-ups, and the discourse memory.

    A caller may note subjects for the memory without resolving them (``deferred``): they are
    resolved only when a pronoun needs the memory, and dropped when a newer subject is remembered.
    """

    def __init__(self, doc: Doc, summits: Sequence[Summit]) -> None:
        self.text = doc.text
        self.mentions: list[EntityMention] = [m for m in doc.entities if m.span.end > m.span.start]
        self.starts: Sequence[int] = (
            doc.entity_starts if len(self.mentions) == len(doc.entities) else [m.span.start for m in self.mentions]
        )
        self._ends: list[int] | None = None  # mention ends, sorted, built on first use
        self._end_index: list[int] | None = None  # mention index of each end (None: the same order)
        self.org = next((s.organization for s in summits if s.organization), None)
        self.chair = summits[0].chair if summits else None
        self.recent: list[Person] = []
        self.deferred: Deferred | None = None  # subjects noted after ``recent``, resolved on demand
        self.dateline = (-1, -1)  # an agency dateline opening one of the first sentences
        for sent in doc.sentences[:2]:
            line = _DATELINE.match(self.text, sent.start, min(sent.end, sent.start + 60))
            if line is not None:
                self.dateline = (line.start(), line.end())
                break
        self._tokens: dict[str, tuple[int, Person]] | None = None  # built on first use
        self._persons: dict[tuple[str, str | None], Person] = {}

    def person(self, m: EntityMention) -> Person:
        """The speaker of a person mention (one shared object per name)."""
        key = (m.key, m.country)
        p = self._persons.get(key)
        if p is None:
            p = self._persons[key] = Person(m.key, m.country)
        return p

    @property
    def tokens(self) -> dict[str, tuple[int, Person]]:
        """Name word -> (first position, person): every word of a known person's full name."""
        if self._tokens is None:
            tokens: dict[str, tuple[int, Person]] = {}
            for m in self.mentions:
                if m.kind == "person":
                    for tok in _name_tokens(m.key):
                        if tok not in tokens:
                            tokens[tok] = (m.span.start, self.person(m))
            self._tokens = tokens
        return self._tokens

    def learn(self, name: str, pos: int) -> Person:
        """A person the text names but the entity pass did not know; later surname mentions find it."""
        person = Person(name)
        for tok in name.split():
            self.tokens.setdefault(tok, (pos, person))
        return person

    def by_token(self, word: str, pos: int) -> Person | None:
        """A person named earlier whose full name contains ``word`` (``Anwar`` for Anwar Ibrahim)."""
        hit = self.tokens.get(word)
        return hit[1] if hit is not None and hit[0] < pos else None

    def ending_at(self, pos: int) -> EntityMention | None:
        """The mention that ends exactly at ``pos`` (the first by start when several do)."""
        if self._ends is None:
            ends = [m.span.end for m in self.mentions]
            if ends == sorted(ends):  # the usual case: mentions do not nest
                self._ends, self._end_index = ends, None
            else:
                pairs = sorted((e, i) for i, e in enumerate(ends))
                self._ends, self._end_index = [e for e, _ in pairs], [i for _, i in pairs]
        i = bisect.bisect_left(self._ends, pos)
        if i < len(self._ends) and self._ends[i] == pos:
            return self.mentions[i if self._end_index is None else self._end_index[i]]
        return None

    def within(self, start: int, end: int) -> list[EntityMention]:
        """The mentions starting in ``[start, end)``, in text order."""
        i = bisect.bisect_left(self.starts, start)
        return self.mentions[i : bisect.bisect_left(self.starts, end, i)]

    def persons_before(self, pos: int, count: int = 200) -> list[Person]:
        """Distinct persons mentioned before ``pos``, most recent first.

        At most 200 mentions are scanned, and the scan stops after ``count`` persons.
        """
        i = bisect.bisect_left(self.starts, pos)
        out: list[Person] = []
        seen: set[str] = set()
        limit = 200
        while i > 0 and limit > 0 and len(out) < count:
            i -= 1
            limit -= 1
            m = self.mentions[i]
            if m.kind == "person" and m.key not in seen:
                seen.add(m.key)
                out.append(self.person(m))
        return out

    def remember(self, person: Person) -> None:
        """Note ``person`` as the latest subject (pronouns resolve to it)."""
        if self.deferred is not None:
            self.deferred.drop()
        if self.recent and self.recent[-1] == person:
            return
        self.recent.append(person)
        del self.recent[:-8]

    def last_person(self, pos: int) -> Person | None:
        """What ``er``/``sie`` refers to: the latest subject, else the last person named before ``pos``."""
        if self.deferred is not None:
            self.deferred.settle()
        if self.recent:
            return self.recent[-1]
        before = self.persons_before(pos, 1)
        return before[0] if before else None


@functools.cache
def _name_tokens(key: str) -> tuple[str, ...]:
    """The words of a person's canonical name that can name the person alone (capitalised, longer
    than one letter); cached per name, as the gazetteer's names recur across articles."""
    return tuple(tok for tok in key.split() if len(tok) > 1 and tok[0].isupper())


def speaker_of(m: EntityMention) -> Speaker | None:
    """The speaker a mention can be as a subject (a capital stands for its state), if any."""
    if m.kind == "person":
        return Person(m.key, m.country)
    if m.kind == "country" and m.form not in _NO_SUBJECT_FORMS:
        return Country(m.key)
    if m.kind == "organization" and m.form not in _NO_SUBJECT_FORMS:
        return Organization(m.key)
    if m.kind == "city" and m.form == "capital" and m.country:
        return Country(m.country)
    return None
