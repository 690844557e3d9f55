"""Find agreements: documents signed or adopted, and deals concluded.

Grammar
-------
A sentence is cut into clauses at ``;``, ``:``, dashes, at a comma followed by a subordinating word
or relative pronoun (``, den alle sechs Präsidenten unterzeichneten``) and before a passive main clause
(``…, ein entsprechender Beschluss wurde gefasst``). An *agreement* is a document noun
(``data/agreements_de.tsv``: ``Vertrag``, ``Abkommen``, ``Vereinbarungen``, ``Memoranden``,
``Absichtserklärung``, ``Erklärung``, ``Dokumente``, ``Beschlüsse``, ``Fahrplan`` …, compounds by their
ending: ``Handelsabkommen``, ``Astana-Erklärung``) in a clause that also holds a signing verb
(``unterzeichneten``, ``verabschiedet``, ``schlossen … ab``, ``nahmen … an``, ``einigten sich auf`` …) that
is not a plan (an infinitive with a modal, a participle with ``werden``) and not negated; ``nahmen`` needs its
particle ``an`` before a comma, dash or the clause end, however long the middle field (``nahmen … 24 Dokumente
an, darunter …``). A relative clause with the verb and no noun signs the last noun before it (its signers
and dates are the relative clause's: ``…, die er im August mit X unterzeichnet hatte``). A generic
``Dokument`` in apposition (``die Erklärung von Kasan, ein Dokument mit …``) is the noun before it.
A deal noun (``Investitionen``) counts only with an amount in its clause (``Investitionen von 300 Mio.
Dollar vereinbart``). ``Abschlusserklärung``/``Gipfelerklärung``/``Abschlussdokument`` need no verb (a
summit's final declaration exists only once adopted). Subheadings are skipped.

Fields
------
kind
    from the noun; ``Vertrag`` is a ``contract`` when companies sign it, it has a value or a business
    topic (``über den Bau``, ``über die Lieferung``), else a ``treaty``.
count
    digits or a number word before the noun (``25 Dokumente``, ``ein Dutzend weiterer Vereinbarungen``,
    ``zwei Dutzend``), ``"several"`` for ``mehrere``/``zahlreiche``/``eine Reihe von``; else ``None``.
parties
    the signers named in the clause before the first document noun (states, persons' states, adjectives,
    the EU) plus partners after the noun introduced by ``mit``/``zwischen``; persons in a witness phrase
    (``im Beisein von``) do not sign, but are the sides when nobody else is named; nobody in a source phrase
    (``nach Angaben des …``, ``laut``) signs; ``er`` is the first person of the nearest sentence before
    that names one, and signs with the partners of ``gemeinsam mit``, of ``er und X`` and of a meeting
    (``empfing er X``). Without named signers:
    ``beide Seiten``/``beider Länder`` are the article's two sides (the two states of the leaders named
    most, or of the sentence before); otherwise the linked summit's ``countries`` (less states named
    as guests or observers, plus ``EU`` for EU formats); otherwise the two sides.
value
    the :class:`~summitlib.model.Money` in the clause nearest to the noun, else the first one of a
    relative clause right after it that gives the value (``…, deren Gesamtwert … bezifferte``).
sectors
    sector words after the noun (and in the next sentence when it goes on with ``Schwerpunkt``/
    ``Dokumente``), plus the noun's own compound (``Handelsabkommen`` = trade).
summit
    a summit is *current* when its date is unknown or lies within 45 days before publication (not
    after it). The last cue in the paragraph up to the noun decides: a summit word (``Gipfel``,
    ``Sitzung``, ``zum Abschluss``) links, a visit word (``Staatsbesuch``, ``Vorabend``), a city that is
    not the summit's or an earlier year in the sentence unlinks; with no cue it links. In a visit report
    (the lead names a visit and no current summit) generic cues (``Sitzung``, ``Treffen``) do not link and
    no cue means no link. A date in the signing clause before the summit's first day unlinks. A link goes
    to the current summit mentioned last before the noun in its paragraph or its section under a
    subheading (else the first current one); a city in a document's name (``Erklärung von Chiwa``) is
    no venue.

Mentions of the same document are merged: same kind and summit, compatible count, value and name (the
``Astana`` of ``Astana-Erklärung``; for ``other`` documents the same head noun), never after ``weitere``;
parties named explicitly win over defaults.
Every pattern is linear in the input.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from typing import TYPE_CHECKING, cast

from summitlib.extract._documents import (
    BUSINESS_TOPIC,
    CONTINUATION,
    CURRENT_WINDOW,
    PARTICLE,
    RELATIVE,
    SICH,
    WERDEN_AFTER,
    WORD,
    Hit,
    Lexicon,
    Scan,
    Tok,
    assign_money,
    clauses,
    count_before,
    cue_words,
    current_summits,
    doc_name,
    drop_appositions,
    further_definite,
    guest_starts,
    has_company,
    lexicon,
    merge,
    noun_head,
    noun_kind,
    party_code,
    scan,
    sectors_in,
    self_kind,
    to_agreement,
)
from summitlib.extract._lexicon import fold_free, lower_same_length
from summitlib.extract.entities import EntityKind
from summitlib.model import Agreement, AgreementKind, Span, Summit

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from summitlib.extract._doc import Doc
    from summitlib.extract.entities import EntityMention

__all__ = ["find_agreements"]

#: "<noun> von " right before a name: the name is part of the document's name.
_NAME_OF = re.compile(r"([^\W_][\w'’-]*)\s+von\s+\Z")

#: A four-digit year.
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

#: The first two digits of every year ``_YEAR`` matches.
_CENTURIES = ("18", "19", "20")

#: "im vergangenen Jahr", "im Vorjahr": an earlier occasion.
_LAST_YEAR = re.compile(r"\bvergangenen\s+Jahr|\bVorjahr")

#: "mit"/"zwischen" introducing partners after the noun.
_PARTNER_CUE = re.compile(r"\b(?:mit|zwischen)\s")

#: What may stand between two partner mentions (articles, "und", adjectives, commas).
_PARTNER_GAP = re.compile(r"(?:[\s,]|und\b|sowie\b|der\b|die\b|den\b|dem\b|des\b|[a-zäöü]+e[nmrs]?\b){0,6}")

#: A locative preposition right before an entity ("in Kasachstan", "im usbekischen Samarkand").
_LOCATIVE = re.compile(
    r"\b(?:in|im|nach|aus|vor|von|über|zur|zum|für|gegen)\s+(?:der\s+|dem\s+|den\s+)?(?:[a-zäöü]+\w*\s+)?\Z"
)

#: "und" right after "er": "unterzeichneten er und Präsident X" (he signs with X).
_ER_AND = re.compile(r"\s+und\s")

#: A relative clause giving the value of the documents before it: ", deren Gesamtvolumen …".
_VALUE_CLAUSE = re.compile(
    r"\s*,?\s*(?:deren|dessen)\s+(?:[a-zäöü]+\s+)?[A-ZÄÖÜ]?[a-zäöü]*(?:[Ww]ert|[Vv]olumen|[Uu]mfang)\b"
)

#: "empfing er X", "er traf X": he meets the signer, and the documents of the meeting are his too.
_ER_MEETS = re.compile(r"\b(?:empfing|traf|besuchte)\s+er\b|\ber\s+(?:empfing|traf|besuchte)\b")

#: Between a finite collocating verb and its object: a subject, articles, adjectives, numbers ("fassten die
#: Staatschefs einen"), no preposition or punctuation ("traf Tokajew zur Umsetzung der" has another object).
_OBJECT_GAP = re.compile(
    r"(?:\s+(?!(?:zur|zum|zu|über|für|mit|bei|nach|von|vor|in|im|am|an|auf|aus|um|wegen|seit|gegen)\b)[\w-]+){0,5}\s+"
)

#: Prepositions before the first document noun of a "Hinzu kommen" sentence: the noun is no subject.
_NOT_SUBJECT = frozenset(
    {"wegen", "trotz", "gegen", "über", "um", "bei", "mit", "zu", "zur", "zum", "für", "aus", "gegenüber"}
    | {"hinsichtlich", "bezüglich", "auf", "an", "in", "im"}
)

#: "(gemeinsam) mit": the partners who sign with the subject.
_WITH = re.compile(r"\b(?:gemeinsam|zusammen)\s+mit\b")

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

#: How far from a summit's dates a dated signing may lie and still be the summit's.
_DATE_SLACK = dt.timedelta(days=3)

#: Organization formats whose documents the EU signs as a side.
_EU_FORMATS = frozenset({"EU", "CA-EU"})


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
    lex = lexicon()
    text = doc.text
    low = lower_same_length(text)
    found = scan(low)
    if not found.gates:
        return []  # no signing verb and no self-adopting noun: nothing to find
    ctx = _Context(doc, summits, low, lex, found)
    sentences = ctx.sentences
    starts = ctx.sent_starts
    nouns = found.nouns
    hits: list[Hit] = []
    seen_self: set[str] = set()
    done = -1
    bisect_right = bisect.bisect_right
    bisect_left = bisect.bisect_left
    for at in found.gates:
        si = bisect_right(starts, at) - 1
        if si <= done or si < 0 or at >= sentences[si].end:
            continue
        done = si
        sent = sentences[si]
        k = bisect_left(nouns, sent.start)
        if k < len(nouns) and nouns[k] < sent.end:  # else no document noun in the sentence
            hits.extend(ctx.sentence_hits(si, seen_self))
    return [to_agreement(h, lex) for h in merge(hits)]


#: A :class:`Tok` from its fields (``tuple.__new__`` without the named tuple's Python-level constructor).
_tok = cast("Callable[[tuple[int, int, str, str]], Tok]", functools.partial(tuple.__new__, Tok))


def _body_sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    """The sentences outside the subheadings, and their starts."""
    sentences = list(doc.sentences)
    starts = list(doc.sentence_starts)
    skip: set[int] = set()
    for h in doc.article.subheadings:
        k = bisect.bisect_left(starts, h.start)
        while k < len(starts) and starts[k] < h.end:
            if sentences[k].end <= h.end:
                skip.add(k)
            k += 1
    if skip:
        sentences = [x for k, x in enumerate(sentences) if k not in skip]
        starts = [x.start for x in sentences]
    return sentences, starts


class _Context:
    """Article-wide facts the per-sentence rules consult (computed once, or once per sentence)."""

    def __init__(self, doc: Doc, summits: Sequence[Summit], low: str, lex: Lexicon, found: Scan) -> None:
        self.doc = doc
        self.found = found
        self.text = doc.text
        self.low = low
        self.summits = summits
        self.ents = doc.entities
        self.starts = doc.entity_starts
        self.paragraphs = doc.article.paragraphs
        self.para_starts = doc.paragraph_starts
        self.lex = lex
        pub = doc.article.published
        self.current = current_summits(summits, doc.published, pub.end if pub is not None else None)
        self.sentences, self.sent_starts = _body_sentences(doc)
        self.money = [(m.evidence.start, m) for m in doc.money if m.evidence is not None]
        self.money.sort(key=lambda x: x[0])
        self.money_starts = [x[0] for x in self.money]
        self._guests: frozenset[str] | None = None
        self._cues: dict[int, tuple[list[int], list[str], list[int]]] = {}
        self._pairs: dict[int, list[str]] = {}
        self._pair_cues: dict[int, int] = {}
        self._past: dict[int, tuple[int, int]] = {}
        self._foreign: tuple[list[int], list[int]] | None = None
        self._mentions: list[list[int]] | None = None
        self._visit: bool | None = None
        self._subheading_ends = sorted(h.end for h in doc.article.subheadings)
        self._last: tuple[int, Hit] | None = None  # the sentence of the last hit, and that hit

    @property
    def foreign_cities(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the cities that are not a current summit's venue (none if a venue is unknown)."""
        if self._foreign is None:
            cities = {self.summits[i].city for i in self.current}
            found = (
                []
                if None in cities
                else [
                    e.span
                    for e in self.ents
                    if e.kind is EntityKind.CITY and e.key not in cities and not self._names_document(e.span)
                ]
            )
            self._foreign = ([sp.start for sp in found], [sp.end for sp in found])
        return self._foreign

    def _foreign_city_in(self, start: int, end: int) -> bool:
        """Whether one of the :attr:`foreign_cities` lies in ``[start, end)``."""
        city_starts, city_ends = self.foreign_cities
        j = bisect.bisect_left(city_starts, end) - 1
        while j >= 0 and city_ends[j] > end:
            j -= 1
        return j >= 0 and city_starts[j] >= start

    def _names_document(self, span: Span) -> bool:
        """Whether a city is part of a document's name ("Erklärung von Chiwa", "Chiwa-Erklärung")."""
        text = self.text
        before = max(0, span.start - 40)
        m = _NAME_OF.search(text, before, span.start) if text.find("von", before, span.start) >= 0 else None
        if m is not None and noun_kind(m.group(1).lower(), self.lex) is not None:
            return True
        if text[span.end : span.end + 1] == "-":
            w = WORD.match(text, span.end + 1)
            return w is not None and noun_kind(w.group().lower(), self.lex) is not None
        return False

    # ------------------------------------------------------------------ sentences
    def sentence_hits(self, si: int, seen_self: set[str]) -> list[Hit]:
        """The hits of one sentence; ``seen_self`` holds the self-adopting nouns already taken."""
        lex = self.lex
        text = self.text
        toks, kinds = self._tokens(self.sentences[si])
        if not kinds:
            return []  # no document noun
        tok_starts = [t.start for t in toks]
        spans = clauses(self.sentences[si], lex)
        hits: list[Hit] = []
        prev_doc_noun: tuple[int, Tok] | None = None
        # "Hinzu kommen …", "Darunter ist …": the first clause adds to the last hit of the sentence before
        # (when its first document noun is the subject, not in a prepositional phrase)
        last = self._last
        inherit = (
            last[1]
            if last is not None and last[0] == si - 1 and CONTINUATION.match(text, self.sentences[si].start)
            else None
        )
        lo = 0
        for ci, (cs, ce) in enumerate(spans):
            lo = bisect.bisect_left(tok_starts, cs, lo)
            hi = bisect.bisect_left(tok_starts, ce, lo)
            nouns_k = [(toks[i], kinds[i]) for i in range(lo, hi) if i in kinds]
            relative = (
                not nouns_k
                and prev_doc_noun is not None
                and prev_doc_noun[0] == ci - 1
                and hi > lo
                and RELATIVE.match(toks[lo].low) is not None
            )
            if not nouns_k and not relative:
                continue  # nothing to sign and nothing to adopt
            ctoks = toks[lo:hi]
            lows = {t.low for t in ctoks}
            added = (
                inherit is not None
                and ci == 0
                and bool(nouns_k)
                # the documents are the subject: "Hinzu kommen Spannungen wegen des Abkommens" adds none
                and all(t.low not in _NOT_SUBJECT for t in ctoks if t.start < nouns_k[0][0].start)
            )
            objects = [t for t, _ in nouns_k] if nouns_k else [prev_doc_noun[1]] if prev_doc_noun else []
            signed = lows.isdisjoint(lex.negations) and (
                added or self._signs(ctoks, cs, ce, planned=not lows.isdisjoint(lex.modals), objects=objects)
            )
            chosen: list[tuple[Tok, tuple[str, str]]] = []
            if signed and nouns_k:
                chosen = drop_appositions(text, nouns_k)
            elif signed and relative and prev_doc_noun is not None:
                # a relative clause ", den alle sechs Präsidenten unterzeichneten" signs the noun before
                tok = prev_doc_noun[1]
                kind = noun_kind(tok.low, lex)
                if kind is not None:
                    hits.extend(
                        self._hits([(tok, kind)], spans[ci - 1], si, toks=toks, starts=tok_starts, signing=(cs, ce))
                    )
            elif self.current and lows.isdisjoint(lex.modals):
                # self-adopting nouns: "Die Abschlusserklärung umfasst fünf Absätze."
                for t, _k in nouns_k:
                    key = self_kind(t.low, lex)
                    if key is not None and key not in seen_self:
                        chosen.append((t, (key, "sg")))
            for t, _k in chosen:
                sk = self_kind(t.low, lex)
                if sk is not None:
                    seen_self.add(sk)
            if chosen:
                hits.extend(
                    self._hits(chosen, (cs, ce), si, toks=toks, starts=tok_starts, inherit=inherit if added else None)
                )
            if nouns_k:
                prev_doc_noun = (ci, nouns_k[-1][0])
        if hits:
            self._last = (si, hits[-1])
        return hits

    def _tokens(self, sent: Span) -> tuple[list[Tok], dict[int, tuple[str, str]]]:
        """The words of a sentence, and the (kind, number) of its document nouns by word index."""
        lex = self.lex
        text = self.text
        tails = lex.noun_tails
        toks: list[Tok] = []
        kinds: dict[int, tuple[str, str]] = {}
        for m in WORD.finditer(self.low, sent.start, sent.end):
            a, b = m.span()
            word = m.group()
            if word[-4:] in tails and text[a].isupper():
                kind = noun_kind(word, lex)
                if kind is not None and not (word.endswith("auftrag") and toks and toks[-1].low in ("im", "in")):
                    kinds[len(toks)] = kind  # "im Auftrag der Regierung" is no order
            toks.append(_tok((a, b, text[a:b], word)))
        return toks, kinds

    def _signs(self, ctoks: list[Tok], cs: int, ce: int, *, planned: bool, objects: Sequence[Tok]) -> bool:
        """Whether the clause holds a signing verb that is neither a plan nor a reflexive join
        (``planned``: the clause has a modal verb); a collocating verb ("getroffen") signs only its
        nouns (``objects``: the clause's document nouns, or the antecedent of a relative clause): a
        participle ("Vereinbarungen getroffen") not reflexive ("sich getroffen"), a finite form only with
        its object right after it ("trafen eine Vereinbarung", not "traf Tokajew zur Vereinbarung")."""
        lex = self.lex
        particle: int | None = None
        facts: tuple[set[str], bool, list[int]] | None = None  # for collocating verbs, once per clause
        for t in ctoks:
            kind = lex.verbs.get(t.low)
            if kind is None or (t.text[:1].isupper() and t is not ctoks[0]):
                continue
            if kind == "collocate":
                if facts is None:
                    facts = (
                        {noun_head(o.low, lex) for o in objects},
                        any(x.low == "sich" for x in ctoks),
                        [o.start for o in objects],
                    )
                if not self._collocates(t, objects, facts, cs):
                    continue
            if t.low in lex.infinitives and planned:
                continue  # "wollen … unterzeichnen": a plan
            rest = self.text[t.end : t.end + 40]
            if WERDEN_AFTER.match(rest):
                continue  # "sollen … unterzeichnet werden"
            if kind == "conclude" and SICH.match(rest):
                continue  # "schlossen sich … an": joining
            if kind == "accept":
                if particle is None:
                    # the last separable "an" of the clause: "nahmen … 24 Dokumente an, darunter …"
                    particle = max((m.start() for m in PARTICLE.finditer(self.text, cs, ce)), default=-1)
                if particle < t.end:
                    continue  # "nahmen … teil" is not "nahmen … an"
            return True
        return False

    def _collocates(self, verb: Tok, objects: Sequence[Tok], facts: tuple[set[str], bool, list[int]], cs: int) -> bool:
        """Whether a collocating verb signs one of ``objects`` (see :meth:`_signs`); ``facts`` are the
        objects' listed endings, whether the clause has "sich", and the objects' starts; ``cs`` is
        where the clause starts (an object before it is a relative clause's antecedent)."""
        heads, reflexive, starts = facts
        ends = self.lex.collocates[verb.low]
        if heads.isdisjoint(ends):
            return False
        if verb.low.startswith("ge"):
            return not reflexive  # "Vereinbarungen getroffen", not "sich getroffen"
        if starts[0] < cs:
            return True  # the antecedent of a relative clause: "Vereinbarungen, die sie trafen"
        k = bisect.bisect_left(starts, verb.end)
        if k == len(objects):
            return False
        o = objects[k]  # the next object after the verb
        return o.low.endswith(ends) and _OBJECT_GAP.fullmatch(self.text, verb.end, o.start) is not None

    # ------------------------------------------------------------------ one clause
    def _hits(
        self,
        chosen: list[tuple[Tok, tuple[str, str]]],
        clause: tuple[int, int],
        si: int,
        *,
        toks: list[Tok],
        starts: list[int],
        signing: tuple[int, int] | None = None,
        inherit: Hit | None = None,
    ) -> list[Hit]:
        """The hits of the document nouns ``chosen`` of one clause (``toks`` are the sentence's words,
        ``starts`` their offsets); ``signing`` is the relative clause that signs them ("…, die er im
        August mit X unterzeichnet hatte"), when not the clause itself; ``inherit`` is the hit that a
        "Hinzu kommen …" sentence adds to (its summit, and its sides when the clause names no signer)."""
        lex = self.lex
        text = self.text
        sent = self.sentences[si]
        nxt = self.sentences[si + 1] if si + 1 < len(self.sentences) else None
        cs, ce = clause
        lo = bisect.bisect_left(self.money_starts, cs)
        hi = bisect.bisect_left(self.money_starts, ce)
        values = assign_money([x[1] for x in self.money[lo:hi]], [t for t, _ in chosen])
        last_tok = chosen[-1][0]
        if last_tok.start not in values and _VALUE_CLAUSE.match(text, ce):
            # ", deren Gesamtwert … mit 3 Milliarden Euro bezifferte": the amount of the clause after
            k = bisect.bisect_left(self.money_starts, ce)
            if k < len(self.money) and self.money_starts[k] < sent.end:
                values[last_tok.start] = self.money[k][1]
        # "Investitionen" are a deal only with their amount, and only with a verb of their own
        chosen = [
            c for c in chosen if noun_head(c[0].low, lex) not in lex.deals or (c[0].start in values and inherit is None)
        ]
        if not chosen:
            return []
        first = chosen[0][0]
        if signing is None:
            signer_codes, witnesses = self._signers(clause, first.start, si)
        else:
            signer_codes, witnesses = self._signers(signing, signing[1], si)
        companies: bool | None = None  # a company word in the clause (looked up for a Vertrag)
        out: list[Hit] = []
        for i, (tok, (raw_kind, number)) in enumerate(chosen):
            tail_end = chosen[i + 1][0].start if i + 1 < len(chosen) else ce
            partners = self._partners(tok.end, tail_end)
            value = values.get(tok.start)
            if raw_kind == "vertrag":
                if companies is None:
                    companies = has_company(self.low, cs, ce, lex)
                business = companies or value is not None or BUSINESS_TOPIC.match(text, tok.end) is not None
                kind = AgreementKind.CONTRACT if business else AgreementKind.TREATY
            else:
                kind = AgreementKind(raw_kind)
            if inherit is None:
                summit = self._summit(tok, sent, signing or clause)
                parties, is_explicit = self._parties(
                    signer_codes or witnesses, partners, summit, tok=tok, si=si, toks=toks
                )
            else:
                summit = inherit.summit
                if signer_codes or witnesses or (partners[1] and len(partners[0]) >= 2):
                    parties, is_explicit = self._parties(
                        signer_codes or witnesses, partners, summit, tok=tok, si=si, toks=toks
                    )
                else:
                    parties = inherit.parties + tuple(c for c in partners[0] if c not in inherit.parties)
                    is_explicit = inherit.explicit
            scope = self.low[tok.start : tail_end]
            if i + 1 == len(chosen) and nxt is not None and _CONTINUES.match(nxt.text):
                scope += " " + self.low[nxt.start : nxt.end]
            name, name_key = doc_name(text, tok, tail_end)
            further, definite = further_definite(text, cs, tok)
            out.append(
                Hit(
                    kind=kind,
                    tok=tok,
                    count=count_before(toks, bisect.bisect_left(starts, tok.start), number, lex),
                    value=value,
                    parties=parties,
                    explicit=is_explicit,
                    sectors=sectors_in(scope, lex),
                    summit=summit,
                    name=name,
                    name_key=name_key,
                    head=noun_head(tok.low, lex),
                    further=further,
                    definite=definite,
                    evidence=[Span.of(text, tok.start, tok.end)],
                )
            )
        return out

    def _signers(self, clause: tuple[int, int], end: int, si: int) -> tuple[list[str], list[str]]:
        """States of the signers named in the clause before the first document noun ``end``, and the
        states of the persons in a witness phrase ("im Beisein von Tokajew und Mirsijojew").

        Falls back to the subject right after a verb that follows the noun ("Ein Abkommen schloss er",
        "… unterzeichneten Kasachstan und China"). ``er`` is the person named last before (the first
        of the nearest sentence that names one); it signs when nobody else is named, or together
        with the partners of "(gemeinsam) mit".
        """
        text = self.text
        low = self.low
        start, cend = clause
        aside_re = self.lex.aside_low if fold_free(low, start, end) else self.lex.aside_re
        wm = aside_re.search(low, start, end)
        aside = (-1, -1)
        if wm is not None:
            # the witness or source phrase runs to the next verb or to the noun: "im Beisein von Trump"
            stop = end
            for vm in WORD.finditer(low, wm.end(), end):
                if vm.group() in self.lex.verbs:
                    stop = vm.start()
                    break
            aside = (wm.start(), stop)
        witness = wm is not None and wm.group() in self.lex.witness
        codes: list[str] = []
        witnesses: list[str] = []
        for e in self._ents_in(start, end):
            if aside[0] <= e.span.start < aside[1]:
                code = e.country if witness and e.kind is EntityKind.PERSON else None
                if code and code not in witnesses:
                    witnesses.append(code)
                continue
            if _LOCATIVE.search(text, max(0, e.span.start - 40), e.span.start):
                continue
            code = party_code(e)
            if code and code not in codes:
                codes.append(code)
        if not codes:
            # subject after a verb that follows the noun
            for vm in WORD.finditer(low, end, cend):
                if vm.group() in self.lex.verbs:
                    codes = self._chain(vm.end(), cend)
                    break
        er = _ER.search(text, start, cend)
        if er is not None and (
            not codes
            or _ER_AND.match(text, er.end())
            or _ER_MEETS.search(text, max(start, er.start() - 12), min(cend, er.end() + 12))
            or _WITH.search(text, er.end(), end)
        ):
            code = self._er(si, start)
            if code and code not in codes:
                codes.insert(0, code)
        return codes, witnesses

    def _er(self, si: int, before: int) -> str | None:
        """The state of "er": the first person of the sentence's earlier clauses ("Putin sprach mit X;
        anschließend empfing er Y"), else of the sentence before (or of the nearest one naming one)."""
        for k in range(si, max(-1, si - 4), -1):
            s = self.sentences[k]
            stop = before if k == si else s.end
            first = next((e for e in self._ents_in(s.start, stop) if e.kind is EntityKind.PERSON), None)
            if first is not None:
                return first.country
        return None

    def _chain(self, pos: int, end: int) -> list[str]:
        """States of the entities chained from ``pos`` by commas, "und" and articles."""
        codes: list[str] = []
        for e in self._ents_in(pos, end):
            if _PARTNER_GAP.fullmatch(self.text, pos, e.span.start) is None:
                break
            code = party_code(e)
            if code and code not in codes:
                codes.append(code)
            pos = e.span.end
        return codes

    def _partners(self, start: int, end: int) -> tuple[list[str], bool]:
        """States after a noun introduced by ``mit``/``zwischen``; True when ``zwischen`` names all sides."""
        m = _PARTNER_CUE.search(self.text, start, min(end, start + 70))
        if m is None or m.start() - start > 60:
            return [], False
        return self._chain(m.end(), end), m.group().startswith("zwischen")

    def _parties(
        self,
        signers: list[str],
        partners: tuple[list[str], bool],
        summit: int | None,
        *,
        tok: Tok,
        si: int,
        toks: list[Tok],
    ) -> tuple[tuple[str, ...], bool]:
        others, between = partners
        if between and len(others) >= 2:
            return tuple(others), True
        codes = list(signers)
        pair_cue = self._pair_cue_at(si, toks) <= tok.start
        if len(codes) == 1 and pair_cue:
            codes += [c for c in self._pair(si) if c not in codes]
        if not codes:
            if pair_cue or summit is None:
                codes = list(self._pair(si))
            else:
                s = self.summits[summit]
                codes = [c for c in s.countries if c not in self.guests]
                if s.organization in _EU_FORMATS and "EU" not in codes:
                    codes.insert(0, "EU")
        for c in others:
            if c not in codes:
                codes.append(c)
        return tuple(codes), bool(signers) or bool(others)

    def _pair_cue_at(self, si: int, toks: list[Tok]) -> int:
        """Where "beide Seiten", "die beiden <verb>", a leading "Die Seiten" (or "im Beisein beider") is
        complete in the sentence; past its end if never."""
        cached = self._pair_cues.get(si)
        if cached is not None:
            return cached
        lex = self.lex
        at = self.sentences[si].end + 1
        for i, t in enumerate(toks):
            if t.low in lex.pair:
                if i + 1 < len(toks) and (toks[i + 1].low in lex.pair_nouns or toks[i + 1].low in lex.verbs):
                    # "beide Seiten", "die beiden unterzeichneten"
                    at = toks[i + 1].end
                    break
                if i > 0 and toks[i - 1].low in lex.witness:
                    at = t.end
                    break
            elif i == 1 and t.low == "seiten" and toks[0].low == "die":
                at = t.end  # "Die Seiten erörterten …" opening a sentence
                break
        self._pair_cues[si] = at
        return at

    def _pair(self, si: int) -> list[str]:
        """The two sides: the leaders' states in the sentence before, else the two states named most."""
        cached = self._pairs.get(si)
        if cached is not None:
            return cached
        sent = self.sentences[si]
        prev = self.sentences[si - 1] if si > 0 else None
        out: list[str] | None = None
        for span in (prev, sent):
            if span is None:
                continue
            found: list[str] = []
            for e in self._ents_in(span.start, span.end):
                if e.kind is EntityKind.PERSON and e.country and e.country not in found:
                    found.append(e.country)
            if len(found) == 2:
                out = found
                break
        if out is None:
            out = self._pair_back(si)
        if out is None:
            counts: Counter[str] = Counter()
            first: dict[str, int] = {}
            for e in self.ents:
                if e.span.start >= sent.end:
                    break
                if e.kind is EntityKind.PERSON and e.country:
                    counts[e.country] += 1
                    first.setdefault(e.country, e.span.start)
            out = sorted(counts, key=lambda c: (-counts[c], first[c]))[:2]
        self._pairs[si] = out
        return out

    def _pair_back(self, si: int) -> list[str] | None:
        """The states of the first two persons named from sentence ``si`` back to the paragraph start
        (at most three sentences before): "Für Putin … Dschaparow empfing … Die beiden Präsidenten …"."""
        sent = self.sentences[si]
        pi = bisect.bisect_right(self.para_starts, sent.start) - 1
        floor = self.paragraphs[pi].start if pi >= 0 else sent.start
        found: list[str] = []
        for k in range(si, max(-1, si - 4), -1):
            span = self.sentences[k]
            if span.start < floor:
                break
            for e in self._ents_in(span.start, span.end):
                if e.kind is EntityKind.PERSON and e.country and e.country not in found:
                    found.append(e.country)
            if len(found) >= 2:
                return found if len(found) == 2 else None
        return None

    def _ents_in(self, start: int, end: int) -> list[EntityMention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        ents = self.ents
        while i < len(ents) and ents[i].span.start < end:
            if ents[i].span.end <= end:
                out.append(ents[i])
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
        text = self.text
        sentences = self.doc.sentences
        starts = self.doc.sentence_starts
        for at in guest_starts(text, self.found):
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0:
                s = sentences[i]
                for e in self._ents_in(s.start, s.end):
                    code = party_code(e)
                    if code and e.kind in (EntityKind.PERSON, EntityKind.COUNTRY):
                        out.add(code)
        return frozenset(out)

    # ------------------------------------------------------------------ summit link
    def _cue_list(self, start: int, end: int) -> tuple[list[int], list[str], list[int]]:
        """Cue positions and kinds of a paragraph, and for each the index of the last non-generic cue."""
        cached = self._cues.get(start)
        if cached is None:
            found = cue_words(self.text, self.found, start, end, self.lex)
            strong: list[int] = []
            for i, (_, kind) in enumerate(found):
                strong.append(i if kind != "generic" else (strong[-1] if strong else -1))
            cached = self._cues[start] = ([p for p, _ in found], [k for _, k in found], strong)
        return cached

    @property
    def visit_report(self) -> bool:
        """Whether the article reports a visit: its lead names one and no current summit."""
        if self._visit is None:
            lead = self.paragraphs[0] if self.paragraphs else (self.sentences[0] if self.sentences else None)
            self._visit = bool(
                lead is not None
                and not any(lead.start <= ev.start < lead.end for i in self.current for ev in self.summits[i].evidence)
                and "visit" in self._cue_list(lead.start, lead.end)[1]
            )
        return self._visit

    def _past_in(self, sent: Span) -> tuple[int, int]:
        """Ends of the first earlier year and of the first "vergangenen Jahr" in a sentence (or past its end)."""
        cached = self._past.get(sent.start)
        if cached is None:
            never = sent.end + 1
            published = self.doc.published
            text = self.text
            start, end = sent.start, sent.end
            year = never
            # cheap tests first: a year holds "18", "19" or "20", the phrases their first word
            if published is not None and any(text.find(c, start, end) >= 0 for c in _CENTURIES):
                year = next(
                    (m.end() for m in _YEAR.finditer(text, start, end) if int(m.group()) < published.year), never
                )
            last = never
            if text.find("vergangenen", start, end) >= 0 or text.find("Vorjahr", start, end) >= 0:
                lm = _LAST_YEAR.search(text, start, end)
                last = lm.end() if lm is not None else never
            cached = self._past[sent.start] = (year, last)
        return cached

    def _summit(self, tok: Tok, sent: Span, clause: tuple[int, int]) -> int | None:
        if not self.current:
            return None
        pi = bisect.bisect_right(self.para_starts, tok.start) - 1
        para = self.paragraphs[pi] if pi >= 0 and tok.start < self.paragraphs[pi].end else sent
        start = min(para.start, sent.start)
        positions, kinds, strong = self._cue_list(start, max(para.end, sent.end))
        ci = bisect.bisect_left(positions, tok.start) - 1
        if self.visit_report and ci >= 0:
            ci = strong[ci]  # a visit report's "Sitzung" is the visit's own
        state, last_pos = (kinds[ci], positions[ci]) if ci >= 0 else ("none", -1)
        if state in ("elsewhere", "visit") or (state == "none" and self.visit_report):
            return None
        year_end, last_year_end = self._past_in(sent)
        if (
            year_end <= tok.start
            or last_year_end <= tok.start
            or self._foreign_city_in(max(start, last_pos), tok.start)
        ):
            return None  # an earlier year before the noun, or a foreign city after the last cue
        first = chosen = self.current[0]
        best = -1
        # an undated summit named earlier in the same paragraph is current there ("Am Folgetag tagte …")
        local = [
            i
            for i, sm in enumerate(self.summits)
            if sm.date is None and self._last_mention(i, tok.start - 1) >= para.start
        ]
        # a section under a subheading is about one event: a summit named in it counts as in the paragraph
        heads = self._subheading_ends
        h = bisect.bisect_right(heads, tok.start) - 1
        scope = min(para.start, heads[h]) if h >= 0 else para.start
        for i in (*self.current, *local):
            # another current summit takes the document only when named in its paragraph (or section); the
            # article's first current summit is the default ("C5+1 in Washington" named in passing two
            # paragraphs earlier does not sign the Tashkent declaration); the one named last before the
            # noun wins
            at = self._last_mention(i, tok.start)
            if best < at and (i == first or at >= scope):
                best, chosen = at, i
        return None if self._dated_elsewhere(clause, self.summits[chosen]) else chosen

    def _last_mention(self, i: int, end: int) -> int:
        """Start of the last mention of summit ``i`` at or before ``end``; -1 if none."""
        if self._mentions is None:
            self._mentions = [sorted(ev.start for ev in sm.evidence) for sm in self.summits]
        starts = self._mentions[i]
        k = bisect.bisect_right(starts, end) - 1
        return starts[k] if k >= 0 else -1

    def _dated_elsewhere(self, clause: tuple[int, int], summit: Summit) -> bool:
        """Whether the signing clause dates the signing before the summit ("im August" for an October
        summit; for an undated summit, before the window of current summits ahead of publication).
        Later dates are the document's content ("Budget für das kommende Jahr") or plans."""
        if summit.date is not None:
            lo = summit.date.start - _DATE_SLACK
        elif self.doc.published is not None:
            lo = self.doc.published - CURRENT_WINDOW - _DATE_SLACK  # an undated current summit is recent
        else:
            return False
        dates = self.doc.dates
        i = bisect.bisect_left(self.doc.date_starts, clause[0])
        while i < len(dates) and dates[i].span.start < clause[1]:
            d = dates[i].date
            if dates[i].cue in ("", "am", "im", "vom") and d.end < lo:
                return True
            i += 1
        return False
