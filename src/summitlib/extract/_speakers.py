"""The speaker of a reporting verb: the subject before or after it, resolved to a named speaker.

A subject is a person, a state (also a capital as metonym: ``Eriwan kritisierte``), an organization
or, for a summit declaration, the summit's organization. Besides entity mentions it may be:

* a pronoun ``er``/``sie`` (singular verb): the most recent person that was a subject;
* ``beide Staatschefs``/``beide Seiten`` (plural verb): the two persons of the current encounter, the
  last two named (for *Seiten* they must stand for two different states);
* a person that is the only one of a sentence opening with a preposition and the name (``Für X ist es
  …``): the topic a following pronoun continues;
* a role phrase the entity finder left open (``der Gastgeber``, ``der Kanzler``): the summit chair or
  the last person of the role's country;
* an office and a name unknown to the gazetteer (``Kremlsprecher Dmitri Peskow``): learnt, so later
  surname mentions find it;
* a state body (ministry, presidential office, Kreml, Weißes Haus): its state;
* coordinated names (``Putin und Xi``, plural verb): one speaker each.
* a body as written (``Amnesty International``, ``der Ost-Ausschuss`` in its fullest earlier form, a
  company introduced by a class noun); a person introduced by a profession (``die kasachische
  Aktivistin X``, ``Dessen Vorsitzende X``) or tied to a body (``X von Human Rights Watch``);
* a title noun alone (``der Kronprinz``): the person last named with that title; a presidential
  office without its state: the state of the latest subject; ``der Gast``: the visitor (see
  :mod:`~summitlib.extract._roles`);
* a body named by a head noun with attributes (``Der Zentralrat der X in Y``), staff of a named body
  (``Die Analysten von X``), a class noun referring back (``die Förderbank`` -> the bank named before).

Role nouns are resolved in :mod:`~summitlib.extract._roles`, offices and bodies in
:mod:`~summitlib.extract._offices`; :class:`~summitlib.extract._mentions.Context` holds the mentions.

Besides sentence-opening subjects, a person named as the subject after the verb (``Deutlicher wurde
der indische Premier X``) and the subject after an agency dateline are remembered for pronouns.

:class:`Context` indexes the mentions of one document (bisection over their starts and ends) and keeps
the discourse memory the pronouns need. Every finder looks at most a few hundred characters.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

from summitlib.extract._mentions import Context, speaker_of
from summitlib.extract._offices import (
    OFFICE,
    STAFF_OF,
    TITLED,
    fullest,
    institution,
    named_org,
    org_in,
    person_of_body,
    titled_person,
)
from summitlib.extract._roles import ROLE, resolve_role
from summitlib.extract._sources import class_referent, headed_body, introduced_body, unknown_body
from summitlib.extract._speech import WINDOW
from summitlib.model import Country, Organization, Person, Speaker

if TYPE_CHECKING:
    from summitlib.extract.entities import EntityMention

__all__ = [
    "ADVERBS",
    "DECLARATION",
    "DETERMINERS",
    "RELATIVES",
    "SUBORDINATORS",
    "inverted_subject",
    "main_subject",
    "opening_pair",
    "opens_with_pronoun",
    "relative_subject",
    "subject_after",
    "subject_before",
    "subject_end",
    "subordinate_subject",
    "topic_person",
]

Subject = tuple[tuple[Speaker, ...], int]  # the speakers and where their phrase starts


def _words(line: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(line.split())


ADVERBS = (
    r"auch|zudem|dagegen|jedoch|aber|außerdem|ausserdem|nun|dann|erneut|anschließend|anschliessend|"
    r"später|bereits|ebenfalls|allerdings|daraufhin|schließlich|schliesslich|zugleich|gleichzeitig|"
    r"ferner|weiter|darüber\s+hinaus|zuvor|vorab|indes|wiederum|seinerseits|ihrerseits|sichtlich|"
    r"mehrfach|wiederholt|ausdrücklich|nochmals|vor\s+allem|insbesondere"
)

# The words between a verb and the subject that follows it (inverted verb second).
_GAP_AFTER = re.compile(
    rf"""
    \s+
    (?:sich\s+)?                                            # reflexive: "sprechen sich die X-Staaten"
    (?:(?:{ADVERBS})\s+){{0,2}}                             # adverbs: "betonte dagegen Scholz"
    (?:(?:der|die|das)\s+(?:[a-zäöüß]+(?:e|en)\s+){{0,3}})?  # determiner and adjectives
    (?:[A-ZÄÖÜ][\w.-]*\s+){{0,3}}                            # title or role words: "Gastgeber"
    """,
    re.VERBOSE,
)

# A Vorfeld that is only the subject noun phrase ending in the mention (no preposition, no verb).
_SUBJECT_PREFIX = re.compile(
    r"""
    (?i:(?:auch|selbst|zudem|gerade)\s+)?      # focus particle: "Auch die EU"
    (?i:(?:der|die|das)\s+)?                   # determiner
    (?:[A-ZÄÖÜ][\w.-]*\s+){0,4}                # role and title words: "Spaniens Ministerpräsident"
    """,
    re.VERBOSE,
)

_PREPOSITIONS = _words(
    "in im ins am an auf aus bei beim mit nach von vom vor zu zum zur über unter für gegen ohne um "
    "durch seit während wegen trotz angesichts laut gemäß neben zwischen hinter bis ab dank "
    "innerhalb außerhalb gegenüber"
)
DETERMINERS = _words("der die das ein eine dieser diese dieses jener jene")
SUBORDINATORS = _words("dass wie als nachdem weil da ob wenn obwohl während bevor seit sodass indem damit")
RELATIVES = _words("der die das")

_ROLE_WORD = re.compile(
    r"(?:[Pp]räsident|[Ss]taatschef|[Rr]egierungschef|[Pp]remier|[Kk]anzler|[Mm]inister|[Kk]önig|[Ee]mir"
    r"|[Ss]ekretär|[Ss]precher|[Vv]orsitzende)"
)

_PHRASE_END = re.compile(r"\s*(?:[,.;:!?]|$|\s*(?:mit|an|vor|auf|hervor|bekannt|zu|ein|fest|hin)\b)")
_PRONOUN_AFTER = re.compile(rf"\s+(?:(?:{ADVERBS})\s+){{0,2}}(er|sie)\b")

# "beide Staatschefs", "die beiden Präsidenten", "beide Seiten".
_BOTH = re.compile(
    r"""
    (?:die\s+)?beide[n]?\s+
    (?:(?:[a-zäöüß]+(?:e|en)\s+){0,2})
    (Seiten|Staatschefs|Präsidenten|Staatsoberhäupter|Regierungschefs|Politiker|Spitzenpolitiker
     |Amtskollegen|Leader|Staats-\s+und\s+Regierungschefs|Kollegen|Minister|Außenminister)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Group subjects of a declaration: "die Mitgliedstaaten", "die Alliierten".
