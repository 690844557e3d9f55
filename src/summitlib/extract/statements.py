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
* source phrases (act ``state``): ``…, so Tokajew``; ``nach Worten Schaparows``, ``Nach Angaben des
  Weißen Hauses``, ``laut Kreml``, ``Scholz zufolge``, ``heißt es in der Erklärung``; and a speaker with
  a colon before a quotation, ``Putin: „…“``;
* coordinated verbs share the subject: ``Er dankte X … und hob hervor, dass …``, ``Die beiden
  Präsidenten unterzeichneten … und betonten …``; also after a comma without subject (``X begrüßte die
  Abschlüsse, mahnte aber … an``);
* subordinate and relative clauses, verb last: ``Wie der Pressedienst … mitteilte``,
  ``Rachmon, der zur Rettung des Sees aufrief``, ``ein Gespräch, das der Kreml als „…“ bezeichnete``
  (subject after the relative pronoun; a quote in the clause is no boundary); perfect tense ``hatte er
  erklärt``; source phrases with an office (``Kremlberater X Y zufolge``, ``nach Worten des
  Vorstandschefs der Bank, X Y``) or a class noun (``laut dem Entwickler X``, ``laut Gastgeber``);
* purpose clauses ``nutzte die Bühne, um zu mehr Einheit aufzurufen`` (speaker: main-clause subject);
* separable verbs need their particle at the end of the clause (``schlug … vor``, ``rief … auf``).
* ``unter Berufung auf X`` is a source phrase; a lone ``Das`` opening the clause is an object pronoun
  (``Das teilte das Präsidialamt mit``: the subject follows the verb);
* a verb inside the content of a later parenthetical report of a person (``Die USA unterstützten X,
  sagte er``) is what that person said, not a statement of its own.

Who the subject is (pronouns, ``beide Staatschefs``, role phrases, ministries) is decided in
:mod:`~summitlib.extract._speakers`; the verb forms come from :mod:`~summitlib.extract._speech`. Not
statements: unnamed sources, passives, greetings (``begrüßte die Gäste``), ``sprach mit X über``,
``sagte seine Reise ab``, subheadings.

Cost: one Aho-Corasick pass over the text finds the verb forms together with the punctuation and
source-cue literals (see :class:`~summitlib.extract._speech.VerbIndex`); only the sentences holding a
verb form or a cue are visited (see :func:`_active`). The subject opening each sentence matters only
to a later pronoun, so it is resolved on demand (see :class:`_SentenceSubjects`), each sentence at most
once. Everything else looks at windows of at most a few hundred characters around a verb, so time is
linear in the text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

import attrs

from summitlib.extract._marks import Marks, in_brackets, is_name_quote
from summitlib.extract._mentions import Context, speaker_of
from summitlib.extract._offices import fullest, institution, org_in, titled_at
from summitlib.extract._roles import role_person
from summitlib.extract._sources import introduced_body, named_body, unknown_body
from summitlib.extract._speakers import (
    ADVERBS,
    DECLARATION,
    DETERMINERS,
    RELATIVES,
    SUBORDINATORS,
    inverted_subject,
    main_subject,
    opening_pair,
    opens_with_pronoun,
    relative_subject,
    subject_after,
    subject_before,
    subject_end,
    subordinate_subject,
    topic_person,
)
from summitlib.extract._speech import WINDOW, Hit, VerbIndex, particle_end, prep_re, variant_act
from summitlib.model import (
    Act,
    Country,
    Organization,
    Person,
    Span,
    Speaker,
    Statement,
    Summit,
    _new_object,
    _slot_setters,
)
from summitlib.model import _span as _make_span

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from summitlib.extract._doc import Doc

__all__ = ["find_statements"]

# Patterns searched over a window start with a literal (a look-behind after it stands for ``\b``), so
# the regex engine skips ahead to candidate characters instead of trying every position.

