"""Find agreements: documents signed or adopted, and deals concluded.

Grammar
-------
A sentence is cut into clauses at ``;``, ``:``, dashes and at a comma followed by a subordinating word
or relative pronoun (``, den alle sechs Präsidenten unterzeichneten``). An *agreement* is a document noun
(``data/agreements_de.tsv``: ``Vertrag``, ``Abkommen``, ``Vereinbarungen``, ``Memoranden``,
``Absichtserklärung``, ``Erklärung``, ``Dokumente``, ``Beschlüsse``, ``Fahrplan`` …, compounds by their
ending: ``Handelsabkommen``, ``Astana-Erklärung``) in a clause that also holds a signing verb
(``unterzeichneten``, ``verabschiedet``, ``schlossen … ab``, ``nahmen … an``, ``einigten sich auf`` …) that
is not a plan (an infinitive with a modal, a participle with ``werden``) and not negated. A relative clause
with the verb and no noun signs the last noun before it. ``Abschlusserklärung``/``Gipfelerklärung`` need
no verb (a summit's final declaration exists only once adopted). Subheadings are skipped.

Fields
------
kind
    from the noun; ``Vertrag`` is a ``contract`` when companies sign it or it has a value, else a
    ``treaty``.
count
    digits or a number word before the noun (``25 Dokumente``, ``ein Dutzend weiterer Vereinbarungen``,
    ``zwei Dutzend``), ``"several"`` for ``mehrere``/``zahlreiche``/``eine Reihe von``; else ``None``.
parties
    the signers named in the clause before the first document noun (states, persons' states, adjectives,
    the EU) plus partners after the noun introduced by ``mit``/``zwischen``; persons in a witness phrase
    (``im Beisein von``) do not sign; ``er`` is the first person of the sentence before. Without named
    signers: ``beide Seiten``/``beider Länder`` are the article's two sides (the two states of the leaders
    named most, or of the sentence before); otherwise the linked summit's ``countries`` (less states named
    as guests or observers, plus ``EU`` for EU formats); otherwise the two sides.
value
    the :class:`~summitlib.model.Money` in the clause nearest to the noun.
sectors
    sector words after the noun (and in the next sentence when it goes on with ``Schwerpunkt``/
    ``Dokumente``), plus the noun's own compound (``Handelsabkommen`` = trade).
summit
    a summit is *current* when its date is unknown or lies within 45 days before publication (not
    after it). The last cue in the paragraph up to the noun decides: a summit word (``Gipfel``,
    ``Sitzung``, ``zum Abschluss``) links, a visit word (``Staatsbesuch``, ``Vorabend``), a city that is
    not the summit's or an earlier year in the sentence unlinks; with no cue it links. A link goes to the
    current summit mentioned last before the noun (else the first current one).

Mentions of the same document are merged: same kind and summit, compatible count, value and name (the
``Astana`` of ``Astana-Erklärung``), never after ``weitere``; parties named explicitly win over defaults.
Every pattern is linear in the input.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from importlib.resources import files
from typing import TYPE_CHECKING, NamedTuple

import attrs

from summitlib.model import Agreement, AgreementKind, Count, Money, Span, Summit

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from summitlib.extract._doc import Doc
    from summitlib.extract.entities import EntityMention

__all__ = ["find_agreements"]

_DATA = "agreements_de.tsv"

#: Capitalised or lower-case word tokens (German letters, digits, apostrophes, inner hyphens).
_WORD = re.compile(
    r"""
      [^\W_] [\w'’]*            # a word: letters/digits, may carry an apostrophe (Xi'an)
      (?: - [^\W_] [\w'’]* )*   # hyphen compounds (Astana-Erklärung, US-Unternehmen)
    """,
    re.VERBOSE,
)

#: Clause boundaries inside a sentence.
_CLAUSE = re.compile(
    r"""
      \s* [;:] \s*                       # semicolon or colon
    | \s+ [–—] \s+                       # spaced dash
    | , \s* (?= (?: der|die|das|den|dem|deren|dessen|welche[rsnm]?|dass|daß|wie|wo|als|weil|nachdem
                 |ob|wenn|obwohl|damit|sodass|während|um|bevor|seit|seitdem|aber|doch|sondern
                 |teilte|hieß|sagte|erklärte|so) \b )   # comma + subordinator / relative pronoun
    """,
    re.VERBOSE,
)

#: A fronted subordinate clause: it ends at its first comma ("Wie X mitteilte, ging es …").
_FRONTED = re.compile(r"(?:Wie|Als|Nachdem|Während|Da|Weil|Obwohl|Wenn|Bevor|Seit|Seitdem)\b")

#: "und" followed by a verb: a coordinated verb phrase with its own objects ("nahmen X auf und
#: unterzeichneten die Erklärung").
_AND_VERB = re.compile(r"\sund\s+(\w+)")

#: Phrases of a sentence that names guests or observers.
_GUEST = re.compile(
    r"""
      \b [Aa]ls \s+ (?:Gast|Gäste|Gaststaat|Beobachter\w*) \b   # "nahm als Gast teil"
    | \b Beobachter\w* \b                                    # "Ungarn, das Beobachterstatus hat"
    | \b hinzu \b                                             # "kamen … hinzu" (outreach day)
    """,
    re.VERBOSE,
)

#: Relative pronouns that open a clause referring back to the last noun.
_RELATIVE = re.compile(r"(?:der|die|das|den|dem|welche[rsnm]?)\b")

#: A four-digit year.
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

#: "sich" right after a finite "schloss(en)": joining (schlossen sich … an), not concluding.
_SICH = re.compile(r"\s+sich\b")

#: The separable particle at the end of a clause (schlossen … ab, nahmen … an).
_PARTICLE_END = re.compile(r"\b(ab|an)\s*[.!?»«“”\"]*\s*\Z")

#: A participle followed by a passive/future auxiliary: "unterzeichnet werden" is a plan.
_WERDEN_AFTER = re.compile(r"\A\s+(?:werden|werde|würden|würde|sollen|soll)\b")

#: "mit"/"zwischen" introducing partners after the noun.
_PARTNER_CUE = re.compile(r"\b(?:mit|zwischen)\s")

#: What may stand between two partner mentions (articles, "und", adjectives, commas).
_PARTNER_GAP = re.compile(r"\A(?:[\s,]|und\b|sowie\b|der\b|die\b|den\b|dem\b|des\b|[a-zäöü]+e[nmrs]?\b){0,6}\Z")

#: A locative preposition right before an entity ("in Kasachstan", "im usbekischen Samarkand").
_LOCATIVE = re.compile(
    r"\b(?:in|im|nach|aus|vor|von|über|zur|zum|für|gegen)\s+(?:der\s+|dem\s+|den\s+)?(?:[a-zäöü]+\w*\s+)?\Z"
)

#: Pronoun subject "er" in the clause.
_ER = re.compile(r"\ber\b")

#: Sentences that continue the last agreement with its sectors.
_CONTINUES = re.compile(
    r"""
      \A (?: Besondere[rn]?\s+Schwerpunkt\w*    # "Besondere Schwerpunkte der Kooperation …"
          | Schwerpunkt\w*                       # "Schwerpunkte sind …"
          | (?:Beide|Die|Alle|Diese)\s+(?:Dokumente|Abkommen|Vereinbarungen|Verträge|Memoranden)  # they
          | Sie\s+(?:betreffen|sollen|sehen)     # "Sie betreffen …"
          ) \b
    """,
    re.VERBOSE,
)

#: Organization formats whose documents the EU signs as a side.
_EU_FORMATS = frozenset({"EU", "CA-EU"})

_SUMMIT_WINDOW = dt.timedelta(days=45)

#: Words that end the look-back for a count before a document noun.
_COUNT_STOP = frozenset(
    {
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "und",
        "sowie",
        "oder",
        "über",
        "im",
        "in",
    }
    | {"von", "mit", "zu"}
)


@attrs.frozen
class _Lexicon:
    nouns: dict[str, tuple[str, str]]
    self_nouns: dict[str, str]
    verbs: dict[str, str]
    infinitives: frozenset[str]
    modals: frozenset[str]
    negations: frozenset[str]
    companies: frozenset[str]
    numbers: dict[str, tuple[int, bool]]
    several: frozenset[str]
    pair: frozenset[str]
    pair_nouns: frozenset[str]
    witness: frozenset[str]
    elsewhere: frozenset[str]
    summit_cue: frozenset[str]
    sector_re: re.Pattern[str]
    sectors: dict[str, str]
    noun_stems: tuple[str, ...]
    gate_stems: tuple[str, ...]
    witness_re: re.Pattern[str]
    company_re: re.Pattern[str]
    max_suffix: int


@functools.cache
def _lexicon() -> _Lexicon:
    """Load ``data/agreements_de.tsv`` once, on first use."""
    rows: dict[str, list[tuple[str, str, str]]] = {}
    with files("summitlib.data").joinpath(_DATA).open(encoding="utf-8") as fh:
        header_seen = False
        for raw in fh:
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            section, form, value, extra = line.split("\t")
            rows.setdefault(section, []).append((form, value, extra))

    def forms(section: str) -> frozenset[str]:
        return frozenset(f for f, _, _ in rows.get(section, ()))

    nouns = {f: (v, x) for f, v, x in rows.get("noun", ())}
    self_nouns = {f: v for f, v, _ in rows.get("self", ())}
    sectors = {f: v for f, v, _ in rows.get("sector", ())}
    # longest first, so "erneuerbare energie" wins over "energie" at the same position
    alternatives = sorted(sectors, key=len, reverse=True)
    sector_re = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(s).replace(r"\ ", r"\w*\s+") for s in alternatives) + r")\w*",
        re.IGNORECASE,
    )
    return _Lexicon(
        nouns=nouns,
        self_nouns=self_nouns,
        verbs={f: v for f, v, _ in rows.get("verb", ())},
        infinitives=forms("infinitive"),
        modals=forms("modal"),
        negations=forms("negation"),
        companies=forms("company"),
        numbers={f: (int(v), x == "multiplier") for f, v, x in rows.get("number", ())},
        several=forms("several"),
        pair=forms("pair"),
        pair_nouns=forms("pair_noun"),
        witness=forms("witness"),
        elsewhere=forms("elsewhere"),
        summit_cue=forms("summit_cue"),
        sector_re=sector_re,
        sectors=sectors,
        noun_stems=_minimal_stems((*nouns, *self_nouns)),
        gate_stems=_minimal_stems((*(f for f, _, _ in rows.get("verb", ())), *self_nouns)),
        witness_re=_word_alternation(forms("witness")),
        company_re=_word_end_alternation(forms("company")),
        max_suffix=max((len(f) for f in (*nouns, *self_nouns)), default=0),
    )


def _minimal_stems(forms: Iterable[str]) -> tuple[str, ...]:
    """The forms that contain no other form: a sentence without any of them has no document noun."""
    ordered = sorted(set(forms), key=len)
    out: list[str] = []
    for f in ordered:
        if not any(o in f for o in out):
            out.append(f)
    return tuple(out)


def _word_end_alternation(forms: Iterable[str]) -> re.Pattern[str]:
    """A pattern for words ending in one of ``forms`` (case-insensitive), one linear alternation."""
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?:" + alternatives + r")(?![\w'’-])", re.IGNORECASE)


def _word_alternation(forms: Iterable[str]) -> re.Pattern[str]:
    """A pattern for one of the whole words ``forms`` (case-insensitive)."""
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"\b(?:" + alternatives + r")\b", re.IGNORECASE)


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str


@attrs.define
class _Hit:
    """One document noun in a signing clause, before merging."""

    kind: AgreementKind
    raw_kind: str
    tok: _Tok
    clause: tuple[int, int]
    count: Count
    value: Money | None
    parties: tuple[str, ...]
    explicit: bool
    sectors: tuple[str, ...]
    summit: int | None
    name: str
    name_key: str | None
    further: bool
    definite: bool
    evidence: list[Span]


def find_agreements(doc: Doc, summits: Sequence[Summit]) -> list[Agreement]:
    """Find the documents signed or adopted (and deals concluded) that an article reports.

    Args:
        doc: the analysed article (sentences, entities, money).
        summits: the article's summits, for linking (``Agreement.summit`` indexes this sequence) and
            for the default signers of documents adopted by a summit's members.

    Returns:
        One :class:`~summitlib.model.Agreement` per document or set of documents, in text order; an
        empty list when the article reports none.
    """
    lex = _lexicon()
    text = doc.text
    skip = tuple(doc.article.subheadings)
    paragraphs = tuple(doc.article.paragraphs)
    ents = sorted(doc.entities, key=lambda e: e.span.start)
    ctx = _Context(doc, summits, ents, paragraphs, lex)
    hits: list[_Hit] = []
    sentences = [s for s in doc.sentences if not any(h.start <= s.start and s.end <= h.end for h in skip)]
    seen_self: set[str] = set()
    low = text.lower()
    starts = [s.start for s in sentences]
    candidates: set[int] = set()
    for stem in lex.noun_stems:
        at = low.find(stem)
        while at >= 0:
            candidates.add(bisect.bisect_right(starts, at) - 1)
            ctx.stem_at.append(at)
            at = low.find(stem, at + len(stem))
    ctx.stem_at.sort()
    for si in sorted(candidates):
        if si < 0:
            continue
        sent = sentences[si]
        slow = low[sent.start : sent.end]
        if not any(stem in slow for stem in lex.gate_stems):
            continue  # no signing verb and no self-adopting noun: nothing to find
        prev = sentences[si - 1] if si > 0 else None
        nxt = sentences[si + 1] if si + 1 < len(sentences) else None
        hits.extend(ctx.sentence_hits(sent, prev, nxt, seen_self))
    return [_to_agreement(h) for h in _merge(hits)]


class _Context:
    """Article-wide facts the per-sentence rules consult."""

    def __init__(
        self,
        doc: Doc,
        summits: Sequence[Summit],
        ents: list[EntityMention],
        paragraphs: tuple[Span, ...],
        lex: _Lexicon,
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.summits = summits
        self.ents = ents
        self.starts = [e.span.start for e in ents]
        self.paragraphs = paragraphs
        self.lex = lex
        self.current = _current_summits(summits, doc.published, doc.article.published)
        self._guests: frozenset[str] | None = None
        self.stem_at: list[int] = []
        self._cues: dict[int, list[tuple[int, str]]] = {}

    # ------------------------------------------------------------------ sentences
    def sentence_hits(self, sent: Span, prev: Span | None, nxt: Span | None, seen_self: set[str]) -> list[_Hit]:
        lex = self.lex
        text = self.text
        base = sent.start
        toks = [_Tok(m.start() + base, m.end() + base, m.group(), m.group().lower()) for m in _WORD.finditer(sent.text)]
        stem_at = self.stem_at
        maybe = set()
        for t in toks:
            i = bisect.bisect_left(stem_at, t.start)
            if i < len(stem_at) and stem_at[i] < t.end:
                maybe.add(t.start)
        clauses = _clauses(sent, lex)
        hits: list[_Hit] = []
        prev_doc_noun: tuple[int, _Tok] | None = None
        for ci, (cs, ce) in enumerate(clauses):
            ctoks = [t for t in toks if cs <= t.start < ce]
            nouns = [(t, _noun_kind(t.low, lex)) for t in ctoks if t.start in maybe and t.text[:1].isupper()]
            nouns_k = [(t, k) for t, k in nouns if k is not None]
            signed = self._signs(ctoks, text[cs:ce])
            lows = {t.low for t in ctoks}
            if lows & lex.negations:
                signed = False
            chosen: list[tuple[_Tok, tuple[str, str]]] = []
            if signed and nouns_k:
                chosen = [(t, k) for t, k in nouns_k]
            elif signed and not nouns_k and prev_doc_noun is not None and ctoks:
                # a relative clause ", den alle sechs Präsidenten unterzeichneten" signs the noun before
                if _RELATIVE.match(ctoks[0].low) and prev_doc_noun[0] == ci - 1:
                    tok = prev_doc_noun[1]
                    kind = _noun_kind(tok.low, lex)
                    if kind is not None:
                        pcs, pce = clauses[ci - 1]
                        hits.extend(self._hits([(tok, kind)], (pcs, pce), sent=sent, prev=prev, nxt=nxt, toks=toks))
            else:
                # self-adopting nouns: "Die Abschlusserklärung umfasst fünf Absätze."
                plan = bool(lows & lex.modals)
                for t, _k in nouns_k:
                    key = _self_kind(t.low, lex)
                    if key is not None and not plan and self.current and key not in seen_self:
                        chosen.append((t, (key, "sg")))
            for t, _k in chosen:
                sk = _self_kind(t.low, lex)
                if sk is not None:
                    seen_self.add(sk)
            if chosen:
                hits.extend(self._hits(chosen, (cs, ce), sent=sent, prev=prev, nxt=nxt, toks=toks))
            if nouns_k:
                prev_doc_noun = (ci, nouns_k[-1][0])
        return hits

    def _signs(self, ctoks: list[_Tok], clause_text: str) -> bool:
        """Whether the clause holds a signing verb that is neither a plan nor a reflexive join."""
        lex = self.lex
        lows = [t.low for t in ctoks]
        has_modal = any(w in lex.modals for w in lows)
        for t in ctoks:
            kind = lex.verbs.get(t.low)
            if kind is None or (t.text[:1].isupper() and t is not ctoks[0]):
                continue
            if t.low in lex.infinitives and has_modal:
                continue  # "wollen … unterzeichnen": a plan
            rest = self.text[t.end : t.end + 40]
            if _WERDEN_AFTER.match(rest):
                continue  # "sollen … unterzeichnet werden"
            if kind == "conclude" and _SICH.match(rest):
                continue  # "schlossen sich … an": joining
            if kind == "accept" and not _PARTICLE_END.search(clause_text):
                continue  # "nahmen … teil" is not "nahmen … an"
            return True
        return False

    # ------------------------------------------------------------------ one clause
    def _hits(
        self,
        chosen: list[tuple[_Tok, tuple[str, str]]],
        clause: tuple[int, int],
        *,
        sent: Span,
        prev: Span | None,
        nxt: Span | None,
        toks: list[_Tok],
    ) -> list[_Hit]:
        lex = self.lex
        text = self.text
        cs, ce = clause
        first = chosen[0][0]
        signer_codes, _ = self._signers(clause, first.start, prev)
        companies = lex.company_re.search(text, cs, ce) is not None
        money = [m for m in self.doc.money if m.evidence is not None and cs <= m.evidence.start < ce]
        out: list[_Hit] = []
        for i, (tok, (raw_kind, number)) in enumerate(chosen):
            tail_end = chosen[i + 1][0].start if i + 1 < len(chosen) else ce
            partners = self._partners(tok.end, tail_end)
            value = _nearest_money(money, tok, chosen)
            if raw_kind == "vertrag":
                kind = AgreementKind.CONTRACT if companies or value is not None else AgreementKind.TREATY
            else:
                kind = AgreementKind(raw_kind)
            count = _count(toks, tok, number, lex)
            summit = self._summit(tok, sent)
            parties, is_explicit = self._parties(signer_codes, partners, summit, tok=tok, sent=sent, prev=prev)
            scope = text[tok.start : tail_end]
            if i + 1 == len(chosen) and nxt is not None and _CONTINUES.match(nxt.text):
                scope += " " + nxt.text
            sectors = _sectors(scope, lex)
            name, name_key = _name(text, tok, tail_end)
            before = text[max(cs, tok.start - 40) : tok.start].lower()
            out.append(
                _Hit(
                    kind=kind,
                    raw_kind=raw_kind,
                    tok=tok,
                    clause=clause,
                    count=count,
                    value=value,
                    parties=parties,
                    explicit=is_explicit,
                    sectors=sectors,
                    summit=summit,
                    name=name,
                    name_key=name_key,
                    further=bool(re.search(r"\bweitere\w*\s+(?:\w+\s+)?\Z", before)),
                    definite=bool(re.search(r"\b(?:der|die|das|dem|den|des)\s+(?:\w+\s+)?\Z", before)),
                    evidence=[Span.of(text, tok.start, tok.end)],
                )
            )
        return out

    def _signers(self, clause: tuple[int, int], end: int, prev: Span | None) -> tuple[list[str], bool]:
        """States of the signers named in the clause before the first document noun ``end``.

        Falls back to the subject right after a verb that follows the noun ("Ein Abkommen schloss er",
        "… unterzeichneten Kasachstan und China") and to "er" = the first person of the sentence before.
        """
        text = self.text
        start, cend = clause
        lowered = text[start:end].lower()
        wm = self.lex.witness_re.search(lowered)
        witness = (-1, -1)
        if wm is not None:
            # the witness phrase runs to the next verb or to the noun: "im Beisein von Trump und Anwar"
            stop = end
            for vm in _WORD.finditer(text, start + wm.end(), end):
                if vm.group().lower() in self.lex.verbs:
                    stop = vm.start()
                    break
            witness = (start + wm.start(), stop)
        codes: list[str] = []
        for e in self._ents_in(start, end):
            if witness[0] <= e.span.start < witness[1]:
                continue
            if _LOCATIVE.search(text[max(0, e.span.start - 40) : e.span.start]):
                continue
            code = _party_code(e)
            if code and code not in codes:
                codes.append(code)
        if not codes:
            # subject after a verb that follows the noun
            for vm in _WORD.finditer(text, end, cend):
                if vm.group().lower() in self.lex.verbs:
                    codes = self._chain(vm.end(), cend, allow_lead=True)
                    break
        if not codes and _ER.search(text, start, cend) and prev is not None:
            first = next((e for e in self._ents_in(prev.start, prev.end) if str(e.kind) == "person"), None)
            if first is not None and first.country:
                codes.append(first.country)
        return codes, bool(codes)

    def _chain(self, pos: int, end: int, *, allow_lead: bool = False) -> list[str]:
        """States of the entities chained from ``pos`` by commas, "und" and articles."""
        text = self.text
        codes: list[str] = []
        for e in self._ents_in(pos, end):
            if not _PARTNER_GAP.match(text[pos : e.span.start]):
                break
            code = _party_code(e)
            if code and code not in codes:
                codes.append(code)
            pos = e.span.end
        return codes

    def _partners(self, start: int, end: int) -> tuple[list[str], bool]:
        """States after a noun introduced by ``mit``/``zwischen``; True when ``zwischen`` names all sides."""
        m = _PARTNER_CUE.search(self.text, start, end)
        if m is None or m.start() - start > 60:
            return [], False
        return self._chain(m.end(), end), m.group().startswith("zwischen")

    def _parties(
        self,
        signers: list[str],
        partners: tuple[list[str], bool],
        summit: int | None,
        *,
        tok: _Tok,
        sent: Span,
        prev: Span | None,
    ) -> tuple[tuple[str, ...], bool]:
        others, between = partners
        if between and len(others) >= 2:
            return tuple(others), True
        codes = list(signers)
        before = self.text[sent.start : tok.start].lower()
        pair_cue = self._pair_cue(before)
        if len(codes) == 1 and pair_cue:
            codes += [c for c in self._pair(sent, prev) if c not in codes]
        if not codes:
            if pair_cue or summit is None:
                codes = self._pair(sent, prev)
            else:
                s = self.summits[summit]
                codes = [c for c in s.countries if c not in self.guests]
                if s.organization in _EU_FORMATS and "EU" not in codes:
                    codes.insert(0, "EU")
        for c in others:
            if c not in codes:
                codes.append(c)
        return tuple(codes), bool(signers) or bool(others)

    def _pair_cue(self, lowered: str) -> bool:
        words = _WORD.findall(lowered)
        for i, w in enumerate(words):
            if w in self.lex.pair:
                if i + 1 < len(words) and words[i + 1] in self.lex.pair_nouns:
                    return True
                if i > 0 and words[i - 1] in self.lex.witness:
                    return True
        return False

    def _pair(self, sent: Span, prev: Span | None) -> list[str]:
        """The two sides: the leaders' states in the sentence before, else the two states named most."""
        for span in (prev, sent):
            if span is None:
                continue
            found: list[str] = []
            for e in self._ents_in(span.start, span.end):
                if str(e.kind) == "person" and e.country and e.country not in found:
                    found.append(e.country)
            if len(found) == 2:
                return found
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for e in self.ents:
            if e.span.start >= sent.end:
                break
            if str(e.kind) == "person" and e.country:
                counts[e.country] += 1
                first.setdefault(e.country, e.span.start)
        ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
        return ranked[:2]

    def _ents_in(self, start: int, end: int) -> list[EntityMention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.ents) and self.ents[i].span.start < end:
            if self.ents[i].span.end <= end:
                out.append(self.ents[i])
            i += 1
        return out

    @property
    def guests(self) -> frozenset[str]:
        """States named as guests or observers (computed on first use)."""
        if self._guests is None:
            self._guests = self._guest_states()
        return self._guests

    def _guest_states(self) -> frozenset[str]:
        out: set[str] = set()
        starts = [s.start for s in self.doc.sentences]
        for m in _GUEST.finditer(self.text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0:
                s = self.doc.sentences[i]
                for e in self._ents_in(s.start, s.end):
                    code = _party_code(e)
                    if code and str(e.kind) in ("person", "country"):
                        out.add(code)
        return frozenset(out)

    # ------------------------------------------------------------------ summit link
    def _summit(self, tok: _Tok, sent: Span) -> int | None:
        if not self.current:
            return None
        lex = self.lex
        text = self.text
        para = next((p for p in self.paragraphs if p.start <= tok.start < p.end), sent)
        start = min(para.start, sent.start)
        state = "none"
        last_pos = -1
        cues = self._cues.get(start)
        if cues is None:
            cues = self._cues[start] = _cue_words(text, start, max(para.end, sent.end), lex)
        for pos, cue in cues:
            if pos >= tok.start:
                break
            state, last_pos = cue, pos
        for e in self._ents_in(start, tok.start):
            if str(e.kind) != "city" or e.span.start < last_pos:
                continue
            cities = {self.summits[i].city for i in self.current}
            if None not in cities and e.key not in cities:
                state, last_pos = "elsewhere", e.span.start
        published = self.doc.published
        for ym in _YEAR.finditer(text, sent.start, tok.start):
            if published is not None and int(ym.group()) < published.year:
                state = "elsewhere"
        if re.search(r"\bvergangenen\s+Jahr|\bVorjahr", text[sent.start : tok.start]):
            state = "elsewhere"
        if state == "elsewhere":
            return None
        chosen = self.current[0]
        best = -1
        # an undated summit named earlier in the same paragraph is current there ("Am Folgetag tagte …")
        local = [
            i
            for i, sm in enumerate(self.summits)
            if sm.date is None and any(para.start <= ev.start < tok.start for ev in sm.evidence)
        ]
        for i in (*self.current, *local):
            for ev in self.summits[i].evidence:
                if best < ev.start <= tok.start:
                    best, chosen = ev.start, i
        return chosen


def _cue_words(text: str, start: int, end: int, lex: _Lexicon) -> list[tuple[int, str]]:
    """Positions of the summit and elsewhere cue words in ``text[start:end]``."""
    out = []
    for m in _WORD.finditer(text, start, end):
        low = m.group().lower()
        if low in lex.summit_cue or low.endswith(("gipfel", "gipfels")):
            out.append((m.start(), "summit"))
        elif low in lex.elsewhere:
            out.append((m.start(), "elsewhere"))
    return out


def _current_summits(summits: Sequence[Summit], published: dt.date | None, pub_partial: object) -> list[int]:
    """Indexes of the summits an article reports as its current event (not past, not announced)."""
    if published is None:
        return list(range(len(summits)))
    pub_end = getattr(pub_partial, "end", published)
    dated = [
        i
        for i, s in enumerate(summits)
        if s.date is not None and s.date.start <= pub_end and s.date.end >= published - _SUMMIT_WINDOW
    ]
    # an undated summit is the current one only when no summit is dated to the publication
    return dated or [i for i, s in enumerate(summits) if s.date is None]


def _noun_kind(low: str, lex: _Lexicon) -> tuple[str, str] | None:
    """The (kind, number) of a document noun by its longest listed ending, or None."""
    word = low.rsplit("-", 1)[-1] if "-" in low else low
    for n in range(min(len(word), lex.max_suffix), 3, -1):
        hit = lex.nouns.get(word[-n:])
        if hit is not None:
            return hit
        self_kind = lex.self_nouns.get(word[-n:])
        if self_kind is not None:
            return (self_kind, "sg")
    return None


def _self_kind(low: str, lex: _Lexicon) -> str | None:
    word = low.rsplit("-", 1)[-1]
    return lex.self_nouns.get(word)


def _clauses(sent: Span, lex: _Lexicon) -> list[tuple[int, int]]:
    """Clause spans of a sentence (see the module grammar)."""
    text = sent.text
    cuts: list[tuple[int, int]] = []
    for m in _CLAUSE.finditer(text):
        if _RELATIVE.match(text, m.end()):
            # a relative clause is verb-final; ", die USA, Saudi-Arabien" is a list, not a clause
            nxt = text.find(",", m.end())
            words = _WORD.findall(text, m.end(), nxt if nxt > 0 else len(text))
            if not words or not words[-1][:1].islower():
                continue
        cuts.append((m.start(), m.end()))
    fronted = _FRONTED.match(text)
    if fronted is not None:
        comma = text.find(",", fronted.end())
        if comma > 0:
            cuts.append((comma, comma + 1))
    for am in _AND_VERB.finditer(text):
        if am.group(1).lower() in lex.verbs:
            cuts.append((am.start(), am.start() + 5))
    cuts.sort()
    out = []
    pos = 0
    for a, b in cuts:
        if a < pos:
            continue
        out.append((sent.start + pos, sent.start + a))
        pos = b
    out.append((sent.start + pos, sent.end))
    return [(a, b) for a, b in out if b > a]


def _party_code(e: EntityMention) -> str | None:
    kind = str(e.kind)
    if kind == "country":
        return e.key
    if kind == "person":
        return e.country
    if kind == "organization":
        return "EU" if e.key == "EU" else e.country
    return None


def _count(toks: list[_Tok], tok: _Tok, number: str, lex: _Lexicon) -> Count:
    """The count written before the noun, skipping up to three adjectives."""
    idx = next(i for i, t in enumerate(toks) if t.start == tok.start)
    skipped = 0
    j = idx - 1
    while j >= 0 and skipped <= 3:
        t = toks[j]
        low = t.low
        if low.isdigit():
            if len(low) > 3 or number == "sg":
                return None
            return int(low)
        if low in lex.numbers:
            n, multiplier = lex.numbers[low]
            if multiplier:
                if j > 0 and toks[j - 1].low in lex.numbers and not lex.numbers[toks[j - 1].low][1]:
                    return lex.numbers[toks[j - 1].low][0] * n
                return n
            if number == "sg" or n == 1:
                return None
            return n
        if low in lex.several:
            return "several" if number != "sg" else None
        if low == "von" and j > 0 and toks[j - 1].low == "reihe":
            return "several"
        if t.text[:1].isupper() or low in _COUNT_STOP:
            return None
        skipped += 1
        j -= 1
    return None


def _nearest_money(money: list[Money], tok: _Tok, chosen: list[tuple[_Tok, tuple[str, str]]]) -> Money | None:
    best: Money | None = None
    best_d = 10**9
    for m in money:
        ev = m.evidence
        if ev is None:
            continue
        # the noun closest to this amount claims it
        d = abs(ev.start - tok.end)
        closest = min(chosen, key=lambda c: abs(ev.start - c[0].end))[0]
        if closest.start != tok.start:
            continue
        if d < best_d:
            best, best_d = m, d
    return best


def _sectors(scope: str, lex: _Lexicon) -> tuple[str, ...]:
    out: list[str] = []
    for m in lex.sector_re.finditer(scope):
        low = " ".join(m.group().lower().split())
        label = None
        for n in range(len(low), 2, -1):
            key = low[:n]
            # map "erneuerbaren energien" -> the row "erneuerbaren energie"
            if key in lex.sectors:
                label = lex.sectors[key]
                break
        if label is None:
            words = low.split()
            label = next((v for k, v in lex.sectors.items() if k.split()[0] == words[0][: len(k.split()[0])]), None)
        if label is not None and label not in out:
            out.append(label)
    return tuple(out)


def _name(text: str, tok: _Tok, tail_end: int) -> tuple[str, str | None]:
    """A display name of the document and the proper part that tells it apart (Astana, Xi'an)."""
    name = tok.text
    key: str | None = None
    if "-" in tok.text:
        head = tok.text.rsplit("-", 1)[0]
        if head[:1].isupper() and len(head) > 1:
            key = head.lower()
    m = re.match(r"\s+von\s+([A-ZÄÖÜ][\w'’-]*)", text[tok.end : tail_end])
    if m:
        name = f"{tok.text} von {m.group(1)}"
        key = m.group(1).lower()
    before = re.search(r"([A-ZÄÖÜ][\w'’-]*er)\s+\Z", text[max(0, tok.start - 30) : tok.start])
    if before and key is None:
        key = before.group(1).lower()
        name = f"{before.group(1)} {tok.text}"
    return name, key


def _compatible(a: _Hit, b: _Hit) -> bool:
    if a.kind != b.kind or a.summit != b.summit or b.further:
        return False
    if (
        a.value is not None
        and b.value is not None
        and (a.value.amount, a.value.currency)
        != (
            b.value.amount,
            b.value.currency,
        )
    ):
        return False
    if a.value is not None and b.value is not None:
        return True
    if a.count != b.count and not (b.count is None and b.definite):
        return False
    if a.name_key and b.name_key and a.name_key[:4] != b.name_key[:4]:
        return False
    return not (a.explicit and b.explicit and set(a.parties) != set(b.parties))


def _merge(hits: list[_Hit]) -> list[_Hit]:
    out: list[_Hit] = []
    for h in hits:
        twin = next((o for o in out if _compatible(o, h)), None)
        if twin is None:
            out.append(h)
            continue
        if h.explicit and not twin.explicit:
            twin.parties, twin.explicit = h.parties, True
        if twin.value is None:
            twin.value = h.value
        if twin.count is None:
            twin.count = h.count
        twin.sectors = twin.sectors + tuple(s for s in h.sectors if s not in twin.sectors)
        if twin.name_key is None and h.name_key is not None:
            twin.name, twin.name_key = h.name, h.name_key
        twin.evidence.extend(h.evidence)
    return out


def _to_agreement(h: _Hit) -> Agreement:
    compound = h.tok.low
    return Agreement(
        kind=h.kind,
        count=h.count,
        parties=h.parties,
        value=h.value,
        sectors=h.sectors or _compound_sector(compound),
        summit=h.summit,
        name=h.name,
        evidence=tuple(sorted(set(h.evidence))),
    )


def _compound_sector(low: str) -> tuple[str, ...]:
    lex = _lexicon()
    m = lex.sector_re.match(low)
    if m is None:
        return ()
    return _sectors(m.group(), lex)