_GROUP = re.compile(
    r"""
    (?:die\s+)?(?:[a-zäöüß]+(?:e|en)\s+)?
    (?:Mitgliedst?aaten|Mitgliedsstaaten|Mitglieder|Alliierten|Verbündeten|Teilnehmer|Unterzeichner
     |Staats-\s+und\s+Regierungschefs|Staatschefs|Partner|[A-Z][\w]*-Staaten|G\s?\d+(?:-Staaten)?)\b
    """,
    re.VERBOSE,
)

# A bloc named by a class noun: "die Gruppe der fünf Schwellenländer", "das Bündnis" (the summit's
# organization, or one named in the phrase).
_BLOC = re.compile(
    r"(?:[Dd]ie|[Dd]as|[Dd]er)\s+(?:Gruppe|Staatengruppe|Bündnis|Staatenbündnis|Staatenbund|Allianz)"
    r"(?:\s+(?:der|des)\s+(?:[\w-]+\s+){0,2}[\w-]+)?"
)
# The summit's leaders as a body: at a summit their joint position is the bloc's (as its declaration).
_SUMMIT_LEADERS = re.compile(
    r"(?:[Dd]ie\s+)?(?:Staats-\s+und\s+Regierungschefs|Gipfelteilnehmer|Mitgliedst?aaten|Mitgliedsstaaten)\b"
)

# A declaration as subject or place: "Die Erklärung ruft auf", "Darin", "In der Abschlusserklärung".
DECLARATION = re.compile(
    r"""
    \b(?:[Dd]arin                                    # anaphoric "in it"
    | (?:[\w-]*[Ee]rklärung|Deklaration|Kommuniqu[ée]|Abschlussdokument|Gipfeldokument|Text)\b)
    """,
    re.VERBOSE,
)

