"""The one converter between the model and JSON-compatible data: the JSON contract of SPEC.md.

Policy, applied to every model class:

- dates are ISO strings; a :class:`~summitlib.model.PartialDate` is ``{"start", "end", "precision"}``
  except an article's ``published``, which is the ISO form at its precision (``2025-10-14``, ``2025-10``);
- ``Decimal`` amounts are decimal strings (``"17000000000"``), never floats;
- spans are ``{"start", "end", "text"}`` offsets into the article text;
- countries are ISO 3166-1 alpha-2 strings; a speaker is ``{"name", "country"}`` for a person,
  ``{"country"}`` for a state and ``{"organization"}`` for a body (plus ``"name"``, the body's name as
  written, when it is not one of the organization keys: ``{"organization": "Amnesty International",
  "name": "Amnesty International"}``);
- enums are their string values; tuples are lists;
- extra keys are written where useful (``cameo`` on statements) and ignored when reading.

``from_jsonable(to_jsonable(x), type(x)) == x`` holds for every model class.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import IO, Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from summitlib.errors import ContractError
from summitlib.model import (
    Agreement,
    Article,
    Count,
    Extraction,
    Meeting,
    Money,
    Organization,
    PartialDate,
    Person,
    Precision,
    Span,
    Speaker,
    Statement,
    Summit,
)

__all__ = [
    "converter",
    "dump_jsonl",
    "from_json",
    "from_jsonable",
    "load_jsonl",
    "to_json",
    "to_jsonable",
]

T = TypeVar("T")

converter = cattrs.Converter(omit_if_default=False)


# ----------------------------------------------------------------- scalars
def _unstructure_date(value: dt.date) -> str:
    return value.isoformat()


def _structure_date(value: Any, _: type) -> dt.date:
    return dt.date.fromisoformat(str(value))


converter.register_unstructure_hook(dt.date, _unstructure_date)
converter.register_structure_hook(dt.date, _structure_date)
converter.register_unstructure_hook(Decimal, lambda d: format(d, "f"))
converter.register_structure_hook(Decimal, lambda v, _: Decimal(str(v)))


def _structure_partial_date(value: Any, _: type) -> PartialDate:
    if isinstance(value, str):
        return PartialDate.parse(value)
    start = dt.date.fromisoformat(value["start"])
    end = dt.date.fromisoformat(value.get("end") or value["start"])
    return PartialDate(start, end, Precision(value.get("precision", "day")))


converter.register_unstructure_hook(
    PartialDate,
    lambda d: {"start": d.start.isoformat(), "end": d.end.isoformat(), "precision": d.precision.value},
)
converter.register_structure_hook(PartialDate, _structure_partial_date)


def _structure_count(value: Any, _: Any) -> Count:
    if value is None or value == "several":
        return value  # type: ignore[no-any-return]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"an agreement count is an integer, 'several' or null, not {value!r}")
    return value


converter.register_structure_hook(Count, _structure_count)


# ----------------------------------------------------------------- speakers
def _unstructure_speaker(value: Speaker) -> dict[str, Any]:
    if isinstance(value, Person):
        return converter.unstructure(value, Person)  # type: ignore[no-any-return]
    if isinstance(value, Organization):
        if value.key in _known_organizations():
            return {"organization": value.key}
        # a body the gazetteer does not know (an NGO, a company, a bank): its name as written
        return {"organization": value.key, "name": value.key}
    return {"country": value.code}


@functools.cache
def _known_organizations() -> frozenset[str]:
    from summitlib.gazetteer import organizations

    return frozenset(o.key for o in organizations())


def _structure_speaker(value: Any, _: Any) -> Speaker:
    from summitlib.model import Country

    if value.get("organization"):
        return Organization(str(value["organization"]))
    if value.get("name"):
        return converter.structure(value, Person)
    if value.get("country"):
        return Country(str(value["country"]))
    raise ValueError(f"a speaker needs 'name', 'organization' or 'country': {value!r}")


converter.register_structure_hook(Speaker, _structure_speaker)


# ----------------------------------------------------------------- records
converter.register_unstructure_hook(
    Person, make_dict_unstructure_fn(Person, converter, mentions=override(omit_if_default=True))
)


def _unstructure_statement(value: Statement) -> dict[str, Any]:
    return {
        "speaker": _unstructure_speaker(value.speaker),
        "act": value.act.value,
        "cameo": value.cameo,
        "direct_quote": value.direct_quote,
        "quote": value.quote,
        "content": value.content,
        "summit": value.summit,
        "verb": value.verb,
        "evidence": converter.unstructure(value.evidence, Span),
    }


converter.register_unstructure_hook(Statement, _unstructure_statement)
converter.register_structure_hook(
    Statement,
    make_dict_structure_fn(Statement, converter, speaker=override(struct_hook=_structure_speaker)),
)


def _unstructure_article(value: Article) -> dict[str, Any]:
    return {
        "id": value.id,
        "source": value.source,
        "published": value.published.isoformat() if value.published is not None else None,
        "outlet": value.outlet,
        "language": value.language,
        "text": value.text,
        "paragraphs": [converter.unstructure(s, Span) for s in value.paragraphs],
        "subheadings": [converter.unstructure(s, Span) for s in value.subheadings],
    }


converter.register_unstructure_hook(Article, _unstructure_article)

for _cls in (Summit, Meeting, Agreement, Money, Extraction, Span):
    converter.register_unstructure_hook(_cls, make_dict_unstructure_fn(_cls, converter))


# ----------------------------------------------------------------- helpers
def to_jsonable(obj: Any) -> Any:
    """Turn a model object (or a list/tuple of them) into JSON-compatible data."""
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(x) for x in obj]
    return converter.unstructure(obj, type(obj) if attrs.has(type(obj)) else None)


def from_jsonable(data: Any, cls: type[T]) -> T:
    """Build a model object of ``cls`` from JSON-compatible data.

    Raises:
        ContractError: when the data does not fit ``cls``; the message lists every bad path.
    """
    try:
        return converter.structure(data, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError, AttributeError) as exc:
        details = cattrs.transform_error(exc) if isinstance(exc, cattrs.BaseValidationError) else [str(exc)]
        raise ContractError(f"not a valid {cls.__name__}: " + "; ".join(details)) from exc


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """Serialize a model object to a JSON string (UTF-8 text, non-ASCII kept)."""
    return json.dumps(to_jsonable(obj), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Parse a JSON string into a model object of ``cls``."""
    return from_jsonable(json.loads(text), cls)


def dump_jsonl(extractions: Iterable[Extraction], fp: IO[str]) -> int:
    """Write one JSON object per line; return how many were written."""
    n = 0
    for ex in extractions:
        fp.write(to_json(ex))
        fp.write("\n")
        n += 1
    return n


def load_jsonl(fp: IO[str]) -> Iterator[Extraction]:
    """Read Extractions written by :func:`dump_jsonl`, skipping blank lines."""
    for line in fp:
        if line.strip():
            yield from_json(line, Extraction)
