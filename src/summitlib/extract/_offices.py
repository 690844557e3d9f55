"""Persons named by an office and bodies as speakers.

* an unknown person introduced by an office or profession (``Kremlsprecher Dmitri Peskow``, ``die
  Zentralasien-Expertin X``, ``des Vorstandschefs der Bank, X Y,``) is learnt, so later surname mentions
  find it (:func:`titled_at`, :func:`titled_person`); ``X Y von Human Rights Watch`` ties a name to a body;
* staff of a named organization (``Die Analysten von X``) stand for the organization (:data:`STAFF_OF`);
* a state body (ministry, presidential office, Kreml, Weißes Haus) gives its state (:func:`institution`);
  a declaration its bloc (:func:`org_in`); a body as written takes its fullest earlier form (:func:`fullest`).

Every finder looks at a window of at most a few hundred characters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summitlib.extract._sources import fullest_body, named_body, unknown_body
from summitlib.model import Country, Organization, Person, Speaker

if TYPE_CHECKING:
    from summitlib.extract._mentions import Context

__all__ = [
    "OFFICE",
    "OFFICES",
    "STAFF_OF",
    "TITLED",
    "fullest",
    "institution",
    "named_org",
    "org_in",
    "person_of_body",
    "titled_at",
    "titled_person",
]

# Offices and professions that introduce a name ("NDB-Präsidentin", "Zentralasien-Expertin"); lower
# case inside compounds ("Kremlsprecher"), either case after a hyphen or alone.
OFFICES = (
    r"[Ss]precher|[Mm]inister|[Pp]räsident|[Cc]hef|[Ss]ekretär|[Kk]anzler|[Bb]erater|[Bb]otschafter"
    r"|[Vv]orsitzende|[Gg]ouverneur|[Ee]xpert|[Aa]nalyst|[Pp]olitolog|[Öö]konom|[Hh]istoriker"
    r"|[Ww]issenschaftler|[Ff]orscher|[Dd]irektor|[Ll]eiter|[Aa]ktivist|[Mm]enschenrechtler|[Jj]ournalist"
    r"|[Aa]nwalt|[Aa]nwält|[Gg]ründer|[Gg]eschäftsführer|[Vv]orstand|[Kk]orrespondent"
)
OFFICE = re.compile(rf"(?<![\w-])(?:[\w-]*(?:{OFFICES})(?:in|r|e|en)?|Gastgeber(?:in)?)\b")

# An unknown person introduced by an office or profession: "Kremlsprecher Dmitri Peskow", "die
# Zentralasien-Expertin Katharina Brenner" (unnamed "Experten" are no speakers).
TITLED = re.compile(
    rf"""
    (?:(?:[Dd]er|[Dd]ie|[Dd]essen|[Dd]eren|[Ss]eine?|[Ii]hre?)\s+(?:[a-zäöüß]+(?:e|en)\s+){{0,2}})?
    (?:[\w-]*(?:{OFFICES})
     |Gastgeber)                                                    # office, profession or host
    (?:in|r|e)?\s+
    (?P<name>(?:[A-ZÄÖÜ][\w'-]+\s+){{0,2}}[A-ZÄÖÜ][\w'-]+)          # one to three name words
    """,
    re.VERBOSE,
)

# Staff of a named organization as subject: "Die Analysten von CABAR.asia" (unnamed staff alone are no
# speakers; the organization speaks).
STAFF_OF = re.compile(
    r"""(?:[Dd]ie|[Dd]er)\s+(?:[a-zäöüß]+en\s+)?
    (?:Analyst(?:en|in)|Expert(?:en|in)|Forscher(?:in|innen)?|Ökonom(?:en|in)|Fachleute|Wissenschaftler(?:in|innen)?
     |Autor(?:en|in)|Mitarbeiter(?:in|innen)?)
    \s+(?:von|vom|des|der|bei|beim)\s+
    (?P<name>(?:[A-ZÄÖÜ][\w.&'-]*\s+){0,3}[A-ZÄÖÜ][\w.&'-]*[\w])""",
    re.VERBOSE,
)

# A name in apposition after an office in the genitive: "des Vorstandschefs der Bank, Boris Kalinin,"
_OFFICE_APPOSITION = re.compile(
    rf"""(?:[a-zäöüß]+en\s+){{0,2}}[\w-]*(?:{OFFICES})(?:s|en|in)?
    (?:\s+(?:der|des)\s+(?:[\w-]+\s+){{0,2}}?[\w-]+)?
    ,\s+(?P<name>(?:[A-ZÄÖÜ][\w'-]+\s+){{1,2}}[A-ZÄÖÜ][\w'-]+)(?=\s*[,;)])""",
    re.VERBOSE,
)

# A state body as subject: ministries, presidential offices and press services. Named seats of
# government (Kreml, Weißes Haus, Akorda, …) are data: see :func:`~summitlib.extract._sources.named_body`.
_INSTITUTION = re.compile(
    r"""
    \b(?:
      [\w-]*[Mm]inisterium | Präsidialamt | Präsidialverwaltung | Präsidentenamt | Präsidentenpalast
    | Präsidialkanzlei | Pressedienst | Presseamt | Pressestelle | Regierung | Botschaft | Administration
    | Staatsführung | Präsidentschaft
    )""",
    re.VERBOSE,
)

# A presidential office without its state ("das Präsidialamt teilte mit"): the state of the latest subject.
_PRESIDENTIAL = re.compile(
    r"Präsidialamt|Präsidialverwaltung|Präsidentenamt|Präsidentenpalast|Präsidialkanzlei|Präsidentschaft"
    r"|Press(?:edienst|estelle|eamt)\s+des\s+(?:Präsidenten|Staatschefs|Staatsoberhaupt)"
)
# an unknown two-word name tied to a body: "Nora Feldhaus von Human Rights Watch"
_NAME_OF_BODY = re.compile(r"(?P<name>[A-ZÄÖÜ][\w'-]+\s+[A-ZÄÖÜ][\w'-]+)\s+(?:von|vom)\s+")


def named_org(ctx: Context, start: int, end: int) -> Organization | None:
    """The organization named in ``text[start:end]``: a mention, else a name the gazetteer does not
    know (no person or place there)."""
    inner = ctx.within(start, end)
    if inner:
        m = inner[0]
        return Organization(m.key) if m.kind == "organization" and m.span.start == start else None
    name = " ".join(ctx.text[start:end].split())
    return Organization(name) if name and name[0].isupper() else None


def titled_at(ctx: Context, start: int, end: int, *, ending: bool = False) -> tuple[Person, int, int] | None:
    """A person named by an office in ``text[start:end]`` (``Kremlberater X Y``, ``des Vorstandschefs der
    Bank, X Y``), at ``start`` (or ending at ``end``), with where the phrase starts and ends."""
    text = ctx.text
    if ending:
        m = TITLED.search(text, start, end)
        if m is None or m.end() != end:
            return None
    else:
        m = TITLED.match(text, start, end)
        if m is None:
            app = _OFFICE_APPOSITION.match(text, start, end)
            if app is None:
                return None
            at = app.start("name")
            inner = [o for o in ctx.within(at, app.end()) if o.kind == "person"]
            name = app.group("name")
            known = ctx.person(inner[0]) if inner else ctx.by_token(name.split()[-1], at)
            return known or ctx.learn(name, at), app.start(), app.end()
    p = titled_person(ctx, m)
    return (p, m.start(), m.end()) if p is not None else None


def titled_person(ctx: Context, m: re.Match[str]) -> Person | None:
    """The person a ``TITLED`` match names: a known person mention in it, else the name learnt; none
    when the name words are a place or a body (``der Sprecher Russlands``)."""
    for ment in ctx.within(m.start(), m.end("name")):
        if ment.kind == "person" and ment.span.end >= m.start("name"):
            return ctx.person(ment)
        if ment.span.start >= m.start("name"):
            return None
    return ctx.learn(m.group("name"), m.start("name"))


def person_of_body(ctx: Context, at: int, limit: int) -> tuple[Person, int] | None:
    """``Nora Feldhaus von Human Rights Watch``: an unknown two-word name tied to a body, and the
    phrase end."""
    text = ctx.text
    m = _NAME_OF_BODY.match(text, at, limit)
    if m is None or ctx.within(at, m.end("name")):
        return None
    rest = m.end()
    body = unknown_body(text, rest, min(limit, rest + 80))
    if body is not None and body[1] == rest:
        return ctx.learn(m.group("name"), at), body[2]
    org = ctx.within(rest, rest + 1)
    if org and org[0].kind == "organization":
        return ctx.learn(m.group("name"), at), org[0].span.end
    return None


def fullest(ctx: Context, org: Organization, pos: int) -> Organization:
    """A body as written, in the fullest form the text gives before ``pos``."""
    full = fullest_body(ctx.text, org.key, pos)
    return org if full == org.key else Organization(full)


def institution(ctx: Context, start: int, end: int, phrase: str) -> Speaker | None:
    """The state of a state body named in ``phrase`` (``das kasachische Außenministerium``, ``der Kreml``,
    ``der Pressedienst des Kremls``); a named international body gives its organization."""
    named = named_body(phrase)
    if named is not None:
        return named
    found = _INSTITUTION.search(phrase)
    if found is None:
        return None
    for mention in ctx.within(start, end):
        if mention.kind in ("country", "city", "person") and mention.country:
            return Country(mention.country)
    if _PRESIDENTIAL.match(phrase, found.start()):  # "das Präsidialamt": the president's in context
        p = ctx.last_person(start)
        return Country(p.country) if p is not None and p.country else None
    return None


def org_in(ctx: Context, start: int, end: int) -> Organization | None:
    """The organization named in ``[start, end)``, else the summit's (the author of its declaration)."""
    for m in ctx.within(start, end):
        if m.kind == "organization":
            return Organization(m.key)
    return Organization(ctx.org) if ctx.org else None