_ADVERB_GAP = re.compile(rf"\s+(?:sich\s+)?(?:(?:{ADVERBS})\s+){{0,2}}")  # "betonte dagegen …", "sprachen sich"
_DET_WORDS = re.compile(r"(?:der|die|das)\s+(?:[\w-]+\s+){0,2}")  # head of an institution phrase
_DEF_NOUN = re.compile(r"(?:Die|Das|Der)\s+[\w-]+")  # "Die Erklärung"
_LIST_GAP = re.compile(r"\s*(?:,|und|sowie)\s+(?:(?:der|die)\s+)?(?:[\w-]+\s+){0,3}")  # "Putin und Xi"
_NEXT_WORDS = re.compile(r"\s+(?:\S+\s+){0,3}\S+?(?=[\s,.;:!?]|$)")  # at most four words
_PRONOUN = re.compile(r"(?:e(?<!\we)r|s(?<!\ws)ie)\b")  # \b(er|sie)\b with literal starts (fast search)
_PRONOUN_FIRST = re.compile(r"(?:Er|Sie)\b")
_WORD = re.compile(r"[^\W\d_]+")
_NAME_APPOSITION = re.compile(r"(?:[A-ZÄÖÜ][\w'-]+\s+){0,2}[A-ZÄÖÜ][\w'-]+")
_WIE_OFFICE = re.compile(rf"(?<![\w-])[Ww]ie\s+(?:der|die)\s+(?:[\w-]+\s+){{0,4}}?(?:{OFFICE.pattern})")
_FOCUS_WORDS = ("selbst", "seinerseits", "ihrerseits", "wiederum", "indes", "jedoch", "dagegen", "hingegen")
_FOCUS_TAIL = re.compile(rf"\s+(?:{'|'.join(_FOCUS_WORDS)})\Z")
# "der indische Premierminister " before a name: nominative (weak -e adjectives, a role word in -er/-t/…)
_NOMINATIVE = re.compile(r"(?<![\w-])der\s+(?:[a-zäöüß]+e\s+){0,2}(?:[A-ZÄÖÜ][\w-]*\s+){0,2}\Z")
_NOUN_GAP = re.compile(r"(?<![\w-])(?:der|die|das)\s+(?:[a-zäöüß]+\s+){0,2}[A-ZÄÖÜ]")  # determiner + noun
_REL_AFTER_PREP = _words("dem der den denen dessen deren welchem welcher welchen")
# ------------------------------------------------------------------------------------ subject finders


