"""Event mentions in one Doc: the words that name an occurrence (a call, talks,
a deployment, an attack, a warning...), with type, agents and patients from the
parse, place, event time and modality.

A sentence may hold several mentions or none. Words in a reporter's question
turn, a caption or a credit line are no mentions (`excluded_ranges`). The
rules are data (`core.extract.event_lexicon`); this module applies them to the parse
that `core.extract.syntax.annotate_sentences` gave the sentences holding a trigger form.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date
from typing import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from core.extract import event_lexicon as lex
from core.extract.speakers import question_ranges
from core.records import EventMention, Mention, Timex

# Time expressions that place an event on the calendar (durations and sets do not).
_DATING_TYPES = ("DATE", "TIME")
_NOUN_POS = ("NOUN", "PROPN")
# How many words of an argument's phrase may name its actor.
_PHRASE_WORDS = 10
# Entities whose words name a thing, not an occurrence ("the Security Council", "Minsk II").
_NAMING_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "WORK_OF_ART", "LAW", "PRODUCT", "FAC", "LOC"})
# How far up the tree a governing word may make a mention possible, planned or denied.
_GOVERN_DEPTH = 4
# Dependencies through which a governing word reaches its complement's event.
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "relcl", "advcl", "conj", "nsubj",
                              "nsubjpass", "attr", "oprd", "compound", "amod", "acomp", "appos", "npadvmod"})
_ARGUMENT_PREPS = frozenset({"with", "against", "on", "into", "of", "between", "to", "toward", "towards", "in"})
# Clauses that qualify a noun ("the playbook he laid out last week"): their dates are the noun's.
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "on", "into", "to", "from", "around", "along"})
_ABSOLUTE = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_RELATIVE_WORDS = re.compile(r"\b(?:last|next|this|yesterday|today|tomorrow|ago|later|earlier|previous|coming|past)\b",
                             re.IGNORECASE)


# --- lines that hold no event ---------------------------------------------------------

def _matches(kind: str, line: str) -> bool:
    return any(pattern.match(line) for pattern in lex.exclusions().get(kind, ()))


def excluded_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of reporters' question turns (`core.extract.speakers`) and of
    caption, credit and timestamp lines, in text order."""
    ranges = sorted(question_ranges(text))
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and _matches("caption", stripped):
            ranges.append((offset, offset + len(line)))
        offset += len(line)
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _in_ranges(position: int, ranges: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    index = bisect_right(starts, position) - 1
    return index >= 0 and ranges[index][0] <= position < ranges[index][1]


# --- triggers --------------------------------------------------------------------------

def _pos_ok(token: Token, pos: str) -> bool:
    if pos == lex.POS_ANY:
        return token.pos_ in ("VERB",) + _NOUN_POS
    if pos == "NOUN":
        return token.pos_ in _NOUN_POS
    return token.pos_ == pos


def _child_words(token: Token) -> set[str]:
    return {child.lemma_.lower() for child in token.children} | {child.lower_ for child in token.children}


def _names_actor(token: Token, actor_at: "_Spans") -> bool:
    """The phrase this token heads names an actor ("Head of Presidential Administration
    Andriy Yermak", "many of their Russian colleagues")."""
    return any(actor_at.find(t) is not None or t.ent_type_ in ("PERSON", "GPE", "NORP", "ORG")
               for t in list(token.subtree)[:_PHRASE_WORDS])


def _previous_word(token: Token) -> str:
    i = token.i - 1
    while i >= 0 and token.doc[i].is_punct:
        i -= 1
    return token.doc[i].lower_ if i >= 0 else ""


def _holds(condition: tuple[tuple[str, tuple[str, ...]], ...], token: Token, actor_at: "_Spans") -> bool:
    lists = lex.words()
    for test, values in condition:
        if test == "child" and _child_words(token).isdisjoint(values):
            return False
        if test == "nochild" and not _child_words(token).isdisjoint(values):
            return False
        if test == "obj":
            wanted = frozenset().union(*(lists.get(v, frozenset()) for v in values))
            objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            if not any(o.lemma_.lower() in wanted for o in objects):
                return False
        if test == "with_actor":
            preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in values]
            if not any(_names_actor(o, actor_at) for p in preps for o in p.children if o.dep_ == "pobj"):
                return False
        if test == "tag" and token.tag_.lower() not in values:
            return False
        if test == "notafter" and _previous_word(token) in values:
            return False
        if test == "case" and "lower" in values and not token.text.islower():
            return False
        if test == "particle" and not any(c.dep_ == "prt" and c.lower_ in values for c in token.children):
            return False
    return True


