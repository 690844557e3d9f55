"""Find statements: who said, demanded, proposed or warned what (reported and quoted speech).

Grammar accepted
----------------
One :class:`~summitlib.model.Statement` per reporting verb of ``data/reporting_verbs_de.tsv`` whose
subject is a named speaker (person, state, state body or, for a summit declaration, the summit's
organization). The clause around the verb decides where the subject stands:

* verb second, subject first: ``Tokajew betonte, …``; ``Der kasachische Staatschef begrüßte …``;
  ``Putin und Xi bekräftigten …`` (one statement per speaker);
* verb second after an adverbial, subject after the verb: ``In seiner Rede betonte Tokajew …``,
  ``Zudem kündigte er an …``; and parenthetical ``…, sagte er.`` / ``…“, erklärte der Kremlchef.``;
* ``…, so Tokajew``; ``nach Worten Schaparows``, ``nach Angaben des Weißen Hauses``, ``laut Kreml``,
  ``heißt es in der Erklärung`` (act ``state``);
* coordinated verbs share the subject: ``Er dankte X … und hob hervor, dass …``;
* subordinate and relative clauses, verb last: ``Wie der Pressedienst … mitteilte``,
  ``Rachmon, der zur Rettung des Sees aufrief``; perfect tense ``hatte er erklärt``;
* purpose clauses ``nutzte die Bühne, um zu mehr Einheit aufzurufen`` (speaker: main-clause subject);
* separable verbs need their particle at the end of the clause (``schlug … vor``, ``rief … auf``).

Pronouns ``er``/``sie`` (singular verb) resolve to the most recent person that was a subject; ``beide
Staatschefs``/``beide Seiten`` to the last two persons (their states for *Seiten*); a ministry or the
Kremlin to its state. Not statements: unnamed sources, passives, greetings (``begrüßte die Gäste``),
``sprach mit X über``, ``sagte seine Reise ab``, subheadings. Every scan is bounded (windows of a few
hundred characters around a verb), so time is linear in the text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

import attrs

from summitlib.extract._speech import Form, lexicon
from summitlib.model import Act, Country, Organization, Person, Span, Speaker, Statement, Summit

if TYPE_CHECKING:
    from collections.abc import Sequence

    from summitlib.extract._doc import Doc
    from summitlib.extract.entities import EntityMention

__all__ = ["find_statements"]

_WINDOW = 320  # characters scanned before or after a verb for its clause

_WORD = re.compile(r"[^\W\d_]+")


def _words(line: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(line.split())


# Clause boundaries inside a sentence (the Vorfeld of a verb starts after the last one): comma,
# semicolon, colon, brackets and quotation marks; spaced dashes are checked separately.
_BOUNDARY_CHARS = ',;:()„“”«»"'

_ADVERBS = (
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
    (?:(?:{_ADVERBS})\s+){{0,2}}                             # adverbs: "betonte dagegen Scholz"
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
_DETERMINERS = _words("der die das ein eine dieser diese dieses jener jene")
_SUBORDINATORS = _words("dass wie als nachdem weil da ob wenn obwohl während bevor seit sodass indem damit")
_RELATIVES = _words("der die das")

# "… und regte an": a verb coordinated with the previous one (shares its subject).
_COORD_BEFORE = re.compile(rf"(?<![\w-])(?:und|sowie|oder|aber)\s+(?:(?:{_ADVERBS})\s+){{0,2}}\Z")

_ROLE_WORD = re.compile(
    r"(?:[Pp]räsident|[Ss]taatschef|[Rr]egierungschef|[Pp]remier|[Kk]anzler|[Mm]inister|[Kk]önig|[Ee]mir"
    r"|[Ss]ekretär|[Ss]precher|[Vv]orsitzende)"
)

# An unknown person introduced by an office: "Kremlsprecher Dmitri Peskow".
_TITLED = re.compile(
    r"""
    (?:(?:der|die)\s+)?
    (?:[\w-]*(?:sprecher|minister|präsident|chef|sekretär|kanzler|berater|botschafter|vorsitzende|gouverneur)
     |Gastgeber)                                                    # office or host
    (?:in|r)?\s+
    (?P<name>(?:[A-ZÄÖÜ][\w'-]+\s+){0,2}[A-ZÄÖÜ][\w'-]+)          # one to three name words
    """,
    re.VERBOSE,
)

_PRONOUN_AFTER = re.compile(rf"\s+(?:(?:{_ADVERBS})\s+){{0,2}}(er|sie)\b")

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

# A declaration as subject or place: "Die Erklärung ruft auf", "Darin", "In der Abschlusserklärung".
_DECLARATION = re.compile(
    r"""
    \b(?:[Dd]arin                                    # anaphoric "in it"
    | (?:[\w-]*[Ee]rklärung|Deklaration|Kommuniqu[ée]|Abschlussdokument|Gipfeldokument|Text)\b)
    """,
    re.VERBOSE,
)

# A state body as subject: ministries, presidential offices, the Kremlin, the White House.
_INSTITUTION = re.compile(
    r"""
    \b(?:
      (?P<ru>Kreml)(?!chef|sprecher)\w*                     # the Kremlin (not "Kremlchef")
    | (?P<us>Weiße[n]?\s+Haus(?:es)?)                        # the White House
    | (?P<de>Bundesregierung|Kanzleramt|Auswärtige[n]?\s+Amt(?:es|s)?)   # German federal bodies
    | (?P<fr>Élysée(?:palast|-Palast)?)                      # the French presidency
    | [\w-]*[Mm]inisterium | Präsidialamt | Präsidialverwaltung | Präsidentenamt | Präsidentenpalast
    | Pressedienst | Presseamt | Pressestelle | Regierung | Botschaft | Administration | Staatsführung
    )""",
    re.VERBOSE,
)

# A role phrase the entity finder left unresolved: "der Gastgeber", "der Kanzler".
_ROLE = re.compile(
    r"""
    (?:der|die)\s+(?:[a-zäöüß]+(?:e|en)\s+){0,2}
    (?P<role>Präsident(?:in)?|Staatschef(?:in)?|Staatsoberhaupt|Regierungschef(?:in)?
     |Ministerpräsident(?:in)?|Premier(?:minister)?(?:in)?|(?P<de>Bundes)?[Kk]anzler(?:in)?
     |Bundespräsident(?:in)?|Kremlchef|Gastgeber(?:in)?|Außenminister(?:in)?|Aussenminister(?:in)?
     |Generalsekretär(?:in)?|Amtskollege|Ratspräsident(?:in)?|Kommissionspräsident(?:in)?|Monarch
     |König|Emir|Sultan|Machthaber)\b
    """,
    re.VERBOSE,
)

# "sich" and attitude adjectives of "zeigte sich zufrieden".
_SICH = re.compile(r"\s+(?:(?:er|sie|[A-ZÄÖÜ][\w-]*)\s+){0,3}sich\b")
_ATTITUDE = re.compile(
    r"""\bsich\s+(?:(?:sehr|äußerst|ausgesprochen|tief|erneut|zuversichtlich|auch)\s+){0,2}
    (?:zufrieden|zuversichtlich|überzeugt|optimistisch|besorgt|erfreut|enttäuscht|offen|bereit
     |dankbar|beeindruckt|skeptisch|entschlossen)\b""",
    re.VERBOSE,
)
_AUX = re.compile(r"\b(?:hat|hatte|habe|hätte|haben|hatten|hätten)\b")
_PASSIVE = re.compile(r"\b(?:wurde|wurden|worden|wird|werden)\b")
_SO = re.compile(r",\s+so\s+")
_SOURCE = re.compile(
    r"""
    \b(?:nach\s+(?:den\s+)?(?:Worten|Angaben|Aussagen|Darstellung)   # nach Worten/Angaben X
    | laut                                                             # laut X
    | nach\s+(?P<compound>[A-ZÄÖÜ][\w]*)-Angaben)                      # nach Kreml-Angaben
    \b""",
    re.VERBOSE,
)
_HEISST_ES = re.compile(r"\b(?:hei(?:ß|ss)t|hie(?:ß|ss))\s+es\b")
_GREETED = re.compile(
    r"\s+(?:(?:die|den|seine[n]?|ihre[n]?)\s+)?(?:Gäste|Gast|Teilnehmer|Delegationen|Staatschefs|Amtskollegen)\b"
)

_OPENERS = {"„": "“”", "«": "»", "»": "«", "‚": "‘’", '"': '"'}
_NAME_NOUNS = _words(
    "sogenannte sogenannten so genannte genannten Motto Titel Slogan Namen Initiative Projekt Programm "
    "Strategie Format Formel Plattform Operation Unternehmen Konzern Zentrum"
)
_SUBJECT_KINDS = ("person", "country", "organization")
_NO_SUBJECT_FORMS = ("adjective", "genitive", "demonym", "description")


@attrs.frozen
class _Hit:
    start: int
    end: int
    form: Form


@attrs.frozen
class _Found:
    speakers: tuple[Speaker, ...]
    ev_start: int
    ev_end: int
    verb_start: int
    verb_end: int
    act: Act
    verb: str
    parenthetical: bool = False
    content_start: int = -1  # where the reported content starts (after an inverted subject)


class _Context:
    """The mentions of one document, indexed for window look-ups, and the discourse memory."""

    def __init__(self, doc: Doc, summits: Sequence[Summit]) -> None:
        self.text = doc.text
        self.mentions: list[EntityMention] = [m for m in doc.entities if len(m.span) > 0]
        self.starts = [m.span.start for m in self.mentions]
        self.ends = sorted((m.span.end, i) for i, m in enumerate(self.mentions))
        self.end_keys = [e for e, _ in self.ends]
        self.org = next((s.organization for s in summits if s.organization), None)
        self.chair = summits[0].chair if summits else None
        self.recent: list[Person] = []
        self.tokens: dict[str, tuple[int, Person]] = {}
        for m in self.mentions:
            if m.kind == "person":
                for tok in m.key.split():
                    if len(tok) > 1 and tok[0].isupper():
                        self.tokens.setdefault(tok, (m.span.start, Person(m.key, m.country)))

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
        i = bisect.bisect_left(self.end_keys, pos)
        if i < len(self.end_keys) and self.end_keys[i] == pos:
            return self.mentions[self.ends[i][1]]
        return None

    def within(self, start: int, end: int) -> list[EntityMention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.starts[i] < end:
            out.append(self.mentions[i])
            i += 1
        return out

    def persons_before(self, pos: int, limit: int = 200) -> list[Person]:
        """Distinct persons mentioned before ``pos``, most recent first (at most ``limit`` scanned)."""
        i = bisect.bisect_left(self.starts, pos)
        out: list[Person] = []
        seen: set[str] = set()
        while i > 0 and limit > 0:
            i -= 1
            limit -= 1
            m = self.mentions[i]
            if m.kind == "person" and m.key not in seen:
                seen.add(m.key)
                out.append(Person(m.key, m.country))
        return out

    def remember(self, person: Person) -> None:
        if self.recent and self.recent[-1] == person:
            return
        self.recent.append(person)
        del self.recent[:-8]

    def last_person(self, pos: int) -> Person | None:
        if self.recent:
            return self.recent[-1]
        before = self.persons_before(pos)
        return before[0] if before else None


def _speaker(m: EntityMention) -> Speaker | None:
    if m.kind == "person":
        return Person(m.key, m.country)
    if m.kind == "country" and m.form not in _NO_SUBJECT_FORMS:
        return Country(m.key)
    if m.kind == "organization" and m.form not in _NO_SUBJECT_FORMS:
        return Organization(m.key)
    if m.kind == "city" and m.form == "capital" and m.country:
        return Country(m.country)
    return None


def find_statements(doc: Doc, summits: Sequence[Summit]) -> list[Statement]:
    """Every reported or quoted utterance of a named speaker in the document.

    Args:
        doc: the analysed article (sentences and entity mentions are used).
        summits: the summits found in the article; statements link to index 0 when there is one.

    Returns:
        The statements in text order (one per reporting verb and speaker), possibly empty.
    """
    ctx = _Context(doc, summits)
    summit = 0 if summits else None
    skip = tuple((s.start, s.end) for s in doc.article.subheadings)
    out: list[Statement] = []
    for sent in doc.sentences:
        if any(a < sent.end and sent.start < b for a, b in skip):
            continue
        first = _main_subject(ctx, sent.start, sent.end)
        if isinstance(first, Person):
            ctx.remember(first)
        for found in _sentence(ctx, sent.start, sent.end):
            for sp in found.speakers:
                out.append(_record(ctx, found, sp, sent, summit))
    return out


# --------------------------------------------------------------------------------------- per sentence


def _hits(text: str, start: int, end: int) -> list[_Hit]:
    lex = lexicon()
    hits: list[_Hit] = []
    for w in _WORD.finditer(text, start, end):
        forms = lex.get(w.group().lower())
        if not forms:
            continue
        if w.group()[0].isupper() and w.start() != start:
            continue  # a capitalised word mid-sentence is a noun ("das Sagen")
        hits.extend(_Hit(w.start(), w.end(), f) for f in _readings(text, w.end(), end, forms))
    return hits


def _readings(text: str, pos: int, s1: int, forms: tuple[Form, ...]) -> list[Form]:
    """The readings of one word worth trying, in order: participle, one finite reading, the rest.

    Among separable readings the one whose particle closes the clause first wins (``sagte … ab``
    beats ``sagte … zu``); a word that also has a plain reading (``sagte``) only takes a particle
    from its own first clause, so ``sagte, Russland lehne das ab`` stays ``sagen``.
    """
    limit = min(s1, pos + _WINDOW)
    plain = [f for f in forms if f.kind == "finite" and not f.entry.particle]
    if plain:
        comma = text.find(",", pos, limit)
        limit = comma if comma >= 0 else limit
    best: Form | None = None
    best_pos = limit + 1
    for f in forms:
        if f.kind == "finite" and f.entry.particle:
            at = _particle(text, pos, limit, f.entry.particle)
            if at is not None and at < best_pos:
                best, best_pos = f, at
    finite = ([best] if best.entry.act is not None else []) if best is not None else plain
    return (
        [f for f in forms if f.kind == "participle"]
        + finite
        + [f for f in forms if f.kind not in ("participle", "finite")]
    )


def _sentence(ctx: _Context, s0: int, s1: int) -> list[_Found]:
    text = ctx.text
    found: list[_Found] = []
    taken: set[int] = set()
    for hit in _hits(text, s0, s1):
        if hit.start in taken:
            continue
        f = _analyse(ctx, hit, s0, s1, found)
        if f is not None:
            taken.add(hit.start)
            found.append(f)
            for sp in f.speakers:
                if isinstance(sp, Person):
                    ctx.remember(sp)
    found.extend(_sources(ctx, s0, s1, found))
    found.sort(key=lambda f: f.verb_start)
    return _clip(found, s1)


def _clip(found: list[_Found], s1: int) -> list[_Found]:
    """End each evidence before the next statement's clause, so two verbs get two spans."""
    out = []
    for i, f in enumerate(found):
        end = f.ev_end
        if i + 1 < len(found) and not f.parenthetical:
            nxt = found[i + 1]
            end = min(end, max(nxt.ev_start, f.verb_end))
        out.append(attrs.evolve(f, ev_end=max(end, f.verb_end)))
    return out


def _left_boundary(text: str, s0: int, pos: int) -> int:
    """Just after the last clause boundary (``_BOUNDARY_CHARS``, a spaced dash) before ``pos``."""
    lo = max(s0, pos - _WINDOW)
    last = max(text.rfind(ch, lo, pos) for ch in _BOUNDARY_CHARS) + 1
    for dash in (" – ", " — ", " - "):
        at = text.rfind(dash, lo, pos)
        if at >= 0:
            last = max(last, at + len(dash))
    return max(last, lo)


def _analyse(ctx: _Context, hit: _Hit, s0: int, s1: int, prev: list[_Found]) -> _Found | None:
    text = ctx.text
    form, entry = hit.form, hit.form.entry
    v0, v1 = hit.start, hit.end
    lb = _left_boundary(text, s0, v0)
    right_end = min(s1, v1 + _WINDOW)
    verb_words = text[v0:v1]
    plural = form.plural
    subordinate = False

    if form.kind in ("inf", "zu_inf"):
        if form.kind == "inf" and not text[max(s0, v0 - 3) : v0].endswith("zu "):
            return None
        um_at = text.rfind(" um ", max(s0, v0 - 200), v0) + 1
        if um_at <= 0:
            return None
        speakers = _inherit(ctx, s0, s1, um_at, prev)
        if not speakers or entry.act is None:
            return None
        return _Found(speakers, um_at, v1, v0, v1, entry.act, verb_words)

    if form.kind == "participle":
        words = form.words_before
        if words:
            before = text[max(lb, v0 - 40) : v0].split()
            if before[-len(words) :] != list(words):
                return None
        aux = None
        for m in _AUX.finditer(text, lb, v0):
            aux = m
        after_aux = re.match(r"\s+(?:hat|hatte|habe|hätte|haben|hatten|hätten)\b", text[v1 : v1 + 12])
        if _PASSIVE.search(text, lb, v0) or (aux is None and after_aux is None):
            return None
        if aux is not None:
            v0, v1 = aux.start(), aux.end()
            plural = aux.group() in ("haben", "hatten", "hätten")
        else:
            subordinate = True
            assert after_aux is not None  # for the type checker: one of both was found
            plural = after_aux.group().split()[-1] in ("haben", "hatten", "hätten")
        verb_words = text[v0 : hit.end]

    if form.kind in ("finite", "joined") and re.search(r"(?<![\w-])zu\s+\Z", text[max(s0, v0 - 4) : v0]):
        return None  # an infinitive ("die Ukraine zu unterstützen"), not a finite verb
    vorfeld = text[lb:v0]
    vwords = vorfeld.split()
    coordinated = False
    coord = _COORD_BEFORE.search(text, max(lb, v0 - 40), v0)
    if coord is not None and form.kind != "joined":
        coordinated = True
        lb = coord.end()
        vwords = []
    if form.kind == "joined":
        subordinate = True
    elif vwords and (
        vwords[0].lower() in _SUBORDINATORS
        or (vwords[0] in _RELATIVES and lb > s0 and _clause_final(text, hit.end, s1))
    ):
        subordinate = vwords[0].lower() in _SUBORDINATORS or _clause_final(text, hit.end, s1)

    # particle and frame of the entry
    if form.kind == "finite":
        part_end = _particle(text, hit.end, right_end, entry.particle)
        if entry.particle and part_end is None:
            return None
    else:
        part_end = None
    if entry.act is None:
        return None
    clause_end = _clause_end(text, hit.end, right_end)
    if entry.preps and not re.search(
        r"\b(?:" + "|".join(map(re.escape, entry.preps)) + r")\b", text[hit.end : clause_end]
    ):
        return None
    if entry.reflexive and not _SICH.match(text, hit.end):
        return None
    if entry.attitude and not _ATTITUDE.search(text, hit.end, min(clause_end, hit.end + 80)):
        return None
    act = entry.act
    for word, alt in entry.variants:
        if re.match(rf"\s+(?:\S+\s+){{0,2}}{re.escape(word)}\b", text[hit.end : hit.end + 60]):
            if alt is None:
                return None
            act = alt
    if entry.no_greeting and _is_greeting(ctx, hit.end, clause_end):
        return None
    verb = verb_words if part_end is None else f"{verb_words} {' '.join(entry.particle)}"

    # the subject
    res: tuple[tuple[Speaker, ...], int] | None
    parenthetical = False
    if subordinate:
        res = _subordinate_subject(ctx, lb, v0, s0, plural)
    elif coordinated and not vwords:
        res = _after(ctx, v1, right_end, plural, own_only=True)
        if res is None:
            inherited = _inherit(ctx, s0, s1, lb, prev)
            res = (inherited, v0) if inherited else None
    elif not vwords:
        res = _after(ctx, v1, right_end, plural)
        parenthetical = lb > s0 and res is not None
        if res is None and lb > s0:
            res = _relative_skipped(ctx, s0, lb, plural)
    else:
        res = _before(ctx, lb, v0, plural, " ".join(vwords))
        if res is None and not _is_subject_np(vwords):
            res = _after(ctx, v1, right_end, plural)
    if res is None:
        return None
    speakers, sub_pos = res
    ev_start = min(sub_pos, v0)
    content_start = _subject_end(ctx, v1, right_end) if sub_pos > v0 and not parenthetical else -1
    if parenthetical:
        ev_end = max(_subject_end(ctx, v1, right_end), part_end or hit.end)
    elif subordinate:
        ev_end = hit.end if form.kind != "participle" else max(hit.end, v1)
        content_start = ev_end
    else:
        ev_end = clause_end
    return _Found(
        speakers,
        ev_start,
        ev_end,
        min(v0, hit.start),
        max(hit.end, v1),
        act,
        verb,
        parenthetical,
        content_start,
    )


def _clause_final(text: str, pos: int, s1: int) -> bool:
    rest = text[pos : min(s1, pos + 12)]
    return not rest.strip() or rest.lstrip()[0] in ",.;:!?–—)" or rest.lstrip().startswith("und ")


def _clause_end(text: str, pos: int, limit: int) -> int:
    """The end of the verb's sentence part: the sentence end, capped by the scan window."""
    end = limit
    while end > pos and text[end - 1] in " .!?;:\n":
        end -= 1
    return end


_PARTICLE_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _particle_re(particle: tuple[str, ...]) -> re.Pattern[str]:
    pat = _PARTICLE_CACHE.get(particle)
    if pat is None:
        words = r"\s+".join(map(re.escape, particle))
        pat = re.compile(rf"(?<![\w-]){words}(?=\s*(?:[,.;:!?–—“”«»\")]|$|\s+(?:und|sowie|oder|aber)\b))")
        _PARTICLE_CACHE[particle] = pat
    return pat


def _particle(text: str, pos: int, limit: int, particle: tuple[str, ...]) -> int | None:
    if not particle:
        return None
    m = _particle_re(particle).search(text, pos, limit)
    return m.end() if m else None


def _is_greeting(ctx: _Context, pos: int, end: int) -> bool:
    """``begrüßte die Gäste`` / ``begrüßte neben Putin den Präsidenten X``: a person is the object."""
    if _GREETED.match(ctx.text, pos):
        return True
    comma = ctx.text.find(",", pos, min(end, pos + 100))
    stop = comma if comma >= 0 else min(end, pos + 100)
    return any(m.kind == "person" for m in ctx.within(pos, stop))


def _is_subject_np(vwords: list[str]) -> bool:
    """A Vorfeld starting with a determiner is the (non-speaker) subject: no inverted search."""
    first = vwords[0].lower()
    return first in _DETERMINERS


# ------------------------------------------------------------------------------------ subject finders


def _before(
    ctx: _Context, lb: int, v0: int, plural: bool, vorfeld: str
) -> tuple[tuple[Speaker, ...], int] | None:
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
    if first in _PREPOSITIONS:
        return None
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
        sp = _speaker(m)
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
    inst = _institution(ctx, start, end, low)
    if inst is not None:
        return (inst,), start
    if _DECLARATION.search(low) and (
        (ctx.org and re.fullmatch(r"(?:Die|Das|Der)\s+[\w-]+", low)) or _GROUP.search(low)
    ):
        org = _org_in(ctx, start, end)
        return ((org,), start) if org else None
    role = _ROLE.fullmatch(low)
    if role:
        p = _resolve_role(ctx, start, end, role)
        return ((p,), start) if p and not plural else None
    if plural:
        return None
    titled = _TITLED.fullmatch(low)
    if titled:
        return (ctx.learn(titled.group("name"), start),), start
    words = low.split()
    if len(words) <= 3 and all(w[0].isupper() for w in words):
        for w in (words[-1], words[0]):
            p = ctx.by_token(w, start)
            if p is not None:
                return (p,), start
    return None


def _coordinated_mentions(ctx: _Context, start: int, last: EntityMention) -> list[Speaker]:
    """``Putin und Xi`` / ``Tokajew, Putin und Xi`` before the verb: all their speakers."""
    out: list[Speaker] = []
    ms = [m for m in ctx.within(start, last.span.end) if _speaker(m) is not None]
    for a, b in itertools.pairwise(ms):
        gap = ctx.text[a.span.end : b.span.start]
        if not re.fullmatch(r"\s*(?:,|und|sowie)\s+(?:(?:der|die)\s+)?(?:[\w-]+\s+){0,3}", gap):
            return [sp for sp in [_speaker(last)] if sp is not None]
    for m in ms:
        sp = _speaker(m)
        if sp is not None and sp not in out:
            out.append(sp)
    return out


def _after(
    ctx: _Context, v1: int, limit: int, plural: bool, *, own_only: bool = False
) -> tuple[tuple[Speaker, ...], int] | None:
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
        sp = _speaker(m)
        if sp is None:
            return None
        if isinstance(sp, Person) and plural:
            return None
        if m.kind == "city" and gap.strip():
            return None
        return (sp,), m.span.start
    seg = text[v1:window_end]
    gm = re.match(r"\s+(?:(?:" + _ADVERBS + r")\s+){0,2}", seg)
    at = v1 + (gm.end() if gm else 0)
    grp = _GROUP.match(text, at, window_end)
    if grp and plural and ctx.org:
        sent_start = max(0, v1 - _WINDOW)
        if _DECLARATION.search(text, sent_start, v1):
            org = _org_in(ctx, grp.start(), grp.end())
            return ((org,), grp.start()) if org else None
    inst = re.match(r"(?:der|die|das)\s+(?:[\w-]+\s+){0,2}", text[at:window_end])
    if inst:
        head_end = at + inst.end() + len(text[at + inst.end() : window_end].split(" ", 1)[0])
        found = _institution(ctx, at, head_end, text[at:head_end])
        if found is not None:
            return (found,), at
    role = _ROLE.match(text, at, window_end)
    if role and not plural:
        p = _resolve_role(ctx, at, role.end(), role)
        return ((p,), at) if p else None
    if plural:
        return None
    titled = _TITLED.match(text, at, window_end)
    if titled:
        return (ctx.learn(titled.group("name"), at),), at
    word = _WORD.match(text, at, window_end)
    if word and word.group()[0].isupper():
        p = ctx.by_token(word.group(), at)
        if p is not None:
            return (p,), at
    return None


def _relative_skipped(
    ctx: _Context, s0: int, lb: int, plural: bool
) -> tuple[tuple[Speaker, ...], int] | None:
    """``Tokajew, dessen Land den Vorsitz führte, bedauerte …``: the subject before a relative clause."""
    text = ctx.text
    comma = lb - 1
    lo = max(s0, comma - _WINDOW)
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
    sp = _speaker(m)
    return ((sp,), m.span.start) if sp is not None and m.kind != "city" else None


def _subject_end(ctx: _Context, v1: int, limit: int) -> int:
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
    m2 = re.match(r"\s+(?:\S+\s+){0,3}\S+?(?=[\s,.;:!?]|$)", text[v1:limit])
    if m2:
        end = v1 + m2.end()
    return end


def _subordinate_subject(
    ctx: _Context, lb: int, v0: int, s0: int, plural: bool
) -> tuple[tuple[Speaker, ...], int] | None:
    """Subject of a verb-final clause: after the subordinator, or the antecedent of a relative."""
    text = ctx.text
    clause = text[lb:v0]
    words = clause.split()
    if not words:
        return None
    intro = words[0]
    after = lb + clause.find(intro) + len(intro)
    pm = re.search(r"\b(er|sie)\b", text[after:v0])
    if pm:
        p = None if plural else ctx.last_person(lb)
        return ((p,), lb) if p else None
    for m in ctx.within(after, v0):
        gap = text[after : m.span.start]
        if not _GAP_AFTER.fullmatch(gap) and gap.strip():
            break
        sp = _speaker(m)
        if sp is not None:
            return (sp,), lb
        break
    inst_end = min(v0, after + 80)
    inst = _institution(ctx, after, inst_end, text[after:inst_end])
    if inst is not None:
        return (inst,), lb
    if intro in _RELATIVES and lb > s0:
        # the antecedent: the mention right before the comma
        k = lb - 1
        while k > s0 and text[k - 1] in " ,":
            k -= 1
        ante = ctx.ending_at(k)
        if ante is not None:
            sp = _speaker(ante)
            if sp is not None and not plural:
                return (sp,), ante.span.start
    return None


def _pair(ctx: _Context, pos: int, noun: str, plural: bool) -> tuple[tuple[Speaker, ...], int] | None:
    if not plural:
        return None
    people = ctx.persons_before(pos)[:2]
    if len(people) < 2:
        return None
    if noun.lower() == "seiten":
        states = tuple(Country(p.country) for p in reversed(people) if p.country)
        return (states, pos) if len(states) == 2 and states[0] != states[1] else None
    return tuple(reversed(people)), pos


def _inherit(ctx: _Context, s0: int, s1: int, lb: int, prev: list[_Found]) -> tuple[Speaker, ...]:
    """Speakers of a coordinated verb: the previous statement of the sentence, else its main subject."""
    for f in reversed(prev):
        if s0 <= f.verb_start < lb:
            return f.speakers
    sub = _main_subject(ctx, s0, s1)
    return (sub,) if sub is not None else ()


def _main_subject(ctx: _Context, s0: int, s1: int) -> Speaker | None:
    """The speaker opening the sentence (its first noun phrase), if any."""
    text = ctx.text
    head = text[s0 : min(s1, s0 + 4)]
    if re.match(r"(?:Er|Sie)\b", head):
        return ctx.last_person(s0)
    for m in ctx.within(s0, min(s1, s0 + 120)):
        prefix = text[s0 : m.span.start]
        if "," in prefix or not _SUBJECT_PREFIX.fullmatch(prefix):
            return None
        first = prefix.split()[0].lower() if prefix.split() else ""
        if first in _PREPOSITIONS:
            return None
        nxt = text[m.span.end : m.span.end + 2]
        if m.kind == "city" or nxt.startswith(("s ", "-")):
            return None
        return _speaker(m)
    return None


def _institution(ctx: _Context, start: int, end: int, phrase: str) -> Speaker | None:
    m = _INSTITUTION.search(phrase)
    if m is None:
        return None
    for code in ("ru", "us", "de", "fr"):
        if m.group(code):
            return Country(code.upper())
    for mention in ctx.within(start, end):
        if mention.kind in ("country", "city", "person") and mention.country:
            return Country(mention.country)
    return None


def _org_in(ctx: _Context, start: int, end: int) -> Organization | None:
    for m in ctx.within(start, end):
        if m.kind == "organization":
            return Organization(m.key)
    return Organization(ctx.org) if ctx.org else None


def _resolve_role(ctx: _Context, start: int, end: int, role: re.Match[str]) -> Person | None:
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
    return ctx.last_person(start)


# ------------------------------------------------------------------------------- source phrases


def _sources(ctx: _Context, s0: int, s1: int, found: list[_Found]) -> list[_Found]:
    """``…, so X``; ``nach Worten/Angaben X``; ``laut X``; ``heißt es in der Erklärung``."""
    text = ctx.text
    out = []
    for m in _SO.finditer(text, s0, s1):
        res = _after(ctx, m.end() - 1, min(s1, m.end() + 90), plural=False)
        if res is not None:
            so = m.start() + 2
            out.append(
                _Found(
                    res[0],
                    so,
                    _subject_end(ctx, m.end() - 1, s1),
                    so,
                    so + 2,
                    Act.STATE,
                    "so",
                    parenthetical=True,
                )
            )
    for m in _SOURCE.finditer(text, s0, s1):
        sp: Speaker | None = None
        end = m.end()
        if m.group("compound"):
            sp = _institution(ctx, m.start(), m.end(), m.group("compound"))
            if sp is None:
                for ment in ctx.within(m.start(), m.end()):
                    sp = _speaker(ment) if ment.kind != "person" else None
                    sp = sp or (Country(ment.country) if ment.country else None)
        else:
            tail = re.match(r"\s+(?:(?:des|der|dem|den|von|aus)\s+)?", text[m.end() : m.end() + 12])
            at = m.end() + (tail.end() if tail else 0)
            for ment in ctx.within(at, min(s1, at + 60)):
                if re.fullmatch(r"(?:[\w-]+\s+){0,3}", text[at : ment.span.start]):
                    sp = (
                        Person(ment.key, ment.country)
                        if ment.kind == "person"
                        else (
                            Country(ment.country)
                            if ment.kind in ("city", "country") and ment.country
                            else _speaker(ment)
                        )
                    )
                    end = ment.span.end
                break
            if sp is None:
                seg_end = min(s1, at + 40)
                sp = _institution(ctx, at, seg_end, text[at:seg_end])
                if sp is not None:
                    end = seg_end
        if sp is not None:
            out.append(_Found((sp,), m.start(), end, m.start(), m.end(), Act.STATE, m.group(), True))
    for m in _HEISST_ES.finditer(text, s0, s1):
        seg_end = min(s1, m.end() + 80)
        seg = text[m.end() : seg_end]
        sp = _institution(ctx, m.end(), seg_end, seg)
        if sp is None and _DECLARATION.search(seg):
            sp = _org_in(ctx, m.end(), seg_end)
        if sp is not None:
            out.append(
                _Found(
                    (sp,),
                    m.start(),
                    _clause_end(text, m.end(), seg_end),
                    m.start(),
                    m.end(),
                    Act.STATE,
                    m.group(),
                    True,
                )
            )
    covered = {i for g in found for i in range(g.verb_start, g.verb_end)}
    return [f for f in out if f.verb_start not in covered]


# ------------------------------------------------------------------------------------ the record


def _quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quoted text (inside the marks) between ``start`` and ``end``, paired left to right."""
    out = []
    i = start
    while i < end:
        ch = text[i]
        closers = _OPENERS.get(ch)
        if closers is None:
            i += 1
            continue
        j = i + 1
        while j < end and text[j] not in closers:
            j += 1
        if j >= end:
            break
        out.append((i + 1, j))
        i = j + 1
    return out


def _is_name_quote(text: str, q0: int, lb: int) -> bool:
    if q0 < len(text) and text[q0].islower():
        return False  # a name starts with a capital letter
    before = text[lb : q0 - 1].split()
    if not before:
        return False
    prev = before[-1]
    if prev.endswith("("):
        return True  # a gloss in brackets: TRIPP („Trump Route …“)
    if prev in _NAME_NOUNS:
        return True
    return prev[0].isupper() and prev.lower() not in _DETERMINERS and len(before) > 1


def _in_brackets(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` lies inside a bracket opened after ``start`` (a gloss, not the speaker's words)."""
    return text.rfind("(", start, pos) > text.rfind(")", start, pos)


def _record(ctx: _Context, f: _Found, sp: Speaker, sent: Span, summit: int | None) -> Statement:
    text = ctx.text
    if f.parenthetical:
        c0, c1 = sent.start, f.verb_start
    elif f.content_start >= 0 and f.ev_end <= f.content_start:
        c0, c1 = f.content_start, _clause_end(text, f.content_start, sent.end)  # verb-final clause
    else:
        c0, c1 = max(f.verb_end, f.content_start), max(f.ev_end, f.verb_end)
    c1 = min(c1, c0 + 2 * _WINDOW)
    quoted = [
        text[a:b].strip()
        for a, b in _quotes(text, c0, c1)
        if b - a > 0 and not _is_name_quote(text, a, c0) and not _in_brackets(text, c0, a)
    ]
    content = text[c0:c1].strip(" ,.;:–—\n")
    content = re.sub(r"^(?:dass|,)\s+", "", content)
    for p in (" ".join(w) for w in [f.verb.split()[1:]] if w):
        if content.startswith(p):
            content = content[len(p) :].lstrip(" ,")
    return Statement(
        speaker=sp,
        act=f.act,
        evidence=Span.of(text, f.ev_start, max(f.ev_end, f.ev_start)),
        direct_quote=bool(quoted),
        quote=" … ".join(quoted) if quoted else None,
        content=content,
        summit=summit,
        verb=f.verb,
    )
