"""Typed, lazily loaded gazetteers of countries, cities, leaders, organizations and role nouns.

The tables are package data (``summitlib/data/*.tsv``, provenance in ``data/SOURCES.md``), read once on
first use through :func:`importlib.resources.files` Traversables (so they work from wheels and zips) and
cached. Rows are frozen attrs classes; lookups that fail raise
:class:`summitlib.errors.UnknownEntityError` (a ``LookupError``).

Why here and not in the extractors: one place owns the data and its invariants; the entity finder
(:mod:`summitlib.extract.entities`) compiles its automaton from these rows.
"""

from __future__ import annotations

import datetime as dt
import functools

import attrs

from summitlib._data import read_records
from summitlib.errors import UnknownEntityError

__all__ = [
    "LEADER_ROLES",
    "ROLES",
    "CityRow",
    "CountryRow",
    "LeaderRow",
    "OrganizationRow",
    "RoleRow",
    "cities",
    "city",
    "countries",
    "country",
    "country_name",
    "genitive",
    "inflect_adjective",
    "leader",
    "leaders",
    "leaders_of",
    "leads_on",
    "organization",
    "organizations",
    "roles",
]

#: The closed vocabulary of the ``role`` column of ``leaders.tsv`` and ``roles.tsv``.
ROLES: frozenset[str] = frozenset(
    {"head_of_state", "head_of_government", "eu_president", "secretary_general", "minister", "other"}
)
#: Roles that make a person a leader in the sense of the annotation guide.
LEADER_ROLES: frozenset[str] = frozenset({"head_of_state", "head_of_government", "eu_president"})

_ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")


@attrs.frozen
class CountryRow:
    """A state (or the EU): names, genitives, adjective forms, demonyms and compound prefixes."""

    code: str
    name_de: str
    name_en: str
    names: tuple[str, ...] = ()
    genitives: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()


@attrs.frozen
class CityRow:
    """A city: English exonym, state, German surface forms, capital flag and metonym target."""

    name_en: str
    country: str
    forms: tuple[str, ...]
    capital: bool = False
    population: int = 0
    geonameid: int | None = None
    metonym: str | None = None


@attrs.frozen
class LeaderRow:
    """One tenure of one office holder (a person with two tenures has two rows)."""

    canonical: str
    country: str | None
    role: str
    start: dt.date
    end: dt.date | None
    forms: tuple[str, ...]
    surnames: tuple[str, ...] = ()
    weak_surnames: tuple[str, ...] = ()
    organization: str | None = None

    def in_office(self, on: dt.date) -> bool:
        """Whether the tenure covers the day ``on`` (start and end inclusive)."""
        return self.start <= on and (self.end is None or on <= self.end)

    @property
    def is_leader(self) -> bool:
        """Head of state/government or EU president."""
        return self.role in LEADER_ROLES


@attrs.frozen
class OrganizationRow:
    """An organization or summit format, keyed as in the JSON contract."""

    key: str
    name_en: str
    names: tuple[str, ...]
    abbreviations: tuple[str, ...]


@attrs.frozen
class RoleRow:
    """A German role noun, the role it denotes and the state (or EU) it implies, if any."""

    form: str
    role: str
    country: str | None
    plural: bool = False


def _read(name: str) -> list[dict[str, str]]:
    """Rows of a package-data TSV as dicts (see :func:`summitlib._data.read_records`)."""
    return read_records(name)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip() and x.strip() != "-")


def inflect_adjective(stem: str) -> tuple[str, ...]:
    """All six strong/weak endings of a German adjective stem: ``kasachisch`` -> ``kasachisch, -e, ...``."""
    return tuple(stem + e for e in _ADJ_ENDINGS)


def genitive(name: str) -> str | None:
    """The article-less genitive of a name (``Tokajew`` -> ``Tokajews``); None after -s, -x, -z, -ß."""
    if not name or name[-1] in "sxzßSXZ'":
        return None
    return name + "s"


