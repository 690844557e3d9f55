"""The reporting-verb lexicon (``data/reporting_verbs_de.tsv``) and the verb hits it yields in a text.

Grammar of a hit
----------------
A *hit* is one word of the text that can head a reported-speech clause:

* ``finite``: a finite form of the base verb (``betonte``, ``schlug``, ``kündigten``); separable verbs
  need their particle later in the clause (``schlug … vor``), checked by the caller;
* ``joined``: a verb-final separable form, particle and finite form in one word (``vorschlug``,
  ``einlud``, ``mitteilte``), only in subordinate clauses;
* ``participle``: a past participle (``erklärt``, ``vorgeworfen``), used with a form of *haben*;
* ``zu_inf``: a zu-infinitive (``aufzurufen``; ``zu betonen`` as two words), used in *um … zu* clauses.

The table is loaded once, lazily, through :mod:`importlib.resources`.
"""

from __future__ import annotations

import functools
from importlib.resources import files

import attrs

from summitlib.model import Act

__all__ = ["Form", "VerbEntry", "lexicon"]

_DATA = "reporting_verbs_de.tsv"
_COLUMNS = ("lemma", "particle", "finite", "participle", "act", "frame", "variants", "notes")


@attrs.frozen
class VerbEntry:
    """One row of the lexicon: a reporting verb reading and what it needs to be one."""

    lemma: str
    particle: tuple[str, ...]
    act: Act | None
    reflexive: bool = False
    attitude: bool = False
    no_greeting: bool = False
    preps: tuple[str, ...] = ()
    variants: tuple[tuple[str, Act | None], ...] = ()


@attrs.frozen
class Form:
    """A word form of an entry: which kind of hit it is and its grammatical number."""

    entry: VerbEntry
    kind: str  # finite | joined | participle | zu_inf | inf
    plural: bool = False
    words_before: tuple[str, ...] = ()  # earlier words of a multi-word participle (deutlich gemacht)


def _act(value: str) -> Act | None:
    return None if value == "none" else Act(value)


def _parse_row(cells: list[str]) -> tuple[VerbEntry, list[tuple[str, Form]]]:
    row = dict(zip(_COLUMNS, cells, strict=False))
    particle = tuple(row["particle"].split()) if row["particle"] != "-" else ()
    frame = set(row.get("frame", "-").split()) - {"-"}
    preps: tuple[str, ...] = ()
    for item in frame:
        if item.startswith("prep:"):
            preps = tuple(item[5:].split(","))
    variants = tuple(
        (word, _act(act))
        for word, _, act in (v.partition(">") for v in row.get("variants", "-").split())
        if act
    )
    entry = VerbEntry(
        lemma=row["lemma"],
        particle=particle,
        act=_act(row["act"]),
        reflexive="sich" in frame,
        attitude="adj" in frame,
        no_greeting="nogreet" in frame,
        preps=preps,
        variants=variants,
    )
    forms: list[tuple[str, Form]] = []
    finite = row["finite"].split()
    for i, word in enumerate(finite):
        plural = i % 2 == 1
        forms.append((word, Form(entry, "finite", plural)))
        if len(particle) == 1:
            forms.append((particle[0] + word, Form(entry, "joined", plural)))
    base_inf = finite[3] if len(finite) > 3 else None
    if len(particle) == 1 and base_inf:
        forms.append((particle[0] + "zu" + base_inf, Form(entry, "zu_inf")))
    elif not particle:
        forms.append((row["lemma"], Form(entry, "inf")))
    if row["participle"] != "-":
        *before, last = row["participle"].split()
        forms.append((last, Form(entry, "participle", words_before=tuple(before))))
    return entry, forms


@functools.cache
def lexicon() -> dict[str, tuple[Form, ...]]:
    """Every word form of the lexicon (lower case) with the readings it can have.

    Raises:
        ValueError: when the data file has a malformed row (a packaging error, never input-dependent).
    """
    table: dict[str, list[Form]] = {}
    with files("summitlib.data").joinpath(_DATA).open(encoding="utf-8") as fh:
        header_seen = False
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if not header_seen:
                header_seen = True
                if tuple(cells[: len(_COLUMNS)]) != _COLUMNS:
                    raise ValueError(f"{_DATA}: unexpected header {cells!r}")
                continue
            if len(cells) < 6:
                raise ValueError(f"{_DATA}: short row {line!r}")
            _, forms = _parse_row(cells)
            for word, form in forms:
                # Swiss and capital-less spellings write ss for ß (äusserte, heisst)
                for variant in {word.lower(), word.lower().replace("ß", "ss")}:
                    bucket = table.setdefault(variant, [])
                    if form not in bucket:
                        bucket.append(form)
    return {word: tuple(forms) for word, forms in table.items()}