def subject_before(ctx: Context, lb: int, v0: int, plural: bool) -> Subject | None:
    """The subject in the Vorfeld (verb second, subject first)."""
    text = ctx.text
    end = v0
    while end > lb and text[end - 1].isspace():
        end -= 1
    start = lb
    while start < end and text[start].isspace():
        start += 1
    if start >= end:
        return None
    first = text[start:end].split(None, 1)[0].lower()
    if first in ("und", "sowie", "oder", "aber", "doch"):
        start = start + len(first)
        while start < end and text[start].isspace():
            start += 1
        first = text[start:end].split(None, 1)[0].lower() if start < end else ""
    if first in _PREPOSITIONS and not ctx.within(start, start + 1):  # "Von der Leyen" is a name
        return None
    tail = _FOCUS_TAIL.search(text, start, end) if text.endswith(_FOCUS_WORDS, start, end) else None  # "X selbst"
    if tail is not None and tail.start() > start:
        end = tail.start()
    low = text[start:end]
    # pronoun
    if low in ("Er", "er", "Sie", "sie"):
        if plural:
            return None
        p = ctx.last_person(start)
        return ((p,), start) if p else None
    # "Beide Staatschefs"
    both = _BOTH.fullmatch(low)
    if both:
        return _pair(ctx, start, both.group(1), plural)
    headed = headed_body(text, start, end)
    if (
        headed is not None
        and not plural
        and not any(o.kind in ("person", "organization") for o in ctx.within(start, end))
    ):
        return (headed,), start  # "Der Zentralrat der Armenier in Deutschland erklärte"
    m = ctx.ending_at(end)
    if m is not None and m.span.start >= start:
        sp = speaker_of(m)
        prefix = text[start : m.span.start]
        group = _coordinated_mentions(ctx, start, m, sp) if sp is not None and m.kind != "city" else []
        if len(group) > 1:
            return (tuple(group), start) if plural else None
        if sp is not None and m.kind != "city" and _SUBJECT_PREFIX.fullmatch(prefix):
            if plural and isinstance(sp, Person):
                return None
            return (sp,), start
        if sp is not None and m.kind == "city" and prefix == "":
            return (sp,), start
    inst = institution(ctx, start, end, low)
    if inst is not None:
        return (inst,), start
    if DECLARATION.search(low) and ((ctx.org and _DEF_NOUN.fullmatch(low)) or _GROUP.search(low)):
        org = org_in(ctx, start, end)
        return ((org,), start) if org else None
    if (ctx.org and plural and _SUMMIT_LEADERS.fullmatch(low)) or (not plural and _BLOC.fullmatch(low)):
        org = org_in(ctx, start, end)
        return ((org,), start) if org else None
    body = unknown_body(text, start, end)
    if body is not None and body[1] == start and body[2] == end and not plural:
        return (fullest(ctx, body[0], start),), start
    words = low.split()
    spaced = len(words) > 1  # role, staff, class-noun, office and name-of-body phrases need a space
    role = ROLE.fullmatch(low) if spaced else None
    if role:
        p = resolve_role(ctx, start, end, role)
        return ((p,), start) if p and not plural else None
    staff = STAFF_OF.fullmatch(text, start, end) if spaced else None
    if staff is not None:
        org = named_org(ctx, staff.start("name"), end)
        return ((org,), start) if org is not None else None
    if plural:
        return None
    if spaced:
        found = _spaced_subject(ctx, start, end)
        if found is not None:
            return found[0]
    if len(words) <= 3 and all(w[0].isupper() for w in words):
        for w in (words[-1], words[0]):
            p = ctx.by_token(w, start)
            if p is not None:
                return (p,), start
        if not ctx.within(start, end) and introduced_body(text, low, start):
            return (Organization(low),), start
    return None


def _spaced_subject(ctx: Context, start: int, end: int) -> tuple[Subject | None] | None:
    """A class noun referring back, an office with a name, or a name tied to a body as the whole
    phrase ``[start, end)``: ``(subject or None,)`` when one of them decides, else None."""
    text = ctx.text
    ref = class_referent(text, start, end, max(0, start - WINDOW))
    if ref is not None and ref[1] == end and (ref[2] < 0 or not ctx.within(ref[2], ref[2] + 1)):
        return (((ref[0],), start),)  # "Die Förderbank teilte mit": the bank named before
    titled = TITLED.fullmatch(text, start, end)
    if titled:
        p = titled_person(ctx, titled)
        return (((p,), start) if p is not None else None,)
    named = person_of_body(ctx, start, end)
    if named is not None and named[1] == end:
        return (((named[0],), start),)
    return None


def _coordinated_mentions(ctx: Context, start: int, last: EntityMention, last_sp: Speaker) -> list[Speaker]:
    """``Putin und Xi`` / ``Tokajew, Putin und Xi`` before the verb: all their speakers (``last_sp``:
    the speaker of ``last``)."""
    out: list[Speaker] = []
    starts = ctx.starts
    i = bisect.bisect_left(starts, start)
    if i + 1 == len(starts) or starts[i + 1] >= last.span.end:  # the usual case: one name
        return [last_sp]
    inner = ctx.within(start, last.span.end)
    ms = [m for m in inner if speaker_of(m) is not None]
    for a, b in itertools.pairwise(ms):
        gap = ctx.text[a.span.end : b.span.start]
        if not _LIST_GAP.fullmatch(gap):
            return [sp for sp in [speaker_of(last)] if sp is not None]
    for m in ms:
        sp = speaker_of(m)
        if sp is not None and sp not in out:
            out.append(sp)
    return out