# "… und regte an": a verb coordinated with the previous one (shares its subject).
_COORD_BEFORE = re.compile(
    rf"(?:u(?<![\w-]u)nd|s(?<![\w-]s)owie|o(?<![\w-]o)der|a(?<![\w-]a)ber)\s+(?:(?:{ADVERBS})\s+){{0,2}}\Z"
)
# the last word of every match of _COORD_BEFORE (a cheap test before the search)
_COORD_TAILS = ("und", "sowie", "oder", "aber", *(a.split("\\s+")[-1] for a in ADVERBS.split("|")))
_ZU_BEFORE = re.compile(r"(?<![\w-])zu\s+\Z")  # "die Ukraine zu unterstützen": an infinitive
_SICH = re.compile(r"\s+(?:(?:er|sie|[A-ZÄÖÜ][\w-]*)\s+){0,3}sich\b")
_ATTITUDE = re.compile(
    r"""s(?<!\ws)ich\s+(?:(?:sehr|äußerst|ausgesprochen|tief|erneut|zuversichtlich|auch)\s+){0,2}
    (?:zufrieden|zuversichtlich|überzeugt|optimistisch|besorgt|erfreut|enttäuscht|offen|bereit
     |dankbar|beeindruckt|skeptisch|entschlossen)\b""",
    re.VERBOSE,
)
_AUX = re.compile(r"h(?<!\wh)(?:at|atte|abe|ätte|aben|atten|ätten)\b")
_AUX_AFTER = re.compile(r"\s+(?:hat|hatte|habe|hätte|haben|hatten|hätten)\b")  # "erklärt hatte"
_PLURAL_AUX = ("haben", "hatten", "hätten")
_PASSIVE = re.compile(r"w(?<!\ww)(?:urde|urden|orden|ird|erden)\b")
_SO = re.compile(r",\s+so\s+")
_SOURCE = re.compile(
    r"""
    \b(?:[Nn]ach\s+(?:den\s+)?(?:Worten|Angaben|Aussagen|Darstellung)   # nach Worten/Angaben X
    | [Ll]aut                                                             # laut X
    | [Uu]nter\s+Berufung\s+auf                                          # unter Berufung auf X
    | [Nn]ach\s+(?P<compound>[A-ZÄÖÜ][\w]*)-Angaben                       # nach Kreml-Angaben
    | [Nn]ach\s+(?P<poss>seine[nr]?|ihre[nr]?|eigene[nr]?)\s+(?:Worten|Angaben|Aussagen|Darstellung)  # seinen
    | [Nn]ach\s+(?P<adj>[a-zäöü][a-zäöüß]+en)\s+Angaben)                  # nach indischen Angaben
    \b""",
    re.VERBOSE,
)
_SOURCE_TAIL = re.compile(r"\s+(?:(?:des|der|dem|den|die|das|von|aus)\s+)?")  # "nach Angaben des …"
_WORD_RUN = re.compile(r"[\w-]+")
_SOURCE_GAP = re.compile(r"(?:[\w-]+\s+){0,3}")  # words before the source's mention
# a preposition before the mention makes it a modifier ("der in Shanghai ansässigen Bank"), not the source
_GAP_PREP = re.compile(r"(?<![\w-])(?:in|im|aus|bei|von|vom|mit|für|nach)\s")
# "nach Angaben des Präsidenten": a role noun in the genitive, resolved like a role subject
_ROLE_GENITIVE = re.compile(
    r"""(?:[a-zäöüß]+en\s+){0,2}
    (?P<role>Präsidenten|Staatschefs|Staatsoberhaupt(?:e?s)|Regierungschefs|Ministerpräsidenten|Premierministers
     |Premiers|Kremlchefs|Kanzlers|Bundeskanzlers|Gastgebers?)\b""",
    re.VERBOSE,
)
_CAP_WORD = re.compile(r"[A-ZÄÖÜ][\w-]*[\w]")
_ZUFOLGE = re.compile(r"z(?<!\wz)ufolge\b")  # "Scholz zufolge", "Dem Kreml zufolge"
_QUOTE_OPENERS = '„«»‚"'
_QUOTE_MARKS = '„“”«»‚‘’"'
_HEISST_ES = re.compile(r"\b(?:hei(?:ß|ss)t|hie(?:ß|ss))\s+es\b")
_GREETED = re.compile(
    r"\s+(?:(?:die|den|seine[n]?|ihre[n]?)\s+)?(?:Gäste|Gast|Teilnehmer|Delegationen|Staatschefs|Amtskollegen)\b"
)
_CONTENT_LEAD = re.compile(r"^(?:dass|,)\s+")
# a partner sharing the statement: "gemeinsam mit Ratspräsident X" (up to the name's end)
_JOINT = re.compile(r"\s*(?:[Gg]emeinsam|[Zz]usammen)\s+mit\s+(?P<who>(?:[\w-]+\s+){0,4}?[\w-]+)")
_JOINT_AFTER = re.compile(
    r"\s+(?:(?:er|sie|[A-ZÄÖÜ][\w-]*)\s+)?(?:gemeinsam|zusammen)\s+mit\s+(?P<who>(?:[\w-]+\s+){0,4}?[\w-]+)(?=[\s,.])"
)


@attrs.define
class _Found:
    """A reporting verb with its speakers, before it becomes one statement per speaker."""

    speakers: tuple[Speaker, ...]
    ev_start: int
    ev_end: int
    verb_start: int
    verb_end: int
    act: Act
    verb: str
    parenthetical: bool = False
    content_start: int = -1  # where the reported content starts (after an inverted subject)


@attrs.define
class _Scan:
    """The per-document state: mentions and memory, verb hits, punctuation, and where a source phrase
    may start (``, so``, the cue words of ``nach Angaben``/``laut``/``heißt es``/``zufolge``, a colon):
    a sentence without one of these has no source phrase to look for."""

    ctx: Context
    verbs: VerbIndex
    marks: Marks
    source_cues: list[int]

    @classmethod
    def of(cls, doc: Doc, summits: Sequence[Summit]) -> _Scan:
        """The scan of one document: one pass for verbs and punctuation, one for ``, so``."""
        text = doc.text
        verbs = VerbIndex(text)
        marks = Marks(text, verbs.literals)
        cues = [m.start() for m in _SO.finditer(text)] + marks.colons
        for found in marks.cues.values():
            cues += found
        cues.sort()
        return cls(Context(doc, summits), verbs, marks, cues)

    def has_source_cue(self, start: int, end: int) -> bool:
        """Whether a source phrase may start in ``[start, end)``."""
        cues = self.source_cues
        i = bisect.bisect_left(cues, start)
        return i < len(cues) and cues[i] < end


def find_statements(doc: Doc, summits: Sequence[Summit]) -> list[Statement]:
    """Every reported or quoted utterance of a named speaker in the document.

    Args:
        doc: the analysed article (sentences and entity mentions are used).
        summits: the summits found in the article; statements link to index 0 when there is one.

    Returns:
        The statements in text order (one per reporting verb and speaker), possibly empty.
    """
    return _find(doc, summits)


