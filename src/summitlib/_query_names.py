"""Name matching for the query helpers: folding, and resolving what an analyst types to codes and keys.

An analyst writes ``"KZ"``, ``"Kasachstan"``, ``"Kazakhstan"``, ``"Tokayev"`` or ``"Tokajew"``; records
hold alpha-2 codes, organization keys, English city exonyms and canonical English person names (with the
German surface forms seen in ``Person.mentions``). This module bridges the two:

- :func:`fold` lower-cases, strips diacritics and maps German transliteration to English
  (``dsch``→``j``, ``tsch``→``ch``, ``sch``→``sh``, then ``j``→``y``, ``w``→``v``), so that
  ``fold("Tokajew") == fold("Tokayev")`` and ``fold("Duschanbe") == fold("Dushanbe")``;
- :func:`country_code`, :func:`organization_key` and :func:`city_name` resolve through the bundled
  tables ``countries.tsv``, ``country_forms.tsv``, ``organizations.tsv`` and ``cities.tsv``, loaded once
  on first use through :mod:`importlib.resources`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from summitlib._data import read_rows

if TYPE_CHECKING:
    from collections.abc import Iterator

    from summitlib.model import Person

__all__ = ["city_name", "country_code", "fold", "organization_key", "person_matches"]

_TRANSLIT = (("dsch", "j"), ("tsch", "ch"), ("sch", "sh"), ("ß", "ss"), ("j", "y"), ("w", "v"))
_ALPHA2 = re.compile(r"[A-Z]{2}")


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Fold a name for comparison: case, diacritics, German→English transliteration, spacing.

    Args:
        text: any name.

    Returns:
        The folded form (``"Kassym-Schomart Tokajew"`` → ``"kassym-shomart tokayev"``).
    """
    out = text.casefold().replace("ß", "ss")
    out = "".join(c for c in unicodedata.normalize("NFKD", out) if not unicodedata.combining(c))
    for old, new in _TRANSLIT:
        out = out.replace(old, new)
    return " ".join(out.split())


def _rows(name: str) -> Iterator[list[str]]:
    """The data rows of a bundled TSV file (comments and the header skipped)."""
    yield from read_rows(name)[1]


@functools.cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for row in _rows("countries.tsv"):
        code = row[0]
        for name in row[1:3]:
            if name:
                index.setdefault(fold(name), code)
    for row in _rows("country_forms.tsv"):
        code = row[0]
        for column in row[1:3]:
            for name in column.split("|"):
                if name and name != "-":
                    index.setdefault(fold(name), code)
    return index


@functools.cache
def _organization_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for row in _rows("organizations.tsv"):
        key = row[0]
        index.setdefault(fold(key), key)
        for column in row[1:4]:
            for name in column.split("|"):
                if name:
                    index.setdefault(fold(name), key)
    return index


@functools.cache
def _city_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for row in _rows("cities.tsv"):
        name = row[0]
        index.setdefault(fold(name), name)
        if len(row) > 5:
            for form in row[5].split("|"):
                if form:
                    index.setdefault(fold(form), name)
    return index


def country_code(text: str) -> str | None:
    """The alpha-2 code for a code, or a German or English country name (``"Kasachstan"`` → ``"KZ"``).

    Args:
        text: an alpha-2 code (upper case) or a country name in German or English.

    Returns:
        The code, or None when the text names no known country.
    """
    stripped = text.strip()
    if _ALPHA2.fullmatch(stripped):
        return stripped
    return _country_index().get(fold(stripped))


def organization_key(text: str) -> str:
    """The organization key for a key, abbreviation or name (``"GUS"`` → ``"CIS"``); else the text itself.

    Args:
        text: an organization key (``CIS``), a German abbreviation (``GUS``) or a name.

    Returns:
        The bundled key, or ``text`` unchanged when it is unknown.
    """
    return _organization_index().get(fold(text.strip()), text.strip())


def city_name(text: str) -> str:
    """The English exonym for a city name in German or English (``"Duschanbe"`` → ``"Dushanbe"``).

    Args:
        text: a city name.

    Returns:
        The bundled English exonym, or ``text`` unchanged when it is unknown.
    """
    return _city_index().get(fold(text.strip()), text.strip())


def _surnames(person: Person) -> Iterator[str]:
    yield fold(person.surname)
    for mention in person.mentions:
        words = mention.split()
        if words:
            yield fold(words[-1])


def person_matches(person: Person, query: str) -> bool:
    """Whether ``person`` is the person ``query`` names.

    A one-word query matches the folded surname of the canonical name or of any surface form seen
    (a German genitive ``-s`` allowed); a longer query matches the folded full name or a surface form.

    Args:
        person: the record's person.
        query: what the analyst typed (``"Tokayev"``, ``"Tokajew"``, ``"Wladimir Putin"``).

    Returns:
        True if they match.
    """
    wanted = fold(query)
    if not wanted:
        return False
    if " " in wanted:
        return wanted == fold(person.name) or any(wanted == fold(m) for m in person.mentions)
    return any(s in (wanted, wanted + "s") for s in _surnames(person))