def subject_after(ctx: Context, v1: int, limit: int, plural: bool, *, own_only: bool = False) -> Subject | None:
    """The subject right after the verb (inverted verb second, parenthetical, ``so X``)."""
    text = ctx.text
    pm = _PRONOUN_AFTER.match(text, v1, limit)
    if pm:
        if plural:
            return None
        p = ctx.last_person(v1)
        return ((p,), pm.start(1)) if p else None
    if own_only:
        return None
    window_end = min(limit, v1 + 90)
    both = _BOTH.match(text, v1 + 1, window_end) if v1 < len(text) and text[v1].isspace() else None
    if both:
        return _pair(ctx, both.start(), both.group(1), plural)
    for m in ctx.within(v1, window_end):
        gap = text[v1 : m.span.start]
        if "," in gap or not _GAP_AFTER.fullmatch(gap):
            continue
        sp = speaker_of(m)
        if sp is None:
            if m.form == "adjective":  # "sagt die kasachische Aktivistin X": the name may follow
                break
            return None
        if isinstance(sp, Person) and plural:
            return None
        if m.kind == "city" and gap.strip():
            return None
        return (sp,), m.span.start
    gm = _ADVERB_GAP.match(text[v1:window_end])
    at = v1 + (gm.end() if gm else 0)
    grp = _GROUP.match(text, at, window_end)
    if grp and plural and ctx.org:
        sent_start = max(0, v1 - WINDOW)
        if _SUMMIT_LEADERS.match(text, at, window_end) or DECLARATION.search(text, sent_start, v1):
            org = org_in(ctx, grp.start(), grp.end())
            return ((org,), grp.start()) if org else None
    inst = _DET_WORDS.match(text[at:window_end])
    if inst:
        head_end = at + inst.end() + len(text[at + inst.end() : window_end].split(" ", 1)[0])
        found = institution(ctx, at, head_end, text[at:head_end])
        if found is not None:
            return (found,), at
    role = ROLE.match(text, at, window_end)
    if role and not plural:
        p = resolve_role(ctx, at, role.end(), role)
        return ((p,), at) if p else None
    if plural:
        return None
    bloc = _BLOC.match(text, at, window_end)
    if bloc:
        org = org_in(ctx, at, bloc.end())
        return ((org,), at) if org else None
    body = unknown_body(text, at, window_end)
    if body is not None and body[1] == at:
        return (fullest(ctx, body[0], at),), at
    ref = class_referent(text, at, window_end, max(0, v1 - WINDOW))
    if ref is not None and _PHRASE_END.match(text, ref[1]) and (ref[2] < 0 or not ctx.within(ref[2], ref[2] + 1)):
        return (ref[0],), at  # "teilte die Förderbank mit": the bank named before
    titled = TITLED.match(text, at, window_end)
    if titled:
        p = titled_person(ctx, titled)
        return ((p,), at) if p is not None else None
    named = person_of_body(ctx, at, window_end)
    if named is not None:
        return (named[0],), at
    word = _WORD.match(text, at, window_end)
    if word and word.group()[0].isupper():
        p = ctx.by_token(word.group(), at)
        if p is not None:
            return (p,), at
        if not ctx.within(at, word.end()) and introduced_body(text, word.group(), at):
            return (Organization(word.group()),), at
    return None


def relative_subject(ctx: Context, s0: int, lb: int, plural: bool) -> Subject | None:
    """``Tokajew, dessen Land den Vorsitz führte, bedauerte …``: the subject before a relative clause."""
    text = ctx.text
    comma = lb - 1
    lo = max(s0, comma - WINDOW)
    prev = text.rfind(",", lo, comma)
    if prev < 0:
        return None
    rel = text[prev + 1 : comma].split()
    if not rel:
        return None
    if rel[0] not in ("dessen", "deren", "der", "die", "das", "welcher", "welche", "wie"):
        # an apposition naming the subject by office: "Anwar Ibrahim, Malaysias Premierminister, sagte"
        seg0 = prev + 1 + (len(text[prev + 1 : comma]) - len(text[prev + 1 : comma].lstrip()))
        inner = [m for m in ctx.within(seg0, comma) if m.kind == "person"]
        if len(inner) == 1 and inner[0].span.end == comma and not plural:
            return (Person(inner[0].key, inner[0].country),), inner[0].span.start
        named = _wie_apposition(ctx, s0, prev, seg0, comma) if not plural else None
        if named is not None:
            return (named,), seg0
        if plural or not _ROLE_WORD.search(text, seg0, comma):
            return None
        # the name before the apposition, unknown to the gazetteer: "Gastgeber Anwar Ibrahim, …"
        head_start = max(s0, prev - 80)
        head = TITLED.search(text, head_start, prev)
        if head is None or head.end() != prev:
            return None
        return (ctx.learn(head.group("name"), head.start("name")),), head.start()
    k = prev
    while k > s0 and text[k - 1].isspace():
        k -= 1
    m = ctx.ending_at(k)
    if m is None or plural:
        return None
    sp = speaker_of(m)
    return ((sp,), m.span.start) if sp is not None and m.kind != "city" else None