def _find(doc: Doc, summits: Sequence[Summit], *, eager: bool = False) -> list[Statement]:
    """:func:`find_statements`; ``eager`` resolves every sentence's subject at once and visits every
    sentence (the plain way, for tests: the result is the same)."""
    scan = _Scan.of(doc, summits)
    ctx = scan.ctx
    summit = 0 if summits else None
    sentences = doc.sentences
    subheadings = doc.article.subheadings
    in_subheading = _overlap_test([(s.start, s.end) for s in subheadings])
    memory = _SentenceSubjects(ctx, sentences, in_subheading if subheadings else None)
    ctx.deferred = memory
    out: list[Statement] = []
    for i in range(len(sentences)) if eager else _active(scan, doc):
        sent = sentences[i]
        s0, s1 = sent.start, sent.end
        if subheadings and in_subheading(s0, s1):
            continue
        memory.note(i + 1)
        if eager:
            memory.settle()
        for found in _sentence(scan, s0, s1):
            parts = _record(scan, found, sent)
            for sp in found.speakers:
                out.append(_statement(sp, found, parts, summit))
    ctx.deferred = None
    return out


def _active(scan: _Scan, doc: Doc) -> list[int]:
    """The indexes of the sentences that may hold a statement, in order: those with a lexicon word or a
    source cue, and any whose boundary cuts a word (see :meth:`VerbIndex.hits`). Every sentence when the
    sentences are not disjoint and ordered (never from the splitter)."""
    sentences = doc.sentences
    starts = doc.sentence_starts
    text = scan.ctx.text
    n = len(text)
    out = set()
    prev_end = 0
    for i, sent in enumerate(sentences):
        s0, s1 = sent.start, sent.end
        if s0 < prev_end or s1 < s0:
            return list(range(len(sentences)))
        prev_end = s1
        if (0 < s0 < n and text[s0 - 1].isalnum()) or (0 < s1 < n and text[s1].isalnum()):
            out.add(i)  # maybe a cut word: VerbIndex.hits decides
    for pos in itertools.chain(scan.verbs.starts, scan.source_cues):
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < sentences[i].end:
            out.add(i)
    return sorted(out)


class _SentenceSubjects:
    """The subjects opening the sentences, noted for the pronoun memory and resolved only on demand.

    The memory only answers "the latest person that was a subject"; a sentence's opening subject
    counts until a later subject is remembered. So the sentences since the last remembered subject are
    kept as a range and resolved only when a pronoun asks: latest first, the first person found is the
    answer (earlier sentences then do not matter), so most sentences are never resolved. A sentence
    opening with ``Er``/``Sie`` names the latest person again and changes nothing, unless the memory is
    empty: those are resolved last, earliest first, without nesting (so a long run of them is cheap).
    """

    def __init__(self, ctx: Context, sentences: Sequence[Span], skip: Callable[[int, int], bool] | None) -> None:
        self.ctx = ctx
        self.sentences = sentences
        self.skip = skip
        self.done = 0  # sentences before this index are accounted for in ``ctx.recent``
        self.upto = 0  # sentences ``[done, upto)`` are noted, not yet resolved

    def note(self, upto: int) -> None:
        """Note every sentence before index ``upto``."""
        self.upto = upto

    def drop(self) -> None:
        """A subject was remembered: it outranks the noted sentences."""
        self.done = self.upto

    def settle(self) -> None:
        """Resolve the noted sentences: remember the subject the plain sentence-by-sentence pass would."""
        lo, top = self.done, self.upto
        if lo >= top:
            return
        self.done = top  # from here on the look-ups below see the memory as it stands
        pronouns = []  # sentences opening with a pronoun, latest first
        for j in range(top - 1, lo - 1, -1):
            sent = self.sentences[j]
            s0, s1 = sent.start, sent.end
            if not self._counts(s0, s1):
                continue
            if opens_with_pronoun(self.ctx.text, s0, s1):
                pronouns.append(j)
                continue
            first = self._subject(s0, s1)  # (no pronoun: independent of the memory)
            if isinstance(first, Person):
                self.ctx.remember(first)
                return
        if self.ctx.recent:
            return  # each pronoun names the latest person again
        for j in reversed(pronouns):  # an empty memory: "Er" means the last person named before
            sent = self.sentences[j]
            first = self._subject(sent.start, sent.end)
            if isinstance(first, Person):
                self.ctx.remember(first)
                return

    def _counts(self, s0: int, s1: int) -> bool:
        """Whether the sentence may name a subject (a mention or a pronoun in it, not a subheading)."""
        ctx = self.ctx
        if self.skip is not None and self.skip(s0, s1):
            return False
        starts = ctx.starts
        k = bisect.bisect_left(starts, s0)
        return (k < len(starts) and starts[k] < s1) or ctx.text.startswith(("Er", "Sie"), s0)

    def _subject(self, s0: int, s1: int) -> Speaker | None:
        """The subject opening the sentence ``[s0, s1)`` as the memory sees it (None: nothing to add)."""
        ctx = self.ctx
        first = main_subject(ctx, s0, s1)
        if first is None:
            first = inverted_subject(ctx, s0, s1) or topic_person(ctx, s0, s1)
        return first


