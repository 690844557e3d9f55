"""The speaker of a reporting verb: the subject before or after it, resolved to a named speaker.

A subject is a person, a state (also a capital as metonym: ``Eriwan kritisierte``), an organization
or, for a summit declaration, the summit's organization. Besides entity mentions it may be:

* a pronoun ``er``/``sie`` (singular verb): the most recent person that was a subject;
* ``beide Staatschefs``/``beide Seiten`` (plural verb): the last two persons (their states for *Seiten*);
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
  office without its state: the state of the latest subject.

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

from summitlib.extract._sources import fullest_body, introduced_body, named_body, unknown_body
from summitlib.extract._speech import WINDOW
from summitlib.model import Country, Organization, Person, Speaker, Summit

if TYPE_CHECKING:
    from collections.abc import Sequence

    from summitlib.extract._doc import Doc
    from summitlib.extract.entities import EntityMention

__all__ = [
    "ADVERBS",
    "DECLARATION",
    "DETERMINERS",
    "RELATIVES",
    "SUBORDINATORS",
    "Context",
    "fullest",
    "institution",
    "inverted_subject",
    "main_subject",
    "opening_pair",
    "org_in",
    "relative_subject",
    "role_person",
    "speaker_of",
    "subject_after",
    "subject_before",
    "subject_end",
    "subordinate_subject",
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

# Offices and professions that introduce a name ("NDB-Präsidentin", "Zentralasien-Expertin"); lower
# case inside compounds ("Kremlsprecher"), either case after a hyphen or alone.
_OFFICES = (
    r"[Ss]precher|[Mm]inister|[Pp]räsident|[Cc]hef|[Ss]ekretär|[Kk]anzler|[Bb]erater|[Bb]otschafter"
    r"|[Vv]orsitzende|[Gg]ouverneur|[Ee]xpert|[Aa]nalyst|[Pp]olitolog|[Öö]konom|[Hh]istoriker"
    r"|[Ww]issenschaftler|[Ff]orscher|[Dd]irektor|[Ll]eiter|[Aa]ktivist|[Mm]enschenrechtler|[Jj]ournalist"
    r"|[Aa]nwalt|[Aa]nwält|[Gg]ründer|[Gg]eschäftsführer|[Vv]orstand|[Kk]orrespondent"
)
_OFFICE = re.compile(rf"(?<![\w-])(?:[\w-]*(?:{_OFFICES})(?:in|r|e|en)?|Gastgeber(?:in)?)\b")

# An unknown person introduced by an office or profession: "Kremlsprecher Dmitri Peskow", "die
# Zentralasien-Expertin Katharina Brenner" (unnamed "Experten" are no speakers).
_TITLED = re.compile(
    rf"""
    (?:(?:[Dd]er|[Dd]ie|[Dd]essen|[Dd]eren|[Ss]eine?|[Ii]hre?)\s+(?:[a-zäöüß]+(?:e|en)\s+){{0,2}})?
    (?:[\w-]*(?:{_OFFICES})
     |Gastgeber)                                                    # office, profession or host
    (?:in|r|e)?\s+
    (?P<name>(?:[A-ZÄÖÜ][\w'-]+\s+){{0,2}}[A-ZÄÖÜ][\w'-]+)          # one to three name words
    """,
    re.VERBOSE,
)

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

# A state body as subject: ministries, presidential offices and press services. Named seats of
# government (Kreml, Weißes Haus, Akorda, …) are data: see :func:`~summitlib.extract._sources.named_body`.
_INSTITUTION = re.compile(
    r"""
    \b(?:
      [\w-]*[Mm]inisterium | Präsidialamt | Präsidialverwaltung | Präsidentenamt | Präsidentenpalast
    | Präsidialkanzlei | Pressedienst | Presseamt | Pressestelle | Regierung | Botschaft | Administration
    | Staatsführung
    )""",
    re.VERBOSE,
)

# Titles one person holds: "der Kronprinz" means the one named with that title before.
_TITLE_ROLES = frozenset(("Kronprinz", "Emir", "König", "Sultan", "Scheich", "Monarch"))
# A presidential office without its state ("das Präsidialamt teilte mit"): the state of the latest subject.
_PRESIDENTIAL = re.compile(
    r"Präsidialamt|Präsidialverwaltung|Präsidentenamt|Präsidentenpalast|Präsidialkanzlei"
    r"|Press(?:edienst|estelle|eamt)\s+des\s+(?:Präsidenten|Staatschefs|Staatsoberhaupt)"
)

# A role phrase the entity finder left unresolved: "der Gastgeber", "der Kanzler".
_ROLE = re.compile(
    r"""
    (?:[Dd]er|[Dd]ie|[Dd]as)\s+(?:[a-zäöüß]+(?:e|en)\s+){0,2}
    (?P<role>Präsident(?:in)?|Staatschef(?:in)?|Staatsoberhaupt|Regierungschef(?:in)?
     |Ministerpräsident(?:in)?|Premier(?:minister)?(?:in)?|(?P<de>Bundes)?[Kk]anzler(?:in)?
     |Bundespräsident(?:in)?|Kremlchef|Gastgeber(?:in)?|Außenminister(?:in)?|Aussenminister(?:in)?
     |Generalsekretär(?:in)?|Amtskollege|Ratspräsident(?:in)?|Kommissionspräsident(?:in)?|Monarch
     |König|Emir|Sultan|Scheich|Kronprinz|Machthaber)\b
    """,
    re.VERBOSE,
)


_NO_SUBJECT_FORMS = ("adjective", "genitive", "demonym", "description")

_ADVERB_GAP = re.compile(rf"\s+(?:sich\s+)?(?:(?:{ADVERBS})\s+){{0,2}}")  # "betonte dagegen …", "sprachen sich"
_DET_WORDS = re.compile(r"(?:der|die|das)\s+(?:[\w-]+\s+){0,2}")  # head of an institution phrase
_DEF_NOUN = re.compile(r"(?:Die|Das|Der)\s+[\w-]+")  # "Die Erklärung"
_LIST_GAP = re.compile(r"\s*(?:,|und|sowie)\s+(?:(?:der|die)\s+)?(?:[\w-]+\s+){0,3}")  # "Putin und Xi"
_NEXT_WORDS = re.compile(r"\s+(?:\S+\s+){0,3}\S+?(?=[\s,.;:!?]|$)")  # at most four words
_PRONOUN = re.compile(r"(?:e(?<!\we)r|s(?<!\ws)ie)\b")  # \b(er|sie)\b with literal starts (fast search)
_PRONOUN_FIRST = re.compile(r"(?:Er|Sie)\b")
_WORD = re.compile(r"[^\W\d_]+")
_NAME_APPOSITION = re.compile(r"(?:[A-ZÄÖÜ][\w'-]+\s+){0,2}[A-ZÄÖÜ][\w'-]+")
_WIE_OFFICE = re.compile(rf"(?<![\w-])[Ww]ie\s+(?:der|die)\s+(?:[\w-]+\s+){{0,4}}?(?:{_OFFICE.pattern})")
_FOCUS_TAIL = re.compile(r"\s+(?:selbst|seinerseits|ihrerseits|wiederum|indes|jedoch|dagegen|hingegen)\Z")
# "KAZINFORM - ", "Moskau (Reuters) - ": an agency dateline opening the article
_DATELINE = re.compile(r"[A-ZÄÖÜ][\w./]*(?:\s+[A-ZÄÖÜ][\w./]*)?(?:\s+\([^()]{1,30}\))?\s+[-–—]\s+")
# "der indische Premierminister " before a name: nominative (weak -e adjectives, a role word in -er/-t/…)
_NOMINATIVE = re.compile(r"(?<![\w-])der\s+(?:[a-zäöüß]+e\s+){0,2}(?:[A-ZÄÖÜ][\w-]*\s+){0,2}\Z")
_NOUN_GAP = re.compile(r"(?<![\w-])(?:der|die|das)\s+(?:[a-zäöüß]+\s+){0,2}[A-ZÄÖÜ]")  # determiner + noun
_REL_AFTER_PREP = _words("dem der den denen dessen deren welchem welcher welchen")
# an unknown two-word name tied to a body: "Nora Feldhaus von Human Rights Watch"
_NAME_OF_BODY = re.compile(r"(?P<name>[A-ZÄÖÜ][\w'-]+\s+[A-ZÄÖÜ][\w'-]+)\s+(?:von|vom)\s+")


class Context:
    """The mentions of one document, indexed for window look-ups, and the discourse memory."""

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
            self._tokens = {}
            for m in self.mentions:
                if m.kind == "person":
                    for tok in m.key.split():
                        if len(tok) > 1 and tok[0].isupper() and tok not in self._tokens:
                            self._tokens[tok] = (m.span.start, self.person(m))
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
        if self.recent and self.recent[-1] == person:
            return
        self.recent.append(person)
        del self.recent[:-8]

    def last_person(self, pos: int) -> Person | None:
        """What ``er``/``sie`` refers to: the latest subject, else the last person named before ``pos``."""
        if self.recent:
            return self.recent[-1]
        before = self.persons_before(pos, 1)
        return before[0] if before else None


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
    first = text[start:end].split()[0].lower()
    if first in ("und", "sowie", "oder", "aber", "doch"):
        start = start + len(first)
        while start < end and text[start].isspace():
            start += 1
        first = text[start:end].split()[0].lower() if start < end else ""
    if first in _PREPOSITIONS and not ctx.within(start, start + 1):  # "Von der Leyen" is a name
        return None
    tail = _FOCUS_TAIL.search(text, start, end)  # "Tokajew selbst hat …"
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
    m = ctx.ending_at(end)
    if m is not None and m.span.start >= start:
        sp = speaker_of(m)
        prefix = text[start : m.span.start]
        group = _coordinated_mentions(ctx, start, m) if sp is not None and m.kind != "city" else []
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
    role = _ROLE.fullmatch(low)
    if role:
        p = _resolve_role(ctx, start, end, role)
        return ((p,), start) if p and not plural else None
    if plural:
        return None
    titled = _TITLED.fullmatch(text, start, end)
    if titled:
        p = _titled_person(ctx, titled)
        return ((p,), start) if p is not None else None
    named = _person_of_body(ctx, start, end)
    if named is not None and named[1] == end:
        return (named[0],), start
    words = low.split()
    if len(words) <= 3 and all(w[0].isupper() for w in words):
        for w in (words[-1], words[0]):
            p = ctx.by_token(w, start)
            if p is not None:
                return (p,), start
        if not ctx.within(start, end) and introduced_body(text, low, start):
            return (Organization(low),), start
    return None


def _coordinated_mentions(ctx: Context, start: int, last: EntityMention) -> list[Speaker]:
    """``Putin und Xi`` / ``Tokajew, Putin und Xi`` before the verb: all their speakers."""
    out: list[Speaker] = []
    inner = ctx.within(start, last.span.end)
    if len(inner) == 1:  # the usual case: one name
        sp = speaker_of(last)
        return [sp] if sp is not None else []
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
    role = _ROLE.match(text, at, window_end)
    if role and not plural:
        p = _resolve_role(ctx, at, role.end(), role)
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
    titled = _TITLED.match(text, at, window_end)
    if titled:
        p = _titled_person(ctx, titled)
        return ((p,), at) if p is not None else None
    named = _person_of_body(ctx, at, window_end)
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


def _titled_person(ctx: Context, m: re.Match[str]) -> Person | None:
    """The person a ``_TITLED`` match names: a known person mention in it, else the name learnt; none
    when the name words are a place or a body (``der Sprecher Russlands``)."""
    for ment in ctx.within(m.start(), m.end("name")):
        if ment.kind == "person" and ment.span.end >= m.start("name"):
            return ctx.person(ment)
        if ment.span.start >= m.start("name"):
            return None
    return ctx.learn(m.group("name"), m.start("name"))


def _person_of_body(ctx: Context, at: int, limit: int) -> tuple[Person, int] | None:
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
        head = _TITLED.search(text, head_start, prev)
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
        if _NOUN_GAP.search(gap) and not _OFFICE.search(gap) and not _ROLE_WORD.search(gap):
            break  # "dass die Partner Armenien … unterstützten": the noun phrase before is the subject
        sp = speaker_of(m)
        if sp is not None:
            return (sp,), lb
        break
    titled = _TITLED.match(text, after + len(text[after:v0]) - len(text[after:v0].lstrip()), v0)
    if titled is not None:
        p = _titled_person(ctx, titled)
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
    """``beide Staatschefs`` (plural verb): the last two persons; ``beide Seiten``: their two states."""
    if not plural:
        return None
    people = ctx.persons_before(pos, 2)
    if len(people) < 2:
        return None
    if noun.lower() == "seiten":
        states = tuple(Country(p.country) for p in reversed(people) if p.country)
        return (states, pos) if len(states) == 2 and states[0] != states[1] else None
    return tuple(reversed(people)), pos


def opening_pair(ctx: Context, s0: int, s1: int, plural: bool) -> tuple[Speaker, ...]:
    """``Die beiden Präsidenten …`` opening the sentence: the last two persons (or their states)."""
    both = _BOTH.match(ctx.text, s0, min(s1, s0 + 90))
    res = _pair(ctx, s0, both.group(1), plural) if both else None
    return res[0] if res else ()


def main_subject(ctx: Context, s0: int, s1: int) -> Speaker | None:
    """The speaker opening the sentence (its first noun phrase), if any."""
    text = ctx.text
    if text.startswith(("Er", "Sie"), s0) and _PRONOUN_FIRST.match(text[s0 : min(s1, s0 + 4)]):
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


def role_person(ctx: Context, pos: int, role: str) -> Person | None:
    """The person a bare role noun means (``des Präsidenten``, ``des Kremlchefs``): the chair for a host,
    the last person of the role's implied state, else the latest subject."""
    if role.startswith("Gastgeber") and ctx.chair is not None:
        return ctx.chair
    country = "RU" if role.startswith("Kreml") else "DE" if role.startswith(("Kanzler", "Bundes")) else None
    if country:
        return next((p for p in ctx.persons_before(pos) if p.country == country), None)
    return ctx.last_person(pos)


def _resolve_role(ctx: Context, start: int, end: int, role: re.Match[str]) -> Person | None:
    """The person a role phrase means: a name in it, the chair for *Gastgeber*, else the last person
    of the role's country (Kremlchef: RU, Bundeskanzler: DE) or simply the last person."""
    country = None
    for m in ctx.within(start, end):
        if m.kind == "person":
            return Person(m.key, m.country)
        if m.kind == "country":
            country = m.key
    name = role.group("role")
    if name.startswith("Kreml"):
        country = "RU"
    elif role.group("de") or name.startswith("Bundes"):
        country = "DE"
    elif name.startswith("Gastgeber") and ctx.chair is not None:
        return ctx.chair
    if country:
        for p in ctx.persons_before(start):
            if p.country == country:
                return p
        return None
    if name in _TITLE_ROLES:
        bound = _titled_before(ctx, start, name)
        if bound is not None:
            return bound
    return ctx.last_person(start)


def _titled_before(ctx: Context, pos: int, role: str) -> Person | None:
    """The latest person the text names with a title (``Kronprinz Mohammed …``, ``des Kronprinzen …,
    Mohammed …``): the title word stands at most 90 characters before the name (30 mentions back)."""
    text = ctx.text
    i = bisect.bisect_left(ctx.starts, pos)
    for m in ctx.mentions[max(0, i - 30) : i][::-1]:
        if m.kind != "person":
            continue
        title = text.rfind(role, max(0, m.span.start - 90), m.span.end)
        if title >= 0 and not any(o.kind == "person" for o in ctx.within(title, m.span.start)):
            return ctx.person(m)  # no other person between the title and the name
    return None