def _trigger_of(token: Token, actor_at: "_Spans") -> tuple[lex.Trigger, int] | None:
    """The trigger entry this token is, and the index of its last token (a
    hyphenated "build-up" is three tokens)."""
    doc = token.doc
    table = lex.triggers()
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_ \
            and not doc[token.i + 1].whitespace_:
        joined = f"{token.lower_}-{doc[token.i + 2].lower_}"
        if joined in table:
            return table[joined][0], token.i + 2
    for entry in table.get(token.lemma_.lower(), ()):
        if _pos_ok(token, entry.pos) and _holds(entry.condition, token, actor_at):
            return entry, token.i
    return None


# --- who and where -----------------------------------------------------------------------

class _Spans:
    """Mentions (actors or places) looked up by the token they cover."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self._items = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self._items]

    def find(self, token: Token) -> Mention | None:
        index = bisect_right(self._starts, token.idx) - 1
        if index >= 0 and self._items[index].start <= token.idx < self._items[index].end:
            return self._items[index]
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        lo = bisect_right(self._starts, start - 1)
        return [m for m in self._items[lo:] if m.start < end and m.end <= end] if lo < len(self._items) else []


def _with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(t for t in token.conjuncts if t.i > token.i)
    return out


def _actors(tokens: Iterable[Token], actor_at: _Spans) -> list[str]:
    names: list[str] = []
    for token in _with_conjuncts(tokens):
        candidates = [token] + [c for c in token.children if c.dep_ in ("compound", "poss", "amod", "appos")]
        for candidate in candidates:
            found = actor_at.find(candidate)
            if found is not None and found.text not in names:
                names.append(found.text)
                break
    return names


def _subject_of(verb: Token) -> list[Token]:
    """The verb's subject; failing that, the subject its clause shares ("met and
    agreed", "agreed to hold")."""
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            return subjects
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head is not current:
            current = current.head
            continue
        break
    return []


def _roles(token: Token, actor_at: _Spans) -> tuple[list[str], list[str]]:
    lists = lex.words()
    agents: list[Token] = []
    patients: list[Token] = []
    children = list(token.children)
    if token.pos_ == "VERB":
        agents += _subject_of(token)
        patients += [c for c in children if c.dep_ in ("dobj", "nsubjpass", "dative")]
        agents += [p for c in children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    else:
        agents += [c for c in children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        if token.dep_ in ("dobj", "attr") and token.head.lemma_.lower() in lists.get("light", ()):
            agents += _subject_of(token.head)
    for prep in (c for c in children if c.dep_ == "prep" and c.lower_ in _ARGUMENT_PREPS):
        patients += [p for p in prep.children if p.dep_ == "pobj"]
    agent_names = _actors(agents, actor_at)
    patient_names = [n for n in _actors(patients, actor_at) if n not in agent_names]
    return agent_names, patient_names


def _place(token: Token, sent: Span, place_at: _Spans, taken: set[str]) -> str:
    for head in (token, token.head):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE_PREPS):
            for obj in prep.children:
                found = place_at.find(obj) if obj.dep_ == "pobj" else None
                if found is not None and found.text not in taken:
                    return found.text
    for mention in place_at.within(sent.start_char, sent.end_char):
        if mention.text not in taken:
            return mention.text
    return ""


# --- how the text presents it ------------------------------------------------------------

def _governors(token: Token) -> list[Token]:
    """The words above the trigger that may qualify it, nearest first."""
    chain = []
    current = token
    for _ in range(_GOVERN_DEPTH):
        if current.dep_ not in _COMPLEMENT_DEPS or current.head is current:
            break
        current = current.head
        chain.append(current)
    return chain


def _own_clause(token: Token) -> list[Token]:
    """The trigger and, for a noun or an infinitive, the verb whose argument it is."""
    clause = [token]
    if token.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "xcomp") and token.head is not token:
        clause.append(token.head)
    elif token.dep_ == "pobj" and token.head.head is not token.head:
        clause.append(token.head.head)
    return clause