_SET_STATEMENT = _slot_setters(
    Statement, ("speaker", "act", "evidence", "direct_quote", "quote", "content", "summit", "verb")
)


def _statement(speaker: Speaker, f: _Found, parts: tuple[Span, str | None, str], summit: int | None) -> Statement:
    """``Statement(...)`` of one speaker of ``f`` with the evidence, quote and content of :func:`_record`,
    built without the generic attrs ``__init__`` (the fields have no validators): the hot end of the
    extractor."""
    evidence, quote, content = parts
    st: Statement = _new_object(Statement)
    speaker_, act_, evidence_, direct_, quote_, content_, summit_, verb_ = _SET_STATEMENT
    speaker_(st, speaker)
    act_(st, f.act)
    evidence_(st, evidence)
    direct_(st, quote is not None)
    quote_(st, quote)
    content_(st, content)
    summit_(st, summit)
    verb_(st, f.verb)
    return st


def _overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test whether ``[start, end)`` overlaps one of ``spans`` (bisection over their sorted starts)."""
    if not spans:
        return lambda start, end: False
    spans.sort()
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))  # furthest end among the first k

    def overlaps(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # spans starting before ``end``
        return k > 0 and reach[k - 1] > start

    return overlaps


# --------------------------------------------------------------------------------------- per sentence


def _sentence(scan: _Scan, s0: int, s1: int) -> list[_Found]:
    """The statements of one sentence: its reporting verbs, then its source phrases."""
    ctx = scan.ctx
    found: list[_Found] = []
    taken = -1  # the word whose reading made a statement (its other readings are skipped)
    sources = _sources(scan, s0, s1) if scan.has_source_cue(s0, s1) else []
    hits = scan.verbs.hits(s0, s1)
    if not hits and not sources:
        return found
    told = 0  # sources whose person is remembered (a later "er" means the source's speaker)
    for hit in hits:
        if hit[0] == taken:
            continue
        while told < len(sources) and sources[told].verb_start < hit[0]:
            _remember(ctx, sources[told])
            told += 1
        f = _analyse(scan, hit, s0, s1, found)
        if f is not None:
            taken = hit[0]
            found.append(f)
            for sp in f.speakers:
                if isinstance(sp, Person):
                    ctx.remember(sp)
    for f in sources[told:]:
        _remember(ctx, f)
    if sources and found:
        covered = {i for g in found for i in range(g.verb_start, g.verb_end)}
        sources = [f for f in sources if f.verb_start not in covered]
    if sources:
        found.extend(sources)
        found.sort(key=lambda f: f.verb_start)
    if len(found) > 1:
        found = _drop_reported(found)
    _clip(found)
    return found


#: Konjunktiv auxiliaries of a relayed statement ("habe … bezeichnet", "hätten … gefordert").
_RELAYED_AUX = frozenset({"habe", "hätte", "hätten"})


def _drop_reported(found: list[_Found]) -> list[_Found]:
    """Drop verbs inside the content of a later parenthetical report: in ``Die USA unterstützten X,
    sagte er`` the first verb is what *er* said, not a statement of its own. A verb in the Konjunktiv
    perfect stays (``Merz habe X gelobt, sagte sein Sprecher``): it relays another speaker's statement."""
    if len(found) < 2:
        return found
    last = next((f for f in reversed(found) if f.parenthetical and f.verb not in ("so", ":")), None)
    if last is None or not all(isinstance(sp, Person) for sp in last.speakers):
        return found
    return [
        f
        for f in found
        if f.parenthetical
        or f.verb_start > last.verb_start
        or f.speakers == last.speakers
        or f.verb.split(" ", 1)[0] in _RELAYED_AUX
    ]


def _remember(ctx: Context, f: _Found) -> None:
    """Note the persons of a statement as the latest subjects."""
    for sp in f.speakers:
        if isinstance(sp, Person):
            ctx.remember(sp)


def _clip(found: list[_Found]) -> None:
    """End each evidence before the next statement's clause, so two verbs get two spans."""
    last = len(found) - 1
    for i, f in enumerate(found):
        end = f.ev_end
        if i < last and not f.parenthetical:
            end = min(end, max(found[i + 1].ev_start, f.verb_end))
        end = max(end, f.verb_end)
        f.ev_end = end


# A finite form of "lassen" before an infinitive: "ließ (über seinen Sprecher) erklären, …".
_LASSEN = re.compile(r"(?<![\w-])(?:ließ|ließen|liess|liessen|lässt|lassen)(?![\w-])")
_PLURAL_LASSEN = frozenset({"ließen", "liessen", "lassen"})


def _lassen_before(text: str, lb: int, v0: int) -> re.Match[str] | None:
    """The last form of "lassen" in the clause before an infinitive at ``v0`` (none after "zu")."""
    if "ss" not in text[lb:v0] and "ß" not in text[lb:v0]:
        return None
    last = None
    for m in _LASSEN.finditer(text, lb, v0):
        last = m
    if last is None or text[last.end() : v0].rstrip().endswith((" zu", ",")):
        return None
    return last