def _date(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


@functools.cache
def countries() -> tuple[CountryRow, ...]:
    """Every country (and the EU), CLDR names merged with the curated forms, sorted by code."""
    en = {r["code"]: r for r in _read("countries.tsv")}
    forms = {r["code"]: r for r in _read("country_forms.tsv")}
    out = []
    for code in sorted(set(en) | set(forms)):
        base = en.get(code)
        f = forms.get(code, {})
        name_de = base["name_de"] if base else _split(f.get("names", ""))[0]
        name_en = base["name_en"] if base else code
        names = tuple(dict.fromkeys((name_de, *_split(f.get("names", "")))))
        if f.get("genitives", "") == "-":
            gens: tuple[str, ...] = ()
        elif f.get("genitives"):
            gens = _split(f["genitives"])
        else:
            g = None if name_de.endswith(("e", "ei")) else genitive(name_de)
            gens = (g,) if g else ()
        adjs = tuple(x for stem in _split(f.get("adjectives", "")) for x in inflect_adjective(stem))
        out.append(
            CountryRow(
                code,
                name_de,
                name_en,
                names,
                gens,
                adjs,
                _split(f.get("demonyms", "")),
                _split(f.get("prefixes", "")),
            )
        )
    return tuple(out)


@functools.cache
def _country_index() -> dict[str, CountryRow]:
    return {c.code: c for c in countries()}


def country(code: str) -> CountryRow:
    """The country with alpha-2 ``code`` (case-insensitive); raises UnknownEntityError."""
    try:
        return _country_index()[code.upper()]
    except KeyError:
        raise UnknownEntityError(f"unknown country code {code!r}") from None


def country_name(code: str, lang: str = "de") -> str:
    """The short name of a country in German (``lang="de"``) or English (``"en"``)."""
    row = country(code)
    if lang == "de":
        return row.name_de
    if lang == "en":
        return row.name_en
    raise ValueError(f"unsupported language {lang!r}; use 'de' or 'en'")


@functools.cache
def cities() -> tuple[CityRow, ...]:
    """Capitals of all states and the curated summit venues."""
    return tuple(
        CityRow(
            r["name_en"],
            r["country"],
            _split(r["forms"]),
            r["capital"] == "1",
            int(r["population"] or 0),
            int(r["geonameid"]) if r["geonameid"] else None,
            r["metonym"] or None,
        )
        for r in _read("cities.tsv")
    )


def city(name: str) -> CityRow:
    """The city with English name or surface form ``name``; raises UnknownEntityError."""
    for row in cities():
        if name == row.name_en or name in row.forms:
            return row
    raise UnknownEntityError(f"unknown city {name!r}")


@functools.cache
def leaders() -> tuple[LeaderRow, ...]:
    """Every tenure in ``leaders.tsv``, in file order."""
    out = []
    for r in _read("leaders.tsv"):
        sur = _split(r["surnames"])
        start = _date(r["start"])
        if start is None:
            raise ValueError(f"leaders.tsv: {r['canonical']} has no start date")
        out.append(
            LeaderRow(
                r["canonical"],
                r["country"] or None,
                r["role"],
                start,
                _date(r["end"]),
                _split(r["forms"]),
                tuple(s for s in sur if not s.startswith("?")),
                tuple(s[1:] for s in sur if s.startswith("?")),
                r["organization"] or None,
            )
        )
    return tuple(out)


@functools.cache
def _tenures() -> dict[str, tuple[LeaderRow, ...]]:
    out: dict[str, list[LeaderRow]] = {}
    for r in leaders():
        out.setdefault(r.canonical, []).append(r)
    return {k: tuple(v) for k, v in out.items()}


def leads_on(canonical: str, on: dt.date, *, slack_days: int = 31) -> bool | None:
    """Whether the person with this canonical name held a leader's office around day ``on``.

    Returns None for a person the gazetteer does not know (the text is all there is to go by).
    """
    rows = _tenures().get(canonical)
    if rows is None:
        return None
    slack = dt.timedelta(days=slack_days)
    return any(r.is_leader and r.start - slack <= on and (r.end is None or on <= r.end + slack) for r in rows)


def leader(name_or_form: str) -> LeaderRow:
    """The latest tenure of the person with this canonical name or full surface form.

    A surname-only form is accepted when it names one person only (``Tokajew``); an ambiguous one
    (``Berdimuhamedow``) raises UnknownEntityError like an unknown name (use :func:`leaders_of`).
    """
    hits = [r for r in leaders() if name_or_form == r.canonical or name_or_form in r.forms]
    if not hits:
        hits = [r for r in leaders() if name_or_form in r.surnames]
        if len({r.canonical for r in hits}) > 1:
            names = sorted({r.canonical for r in hits})
            raise UnknownEntityError(f"ambiguous surname {name_or_form!r}: {', '.join(names)}")
    if not hits:
        raise UnknownEntityError(f"unknown leader {name_or_form!r}")
    return max(hits, key=lambda r: r.start)


def leaders_of(country: str, role: str, on: dt.date) -> list[LeaderRow]:
    """The holders of ``role`` for ``country`` (alpha-2, ``EU``, or an org key like ``UN``) on day ``on``."""
    return [r for r in leaders() if r.role == role and (country in (r.country, r.organization)) and r.in_office(on)]


@functools.cache
def organizations() -> tuple[OrganizationRow, ...]:
    """Every organization and summit format, sorted by key."""
    return tuple(
        OrganizationRow(r["key"], r["name_en"], _split(r["names"]), _split(r["abbreviations"]))
        for r in _read("organizations.tsv")
    )


def organization(key: str) -> OrganizationRow:
    """The organization with ``key`` (``CIS``, ``SCO``, ``C5+1``...); raises UnknownEntityError."""
    for row in organizations():
        if row.key == key:
            return row
    raise UnknownEntityError(f"unknown organization {key!r}")


@functools.cache
def roles() -> tuple[RoleRow, ...]:
    """Every German role noun of ``roles.tsv``."""
    return tuple(RoleRow(r["form"], r["role"], r["country"] or None, r["plural"] == "1") for r in _read("roles.tsv"))