def _is_conditional(verb: Token) -> bool:
    conditional = lex.words().get("conditional", frozenset())
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in conditional for c in verb.children):
        return True
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in conditional for m in c.children)
               for c in verb.children)


def modality(token: Token, sent: Span, *, future: bool = False) -> str:
    """asserted, planned, possible, denied or question (in that order of weakness,
    the strongest cue found wins: question, denied, possible, planned)."""
    if sent.text.rstrip().rstrip("\"'”’)").endswith("?"):
        return "question"
    lists = lex.words()
    negation = lists.get("negation", frozenset())
    if token.dep_ == "pobj" and token.head.lower_ in lists.get("presupposing", frozenset()):
        negated = any(c.lower_ in negation for c in token.children)
        return "denied" if negated else "asserted"
    clause = _own_clause(token)
    chain = _governors(token)
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for w in clause for c in w.children
           if c.lower_ in negation):
        return "denied"
    if any(w.lemma_.lower() in lists.get("govern_denied", ()) for w in chain):
        return "denied"
    auxiliaries = {c.lower_ for w in clause + chain[:1] for c in w.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & lists.get("modal_possible", frozenset()) or any(_is_conditional(w) for w in clause + chain):
        return "possible"
    if any(w.lemma_.lower() in lists.get("govern_possible", ()) for w in chain):
        return "possible"
    if auxiliaries & lists.get("modal_planned", frozenset()) or future:
        return "planned"
    if any(w.lemma_.lower() in lists.get("govern_planned", ()) or w.lower_ == "going" for w in chain):
        return "planned"
    return "asserted"


# --- when ---------------------------------------------------------------------------------

def precision_of(value: str) -> str:
    """The grain of a TimeML date value: day, week, month, quarter, year."""
    if re.match(r"^\d{4}-\d\d-\d\d", value):
        return "day"
    if re.match(r"^\d{4}-W\d\d", value):
        return "week"
    if re.match(r"^\d{4}-\d\d$", value):
        return "month"
    if re.match(r"^\d{4}-(?:Q\d|H\d|SP|SU|FA|WI)", value):
        return "quarter"
    if re.match(r"^\d{3,4}$", value):
        return "year"
    return "day"


def anchor_of(timex: Timex) -> str:
    """"explicit" for a date written out ("7 December", "2014"), else "relative"."""
    if _ABSOLUTE.search(timex.text) and not _RELATIVE_WORDS.search(timex.text):
        return "explicit"
    return "relative"


def _governed_by(span: Span, heads: set[int]) -> Token | None:
    """The first word outside the expression that governs it, through prepositions
    only ("on Tuesday" -> the verb); None past another noun or the root."""
    current = span.root
    for _ in range(4):
        head = current.head
        if head is current:
            return None
        if head.i in heads or head.pos_ != "ADP":
            return head
        current = head
    return None


def _sequenced(token: Token) -> bool:
    """The trigger is the object of a word that sets it at another time than its
    clause ("in advance of that call", "ahead of the talks")."""
    sequence = lex.words().get("sequence", frozenset())
    current = token
    for _ in range(_GOVERN_DEPTH):
        if current.dep_ not in ("pobj", "prep", "pcomp") or current.head is current:
            return False
        current = current.head
        if current.lower_ in sequence:
            return True
    return False


def _definite(token: Token) -> bool:
    """A noun trigger whose determiner refers back ("that call", "the conversation")."""
    return token.pos_ in _NOUN_POS and any(
        c.dep_ == "det" and c.lower_ in lex.words().get("anaphoric", frozenset()) for c in token.children)


def _time_for(token: Token, sent: Span, timexes: Sequence[Timex]) -> Timex | None:
    """The time expression that dates this mention: one governed by the trigger or
    by the verb it is the argument of; else the nearest one that dates a verb of the
    sentence (not another noun: "the 2015 Minsk agreements"; nor a relative clause,
    which dates its own noun: "the address he delivered yesterday"). An event set apart by
    a sequence word ("ahead of the talks") takes only a time of its own, and so does
    one that refers back ("that conversation"): it takes its antecedent's."""
    dated = [t for t in timexes if t.type in _DATING_TYPES and t.date_start is not None
             and sent.start_char <= t.start < sent.end_char]
    if not dated:
        return None
    sequenced = _sequenced(token)
    own_only = sequenced or _definite(token)
    heads = {token.i} | {c.i for c in token.children if c.dep_ in _NOUN_CLAUSES}   # "the meeting held on ..."
    if not sequenced:
        heads |= {w.i for w in _own_clause(token)} | {c.i for c in token.children if c.dep_ == "xcomp"}
    doc = token.doc
    governors = []
    for timex in dated:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        governor = _governed_by(span, heads) if span is not None else None
        if governor is not None and governor.i in heads:
            return timex
        governors.append(governor)
    verbal = [t for t, g in zip(dated, governors)
              if g is not None and g.pos_ in ("VERB", "AUX") and g.dep_ not in _NOUN_CLAUSES]
    if verbal and not own_only:
        return min(verbal, key=lambda t: abs(t.start - token.idx))
    return None


# --- the whole doc ------------------------------------------------------------------------

def _names_a_meeting(token: Token) -> bool:
    """"the Normandy Summit", "the Munich Security Conference": a meeting's name is
    still a meeting."""
    return any(e.type == "meeting" for e in lex.triggers().get(token.lemma_.lower(), ()))


def _parsed(sent: Span) -> bool:
    """A sentence `core.extract.syntax.annotate_sentences` tagged (all its words or none)."""
    return bool(sent[0].tag_)


def iter_event_mentions(doc: Doc, *, published: date | None, timexes: Sequence[Timex] = (),
                        actor_mentions: Sequence[Mention] = (),
                        place_mentions: Sequence[Mention] = ()) -> Iterator[EventMention]:
    text = doc.text                  # Doc.text joins every token: once per doc, not per mention
    excluded = excluded_ranges(text)
    starts = [lo for lo, _ in excluded]
    actor_at, place_at = _Spans(actor_mentions), _Spans(place_mentions)
    for index, sent in enumerate(doc.sents):
        if not _parsed(sent) or _in_ranges(sent.start_char, excluded, starts):
            continue
        skip_until = -1
        for token in sent:
            if token.i <= skip_until:
                continue
            if token.ent_type_ in _NAMING_ENTITIES and token.pos_ == "PROPN" and not _names_a_meeting(token):
                continue
            found = _trigger_of(token, actor_at)
            if found is None or (token.dep_ == "compound" and token.pos_ in _NOUN_POS):
                continue                  # "strike drones", "attack helicopters": a kind of thing
            entry, last = found
            skip_until = last
            end_char = doc[last].idx + len(doc[last].text)
            when = _time_for(token, sent, timexes)
            future = bool(when and published and when.date_start and when.date_start > published)
            agents, patients = _roles(token, actor_at)
            place = _place(token, sent, place_at, set(agents) | set(patients))
            mention = EventMention(
                start=token.idx, end=end_char, trigger=text[token.idx:end_char], lemma=entry.lemma,
                type=entry.type, modality=modality(token, sent, future=future), sentence=index,
                sent_start=sent.start_char, sent_end=sent.end_char,
                agents=tuple(agents), patients=tuple(patients), place=place, definite=_definite(token),
            )
            if when is not None:
                yield replace(mention, date_start=when.date_start, date_end=when.date_end, date_text=when.text,
                              date_value=when.value, anchor=anchor_of(when), precision=precision_of(when.value))
            elif published is not None:
                yield replace(mention, date_start=published, date_end=published, date_value=published.isoformat())
            else:
                yield mention