def _analyse(scan: _Scan, hit: Hit, s0: int, s1: int, prev: list[_Found]) -> _Found | None:
    """The statement a verb hit heads, if its clause has a named speaker as subject."""
    ctx = scan.ctx
    text = ctx.text
    hit_start, hit_end, form = hit
    entry = form.entry
    v0, v1 = hit_start, hit_end
    lb = scan.marks.clause_start(s0 if v0 - WINDOW < s0 else v0 - WINDOW, v0)
    right_end = s1 if v1 + WINDOW > s1 else v1 + WINDOW
    verb_words = text[v0:v1]
    plural = form.plural
    kind = form.kind
    subordinate = False

    lassen = _lassen_before(text, lb, v0) if kind == "inf" else None
    if lassen is not None:  # "ließ über seinen Sprecher erklären": the one who had it said speaks
        v0, v1 = lassen.start(), lassen.end()
        plural = lassen.group() in _PLURAL_LASSEN
        verb_words = text[v0:hit_end]
        kind = "finite"
    elif kind in ("inf", "zu_inf"):
        if kind == "inf" and not text[max(s0, v0 - 3) : v0].endswith("zu "):
            return None
        um_at = text.rfind(" um ", max(s0, v0 - 200), v0) + 1
        if um_at <= 0:
            return None
        speakers = _inherit(ctx, s0, s1, um_at, prev)
        if not speakers or entry.act is None:
            return None
        return _Found(speakers, um_at, v1, v0, v1, entry.act, verb_words)

    if kind == "participle":
        words = form.words_before
        if words:
            before = text[max(lb, v0 - 40) : v0].split()
            if before[-len(words) :] != list(words):
                return None
        aux = None
        for m in _AUX.finditer(text, lb, v0):
            aux = m
        if aux is None and text[lb - 1 : lb] in _QUOTE_MARKS:  # "hatte vor einer «Spaltung» gewarnt"
            wide = scan.marks.clause_start(max(s0, v0 - WINDOW), v0, quotes=False)
            for m in _AUX.finditer(text, wide, v0):
                aux = m
            if aux is not None:
                lb = wide
        if aux is None and text[lb - 1 : lb] == ",":  # "hat … Iran, Ägypten und Argentinien eingeladen"
            aux, lb = _aux_before_list(scan, s0, lb, aux)
        after_aux = _AUX_AFTER.match(text, v1, v1 + 12)
        if (aux is None and after_aux is None) or _PASSIVE.search(text, lb, v0):
            return None
        if aux is not None:
            v0, v1 = aux.start(), aux.end()
            plural = aux.group() in _PLURAL_AUX
        else:
            subordinate = True
            assert after_aux is not None  # for the type checker: one of both was found
            plural = after_aux.group().split()[-1] in _PLURAL_AUX
        verb_words = text[v0:hit_end]

    zu_at = max(s0, v0 - 4)
    if kind in ("finite", "joined") and "zu" in text[zu_at:v0] and _ZU_BEFORE.search(text[zu_at:v0]):
        return None  # an infinitive ("die Ukraine zu unterstützen"), not a finite verb
    vwords = text[lb:v0].split()
    if not vwords and lb > s0 and text[lb - 1] in _QUOTE_MARKS and _clause_final(text, hit_end, s1):
        # "…, das der Kreml als „sehr herzlich“ bezeichnete": a quote inside a verb-final clause
        wide = scan.marks.clause_start(max(s0, v0 - WINDOW), v0, quotes=False)
        if text[wide:v0].split()[:1] and text[wide:v0].split()[0] in RELATIVES and wide > s0:
            lb, vwords = wide, text[wide:v0].split()
    coordinated = False
    coord = _COORD_BEFORE.search(text, max(lb, v0 - 40), v0) if vwords and vwords[-1].endswith(_COORD_TAILS) else None
    if coord is not None and kind != "joined":
        coordinated = True
        lb = coord.end()
        vwords = []
    if kind == "joined":
        subordinate = True
    elif vwords and (
        vwords[0].lower() in SUBORDINATORS or (vwords[0] in RELATIVES and lb > s0 and _clause_final(text, hit_end, s1))
    ):
        subordinate = vwords[0].lower() in SUBORDINATORS or _clause_final(text, hit_end, s1)

    # particle and frame of the entry
    if entry.act is None:
        return None
    if kind == "finite" and entry.particle:
        part_end = particle_end(text, hit_end, right_end, entry.particle)
        if entry.particle and part_end is None:
            return None
    else:
        part_end = None
    clause_end = _clause_end(text, hit_end, right_end)
    if entry.preps and not (
        prep_re(entry.preps).search(text, hit_end, clause_end)
        or (kind in ("participle", "joined") and prep_re(entry.preps).search(text, lb, hit_start))
    ):
        return None  # verb-final forms have the preposition before them ("hat zum Gipfel geladen")
    if entry.reflexive and not _SICH.match(text, hit_end):
        return None
    if entry.attitude and not _ATTITUDE.search(text, hit_end, min(clause_end, hit_end + 80)):
        return None
    act: Act | None = entry.act
    if entry.variants:
        ok, act = variant_act(entry, text, hit_end)
        if not ok:
            return None
    if act is None:
        return None
    if entry.no_greeting and _is_greeting(ctx, hit_end, clause_end):
        return None
    verb = verb_words if part_end is None else f"{verb_words} {' '.join(entry.particle)}"

    # the subject
    res: tuple[tuple[Speaker, ...], int] | None
    parenthetical = False
    if subordinate:
        res = subordinate_subject(ctx, lb, v0, s0, plural)
        if res is None and not vwords and lb > s0:  # "wie der Berater, Juri Uschakow, mitteilte"
            res = relative_subject(ctx, s0, lb, plural)
    elif coordinated and not vwords:
        res = subject_after(ctx, v1, right_end, plural, own_only=True)
        if res is None:
            inherited = _inherit(ctx, s0, s1, lb, prev, plural=plural)
            res = (inherited, v0) if inherited else None
    elif not vwords:
        res = subject_after(ctx, v1, right_end, plural)
        parenthetical = lb > s0 and res is not None
        if res is None and lb > s0:
            res = relative_subject(ctx, s0, lb, plural)
        if res is None and lb > s0 and text[lb - 1] == "," and kind == "finite":
            # "X begrüßte die Abschlüsse, mahnte aber … an": a verb coordinated without "und"
            inherited = _asyndetic(prev, s0, lb)
            res = (inherited, v0) if inherited else None
    else:
        res = subject_before(ctx, lb, v0, plural)
        if res is None and (vwords[0].lower() not in DETERMINERS or vwords == ["Das"]):
            # "Das teilte das Präsidialamt mit": a lone "Das" is a pronoun object
            # a Vorfeld opening with a determiner is the (non-speaker) subject: no inverted search
            res = subject_after(ctx, v1, right_end, plural)
    if res is None:
        return None
    speakers, sub_pos = res
    if not subordinate and _may_be_joint(text, lb, right_end):
        speakers = _joint(ctx, lb, v0, v1, right_end, speakers=speakers)
    ev_start = min(sub_pos, v0)
    content_start = subject_end(ctx, v1, right_end) if sub_pos > v0 and not parenthetical else -1
    if parenthetical:
        ev_end = max(subject_end(ctx, v1, right_end), part_end or hit_end)
    elif subordinate:
        ev_end = hit_end if kind != "participle" else max(hit_end, v1)
        content_start = ev_end
    else:
        ev_end = clause_end
    return _Found(
        speakers,
        ev_start,
        ev_end,
        min(v0, hit_start),
        max(hit_end, v1),
        act,
        verb,
        parenthetical,
        content_start,
    )


