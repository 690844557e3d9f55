"""Role and title nouns as speakers: ``der Gastgeber``, ``der Kanzler``, ``der Kronprinz``, ``der Gast``.

A role phrase the entity finder left open means a person named before:

* ``der Gastgeber`` (``laut Gastgeber``, ``des Gastgebers``): the summit's chair, else the person the
  text last named as host (``Gastgeber war … X``, ``Sein Gastgeber X``);
* a role with an implied state (``der Kremlchef``: RU, ``der Kanzler``: DE): the last person of that
  state; ``der Bundespräsident``: the person last named with that title, else the last German;
* a title one person holds (``der Kronprinz``, ``der Emir``): the person last named with it;
* ``der Gast``/``der Besucher``: the visitor of the current encounter, the latest person who is not
  its host (the one named as host or receiving: ``X empfing ihn``);
* any other role: the latest subject.

Every look-up is bounded (at most 30 mentions back, 90 characters before a name).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summitlib.extract._mentions import Context
    from summitlib.model import Person

__all__ = ["ROLE", "host_before", "resolve_role", "role_person", "titled_before"]

# Titles one person holds: "der Kronprinz" means the one named with that title before.
_TITLE_ROLES = frozenset(("Kronprinz", "Emir", "König", "Sultan", "Scheich", "Monarch"))

# A role phrase the entity finder left unresolved: "der Gastgeber", "der Kanzler".
ROLE = re.compile(
    r"""
    (?:[Dd]er|[Dd]ie|[Dd]as)\s+(?:[a-zäöüß]+(?:e|en)\s+){0,2}
    (?P<role>Präsident(?:in)?|Staatschef(?:in)?|Staatsoberhaupt|Regierungschef(?:in)?
     |Ministerpräsident(?:in)?|Premier(?:minister)?(?:in)?|(?P<de>Bundes)?[Kk]anzler(?:in)?
     |Bundespräsident(?:in)?|Kremlchef|Gastgeber(?:in)?|Außenminister(?:in)?|Aussenminister(?:in)?
     |Generalsekretär(?:in)?|Amtskollege|Ratspräsident(?:in)?|Kommissionspräsident(?:in)?|Monarch
     |König|Emir|Sultan|Scheich|Kronprinz|Machthaber|Gast|Besucher(?:in)?)\b
    """,
    re.VERBOSE,
)
_GUEST = ("Gast", "Besucher", "Besucherin")
# the host of an encounter: "X empfing ihn", "X empfing seinen Gast"
_RECEIVED = re.compile(r"\s+(?:(?:hatte|hat)\s+)?(?:empfing|empfängt|begrüßte)\b")


def role_person(ctx: Context, pos: int, role: str) -> Person | None:
    """The person a bare role noun means (``des Präsidenten``, ``des Kremlchefs``, ``laut Gastgeber``):
    the host for *Gastgeber*, the last person of the role's implied state, else the latest subject."""
    if role.startswith("Gastgeber"):
        return ctx.chair if ctx.chair is not None else host_before(ctx, pos)
    country = "RU" if role.startswith("Kreml") else "DE" if role.startswith(("Kanzler", "Bundes")) else None
    if country:
        return next((p for p in ctx.persons_before(pos) if p.country == country), None)
    return ctx.last_person(pos)


def resolve_role(ctx: Context, start: int, end: int, role: re.Match[str]) -> Person | None:
    """The person a role phrase means: a name in it, the host for *Gastgeber*, the visitor for *Gast*,
    else the last person of the role's country (Kremlchef: RU, Bundeskanzler: DE) or the last person."""
    country = None
    for m in ctx.within(start, end):
        if m.kind == "person":
            return ctx.person(m)
        if m.kind == "country":
            country = m.key
    name = role.group("role")
    if name in _GUEST:
        return guest_before(ctx, start)
    if name.startswith("Kreml"):
        country = "RU"
    elif name.startswith("Bundespräsident"):
        bound = titled_before(ctx, start, "Bundespräsident")
        if bound is not None:
            return bound
        country = "DE"
    elif role.group("de") or name.startswith("Bundes"):
        country = "DE"
    elif name.startswith("Gastgeber"):
        return ctx.chair if ctx.chair is not None else host_before(ctx, start)
    if country:
        for p in ctx.persons_before(start):
            if p.country == country:
                return p
        return None
    if name in _TITLE_ROLES:
        bound = titled_before(ctx, start, name)
        if bound is not None:
            return bound
    return ctx.last_person(start)


def host_before(ctx: Context, pos: int) -> Person | None:
    """The person last named as host (``Gastgeber war X``, ``Sein Gastgeber X``) or receiving a guest
    (``X empfing ihn``) before ``pos``."""
    named = titled_before(ctx, pos, "Gastgeber")
    text = ctx.text
    i = bisect.bisect_left(ctx.starts, pos)
    for m in ctx.mentions[max(0, i - 30) : i][::-1]:
        if named is not None and m.key == named.name:
            return named
        if m.kind == "person" and _RECEIVED.match(text, m.span.end, m.span.end + 24):
            return ctx.person(m)
    return named


def guest_before(ctx: Context, pos: int) -> Person | None:
    """``der Gast``: the latest person named before ``pos`` who is not the host of the encounter."""
    host = host_before(ctx, pos)
    if host is None:
        return None
    return next((p for p in ctx.persons_before(pos, 3) if p.name != host.name), None)


def titled_before(ctx: Context, pos: int, role: str) -> Person | None:
    """The latest person the text names with a title (``Kronprinz Mohammed …``, ``des Kronprinzen …,
    Mohammed …``, ``Gastgeber war der Präsident X``): the title word stands at most 90 characters before
    the name (30 mentions back), with no other person between them."""
    text = ctx.text
    i = bisect.bisect_left(ctx.starts, pos)
    for m in ctx.mentions[max(0, i - 30) : i][::-1]:
        if m.kind != "person":
            continue
        title = text.rfind(role, max(0, m.span.start - 90), m.span.end)
        if title >= 0 and not any(o.kind == "person" for o in ctx.within(title, m.span.start)):
            return ctx.person(m)  # no other person between the title and the name
    return None