def _wie_apposition(ctx: Context, s0: int, prev: int, seg0: int, comma: int) -> Person | None:
    """``wie der außenpolitische Berater des Präsidenten, Juri Uschakow, mitteilte``: the name in an
    apposition after an office opening a *wie* clause."""
    name = ctx.text[seg0:comma].rstrip()
    if not _NAME_APPOSITION.fullmatch(name):
        return None
    wie = _WIE_OFFICE.search(ctx.text, max(s0, prev - 120), prev)
    if wie is None or "," in ctx.text[wie.start() : prev]:
        return None
    inner = [m for m in ctx.within(seg0, comma) if m.kind == "person"]
    if inner and inner[0].span.start == seg0:
        return ctx.person(inner[0])
    return ctx.by_token(name.split()[-1], seg0) or ctx.learn(name, seg0)


def subject_end(ctx: Context, v1: int, limit: int) -> int:
    """Where the subject after a parenthetical verb ends (the mention, pronoun or role phrase)."""
    text = ctx.text
    end = v1
    pm = _PRONOUN_AFTER.match(text, v1, limit)
    if pm:
        return pm.end()
    both = _BOTH.match(text, v1 + 1, limit) if text[v1 : v1 + 1].isspace() else None
    if both:
        return both.end()
    group = _GROUP.match(text, v1 + 1, limit) if text[v1 : v1 + 1].isspace() else None
    if group:
        return group.end()
    for m in ctx.within(v1, min(limit, v1 + 90)):
        if _GAP_AFTER.fullmatch(text[v1 : m.span.start]):
            return m.span.end
    m2 = _NEXT_WORDS.match(text[v1:limit])
    if m2:
        end = v1 + m2.end()
    return end


def subordinate_subject(ctx: Context, lb: int, v0: int, s0: int, plural: bool) -> Subject | None:
    """Subject of a verb-final clause: after the subordinator, or the antecedent of a relative."""
    text = ctx.text
    clause = text[lb:v0]
    words = clause.split()
    if not words:
        return None
    intro = words[0]
    after = lb + clause.find(intro) + len(intro)
    if intro.lower() in _PREPOSITIONS and len(words) > 1 and words[1] in _REL_AFTER_PREP:
        after = text.find(words[1], after, v0) + len(words[1])  # "zu dem X … eingeladen hat"
        intro = words[1]
    pm = _PRONOUN.search(text[after:v0])
    if pm:
        p = None if plural else ctx.last_person(lb)
        return ((p,), lb) if p else None
    for m in ctx.within(after, v0):
        gap = text[after : m.span.start]
        if (not _GAP_AFTER.fullmatch(gap) and gap.strip()) or text.startswith("-", m.span.end):
            break  # "Kreml-Berater X": the mention is part of an office word
        if _NOUN_GAP.search(gap) and not OFFICE.search(gap) and not _ROLE_WORD.search(gap):
            break  # "dass die Partner Armenien … unterstützten": the noun phrase before is the subject
        sp = speaker_of(m)
        if sp is not None:
            return (sp,), lb
        break
    titled = TITLED.match(text, after + len(text[after:v0]) - len(text[after:v0].lstrip()), v0)
    if titled is not None:
        p = titled_person(ctx, titled)
        if p is not None and not plural:
            return (p,), lb
    inst_end = min(v0, after + 80)
    inst = institution(ctx, after, inst_end, text[after:inst_end])
    if inst is not None:
        return (inst,), lb
    if intro in RELATIVES and lb > s0:
        # the antecedent: the mention right before the comma
        k = lb - 1
        while k > s0 and text[k - 1] in " ,":
            k -= 1
        ante = ctx.ending_at(k)
        if ante is not None:
            sp = speaker_of(ante)
            if sp is not None and not plural:
                return (sp,), ante.span.start
    return None