def _may_be_joint(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` holds the literals of ``gemeinsam/zusammen mit`` (a test before the search)."""
    return text.find("mit", start, end) >= 0 and (
        text.find("emeinsam", start, end) >= 0 or text.find("usammen", start, end) >= 0
    )


def _joint(
    ctx: Context, lb: int, v0: int, v1: int, limit: int, *, speakers: tuple[Speaker, ...]
) -> tuple[Speaker, ...]:
    """``Gemeinsam mit Ratspräsident X warb sie …`` / ``Sie warb gemeinsam mit X …``: X speaks too."""
    text = ctx.text
    m = _JOINT.fullmatch(text, lb, lb + len(text[lb:v0].rstrip()))
    if m is None:
        m = _JOINT_AFTER.match(text, v1, limit)
    if m is None:
        return speakers
    partner = ctx.ending_at(m.end())
    if partner is None or partner.kind != "person" or partner.span.start < m.start("who"):
        return speakers
    p = ctx.person(partner)
    return speakers if p in speakers else (*speakers, p)


def _aux_before_list(scan: _Scan, s0: int, lb: int, aux: re.Match[str] | None) -> tuple[re.Match[str] | None, int]:
    """The auxiliary before an enumeration (``hat A, B und C eingeladen``) and its clause start.

    Steps back over at most eight commas whose items are short (at most five words, no subordinator);
    the clause before the first item (opening the sentence or after another boundary, or longer than
    five words) must hold the auxiliary and must not be subordinate. Else ``(aux, lb)`` unchanged.
    """
    text = scan.ctx.text
    hard = scan.marks.hard
    k = bisect.bisect_left(hard, lb - 1)
    end = lb - 1  # the comma closing the current item
    for _ in range(9):
        comma = k > 0 and hard[k - 1] >= s0 and text[hard[k - 1]] == ","
        start = hard[k - 1] + 1 if k > 0 and hard[k - 1] >= s0 else s0
        item = text[start:end].split()
        if not item or item[0].lower() in SUBORDINATORS:
            return aux, lb
        if not comma or len(item) > 5:
            if item[0] in RELATIVES and comma:
                return aux, lb  # a relative clause, not the auxiliary's clause
            found = None
            for m in _AUX.finditer(text, max(start, end - WINDOW), end):  # bounded: linear in the text
                found = m
            return (found, start) if found is not None else (aux, lb)
        end = hard[k - 1]
        k -= 1
    return aux, lb


def _clause_final(text: str, pos: int, s1: int) -> bool:
    """Whether the clause ends right after ``pos`` (verb-last: a relative clause, not a Vorfeld)."""
    rest = text[pos : min(s1, pos + 12)].lstrip()
    return not rest or rest[0] in ",.;:!?–—)" or rest.startswith("und ")


def _clause_end(text: str, pos: int, limit: int) -> int:
    """The end of the verb's sentence part: the sentence end, capped by the scan window."""
    end = limit
    while end > pos and text[end - 1] in " .!?;:\n":
        end -= 1
    return end


def _is_greeting(ctx: Context, pos: int, end: int) -> bool:
    """``begrüßte die Gäste`` / ``begrüßte neben Putin den Präsidenten X``: a person is the object."""
    if _GREETED.match(ctx.text, pos):
        return True
    comma = ctx.text.find(",", pos, min(end, pos + 100))
    stop = comma if comma >= 0 else min(end, pos + 100)
    return any(m.kind == "person" for m in ctx.within(pos, stop))


def _asyndetic(prev: list[_Found], s0: int, lb: int) -> tuple[Speaker, ...]:
    """The speakers of a main-clause statement of this sentence that a verb after a comma continues."""
    for f in reversed(prev):
        if s0 <= f.verb_start < lb and not f.parenthetical and f.content_start < 0:
            return f.speakers
    return ()


def _inherit(
    ctx: Context, s0: int, s1: int, lb: int, prev: list[_Found], *, plural: bool = True
) -> tuple[Speaker, ...]:
    """Speakers of a coordinated verb: the previous statement of the sentence, else its main subject.

    The main subject may be a pair (``Die beiden Präsidenten unterzeichneten … und betonten …``).
    """
    for f in reversed(prev):
        if s0 <= f.verb_start < lb:
            return f.speakers
    sub = main_subject(ctx, s0, s1)
    return (sub,) if sub is not None else opening_pair(ctx, s0, s1, plural)


# ------------------------------------------------------------------------------- source phrases


def _sources(scan: _Scan, s0: int, s1: int) -> list[_Found]:
    """``…, so X``; ``nach Worten/Angaben X``; ``laut X``; ``X zufolge``; ``heißt es in der Erklärung``;
    ``X: „…“``."""
    ctx = scan.ctx
    text = ctx.text
    out = []
    for m in _SO.finditer(text, s0, s1):
        res = subject_after(ctx, m.end() - 1, min(s1, m.end() + 90), plural=False)
        if res is not None:
            so = m.start() + 2
            end = subject_end(ctx, m.end() - 1, s1)
            out.append(_Found(res[0], so, end, so, so + 2, Act.STATE, "so", parenthetical=True))
    for m in _SOURCE.finditer(text, s0, s1) if scan.marks.has_cue("nach", s0, s1) else ():
        sp: Speaker | None = None
        end = m.end()
        if (m.group("poss") or "")[:5] == "eigen":  # "X vergab nach eigenen Angaben …": the subject
            # a pronoun subject may be a body as well as a person ("Sie" = die Bank): none then
            sp = None if opens_with_pronoun(text, s0, s1) else main_subject(ctx, s0, s1)
        elif m.group("poss"):
            sp = ctx.last_person(m.start())
        elif m.group("adj"):
            sp = next((Country(a.country) for a in ctx.within(m.start("adj"), m.end("adj")) if a.country), None)
        elif m.group("compound"):
            sp = institution(ctx, m.start(), m.end(), m.group("compound"))
            if sp is None:
                for ment in ctx.within(m.start(), m.end()):
                    sp = speaker_of(ment) if ment.kind != "person" else None
                    sp = sp or (Country(ment.country) if ment.country else None)
        else:
            tail = _SOURCE_TAIL.match(text[m.end() : m.end() + 12])
            at = m.end() + (tail.end() if tail else 0)
            for ment in ctx.within(at, min(s1, at + 60)):
                gap = text[at : ment.span.start]
                body_end = _body_word_end(text, at, ment.span.start)
                if body_end is not None:  # "nach Angaben des Kremls gratulierte Putin": the body is the source
                    sp, end = named_body(text[at:body_end]), body_end
                    break
                if _SOURCE_GAP.fullmatch(gap) and not _GAP_PREP.search(gap):
                    if ment.kind == "person":
                        sp = Person(ment.key, ment.country)
                    elif ment.kind in ("city", "country") and ment.country:
                        sp = Country(ment.country)
                    else:
                        sp = speaker_of(ment)
                    end = ment.span.end
                break
            if sp is None:
                seg_end = min(s1, at + 40)
                sp = institution(ctx, at, seg_end, text[at:seg_end])
                if sp is not None:
                    end = seg_end
            if sp is None:
                role = _ROLE_GENITIVE.match(text, at, min(s1, at + 60))
                if role is not None:
                    sp = role_person(ctx, at, role.group("role"))
                    end = role.end()
            if sp is None:  # "laut Regierungssprecher X", "nach Worten des Vorstandschefs der Bank, X,"
                titled = titled_at(ctx, at, min(s1, at + 120))
                if titled is not None:
                    sp, end = titled[0], titled[2]
            if sp is None:
                body = unknown_body(text, at, min(s1, at + 90))  # "der (in X ansässigen) Neuen Entwicklungsbank"
                if body is not None and _SOURCE_GAP.fullmatch(text[at : body[1]]):
                    sp, end = fullest(ctx, body[0], at), body[2]
            if sp is None:  # "laut Feldhaus": a person or body named earlier
                sp, end = _named_before(ctx, at, s1, end)
        if sp is not None:
            out.append(_Found((sp,), m.start(), end, m.start(), m.end(), Act.STATE, m.group(), True))
    for m in _HEISST_ES.finditer(text, s0, s1) if scan.marks.has_cue("heisst", s0, s1) else ():
        seg_end = min(s1, m.end() + 80)
        seg = text[m.end() : seg_end]
        sp = institution(ctx, m.end(), seg_end, seg)
        if sp is None and DECLARATION.search(seg):
            sp = org_in(ctx, m.end(), seg_end)
        if sp is not None:
            end = _clause_end(text, m.end(), seg_end)
            out.append(_Found((sp,), m.start(), end, m.start(), m.end(), Act.STATE, m.group(), True))
    for m in _ZUFOLGE.finditer(text, s0, s1):
        k = m.start()
        while k > s0 and text[k - 1].isspace():
            k -= 1
        before = ctx.ending_at(k)
        sp = None
        at = k
        if before is not None and before.span.start >= s0:
            sp = Country(before.country) if before.kind == "city" and before.country else speaker_of(before)
            at = before.span.start
        if sp is None:  # "Kremlberater Juri Uschakow zufolge"
            titled = titled_at(ctx, scan.marks.clause_start(max(s0, k - 90), k), k, ending=True)
            if titled is not None:
                sp, at = titled[0], titled[1]
        if sp is None and before is None:  # "Feldhaus zufolge": a person or body named earlier
            word = text.rfind(" ", max(s0, k - 40), k) + 1
            sp, _ = _named_before(ctx, max(word, s0), k, k)
            at = max(word, s0) if sp is not None else at
        if sp is None:  # "Dem Kreml zufolge", "Angaben des Präsidialamts zufolge"
            at = scan.marks.clause_start(max(s0, k - 60), k)
            sp = institution(ctx, at, k, text[at:k])
            if sp is None:
                body = unknown_body(text, at, k)
                sp = fullest(ctx, body[0], at) if body is not None and body[2] == k else None
        if sp is not None:
            out.append(_Found((sp,), at, m.end(), m.start(), m.end(), Act.STATE, m.group(), True))
    colon = text.find(":", s0, s1)
    while colon >= 0:
        _colon_quote(scan, s0, colon, out)
        colon = text.find(":", colon + 1, s1)
    out.sort(key=lambda f: f.verb_start)
    return out


def _body_word_end(text: str, at: int, stop: int) -> int | None:
    """End of the first one or two words at ``at`` (before ``stop``) that name a body of the data
    (``des Kremls``, ``des Weißen Hauses``), if they do."""
    for w in itertools.islice(_WORD_RUN.finditer(text, at, stop), 2):
        if named_body(text[at : w.end()]) is not None:
            return w.end()
    return None


def _named_before(ctx: Context, at: int, limit: int, end: int) -> tuple[Speaker | None, int]:
    """The capitalised word at ``at`` as a person named before (by a name word) or a body introduced
    by a class noun; with the end of the word (``end`` when none)."""
    word = _CAP_WORD.match(ctx.text, at, limit)
    if word is None or ctx.within(at, word.end()):
        return None, end
    p = ctx.by_token(word.group(), at)
    if p is not None:
        return p, word.end()
    if introduced_body(ctx.text, word.group(), at):
        return Organization(word.group()), word.end()
    return None, end


def _colon_quote(scan: _Scan, s0: int, colon: int, out: list[_Found]) -> None:
    """``Putin: „…“``: a speaker, a colon and a quotation (the quote is the content)."""
    text = scan.ctx.text
    q = colon + 1
    while q < len(text) and text[q] == " ":
        q += 1
    if q >= len(text) or text[q] not in _QUOTE_OPENERS:
        return
    lb = scan.marks.clause_start(max(s0, colon - WINDOW), colon)
    res = subject_before(scan.ctx, lb, colon, plural=False)
    if res is not None and res[1] >= lb:
        out.append(_Found(res[0], res[1], colon + 1, colon, colon + 1, Act.STATE, ":", False, colon + 1))


# ------------------------------------------------------------------------------------ the record


def _record(scan: _Scan, f: _Found, sent: Span) -> tuple[Span, str | None, str]:
    """What each speaker's statement of ``f`` holds: evidence, the speaker's quoted words (None: no
    quote) and the reported content."""
    text = scan.ctx.text
    marks = scan.marks
    spans: list[tuple[int, int, int]] = []
    if f.parenthetical:
        c0, c1 = sent.start, f.verb_start
    elif f.content_start >= 0 and f.ev_end <= f.content_start:
        c0, c1 = f.content_start, _clause_end(text, f.content_start, sent.end)  # verb-final clause
        # quoted words inside the clause itself: "das der Kreml als „sehr herzlich“ bezeichnete"
        spans = [(a, b, f.ev_start) for a, b in marks.quoted(f.ev_start, f.verb_start)]
    else:
        c0, c1 = max(f.verb_end, f.content_start), max(f.ev_end, f.verb_end)
    c1 = min(c1, c0 + 2 * WINDOW)
    if marks.has_quote(c0, c1):
        spans += [(a, b, c0) for a, b in marks.quoted(c0, c1)]
    quoted = (
        [
            text[a:b].strip()
            for a, b, lo in spans
            if b - a > 0 and not is_name_quote(text, a, lo) and not in_brackets(text, lo, a)
        ]
        if spans
        else None
    )
    content = text[c0:c1].strip(" ,.;:–—\n")
    if content.startswith(("dass", ",")):
        content = _CONTENT_LEAD.sub("", content)
    particle = " ".join(f.verb.split()[1:])
    if particle and content.startswith(particle):
        content = content[len(particle) :].lstrip(" ,")
    return _span(f.ev_start, max(f.ev_end, f.ev_start), text), " … ".join(quoted) if quoted else None, content


def _span(start: int, end: int, text: str) -> Span:
    """``Span.of(text, start, end)`` without its validators when ``start`` is an offset (``end >= start``)."""
    return _make_span(start, end, text[start:end]) if start >= 0 else Span.of(text, start, end)