def _pair(ctx: Context, pos: int, noun: str, plural: bool) -> Subject | None:
    """``beide Staatschefs``/``beide Seiten`` (plural verb): the two persons of the current encounter, the
    last two named (for *Seiten* they must stand for two states)."""
    if not plural:
        return None
    people = ctx.persons_before(pos, 2)
    if len(people) < 2:
        return None
    if noun.lower() == "seiten":
        # "beide Seiten" speak for their states (the corpus decision), "beide Präsidenten" for themselves
        if people[0].country == people[1].country or not people[0].country or not people[1].country:
            return None
        return tuple(Country(p.country) for p in reversed(people) if p.country), pos
    return tuple(reversed(people)), pos


def opening_pair(ctx: Context, s0: int, s1: int, plural: bool) -> tuple[Speaker, ...]:
    """``Die beiden Präsidenten …`` opening the sentence: the last two persons (or their states)."""
    both = _BOTH.match(ctx.text, s0, min(s1, s0 + 90))
    res = _pair(ctx, s0, both.group(1), plural) if both else None
    return res[0] if res else ()


def opens_with_pronoun(text: str, s0: int, s1: int) -> bool:
    """Whether the sentence ``[s0, s1)`` opens with ``Er``/``Sie`` (its subject is the latest person)."""
    return text.startswith(("Er", "Sie"), s0) and _PRONOUN_FIRST.match(text[s0 : min(s1, s0 + 4)]) is not None


def main_subject(ctx: Context, s0: int, s1: int) -> Speaker | None:
    """The speaker opening the sentence (its first noun phrase), if any."""
    text = ctx.text
    if opens_with_pronoun(text, s0, s1):
        return ctx.last_person(s0)
    if s0 == ctx.dateline[0]:  # "KAZINFORM - Präsident X …": the subject follows the dateline
        s0 = ctx.dateline[1]
    i = bisect.bisect_left(ctx.starts, s0)
    if i == len(ctx.starts) or ctx.starts[i] >= min(s1, s0 + 120):
        return None
    for m in ctx.mentions[i : i + 2]:  # the first mention, or a name after a genitive ("Russlands Präsident X")
        prefix = text[s0 : m.span.start]
        if prefix:
            if "," in prefix or not _SUBJECT_PREFIX.fullmatch(prefix):
                return None
            words = prefix.split()
            if words and words[0].lower() in _PREPOSITIONS:
                return None
        if m.kind == "city" or text.startswith(("s ", "-"), m.span.end):
            return None
        sp = speaker_of(m)
        if sp is not None or m.kind != "country" or m.form != "genitive":
            return sp
    return None


def topic_person(ctx: Context, s0: int, s1: int) -> Person | None:
    """The only person of a sentence that opens with a preposition and that person (``Für X ist es der
    erste Besuch …``): the topic a following ``er``/``sie`` continues."""
    text = ctx.text
    i = bisect.bisect_left(ctx.starts, s0)
    if i == len(ctx.starts) or ctx.starts[i] >= min(s1, s0 + 40):
        return None
    m = ctx.mentions[i]
    words = text[s0 : m.span.start].split()
    if m.kind != "person" or not words or words[0].lower() not in _PREPOSITIONS or len(words) > 3:
        return None
    if not all(w[0].isupper() for w in words[1:]):
        return None  # "Für den Besuch von X": X is no topic
    if any(o.kind == "person" and o.key != m.key for o in ctx.within(m.span.end, s1)):
        return None
    return ctx.person(m)


def inverted_subject(ctx: Context, s0: int, s1: int) -> Person | None:
    """A person named as the subject after the finite verb: ``Deutlicher wurde der indische Premier X``
    (a nominative determiner and role words right before the name, no preposition before them)."""
    text = ctx.text
    i = bisect.bisect_left(ctx.starts, s0)
    for m in ctx.mentions[i : i + 3]:
        if m.span.start >= s1:
            return None
        if m.kind != "person":
            continue
        d = text.rfind("der ", max(s0, m.span.start - 80), m.span.start)
        head = _NOMINATIVE.match(text, d, m.span.start) if d >= 0 else None
        if head is None or "," in text[s0 : m.span.start]:
            return None
        before = text[max(s0, head.start() - 20) : head.start()].split()
        if not before or before[-1].lower() in _PREPOSITIONS:
            return None
        return ctx.person(m)
    return None
