"""The tense of the verb a time expression hangs from (`governing_tense`: PAST,
PRESENT, FUTURE or none), read from the dependency parse and from the words of
scheduling and of saying kept as data in core/data/timex_*; and whether the
expression is a span looked back over whatever the tense (`in_after_superlative`)."""
from __future__ import annotations

import csv
from functools import lru_cache

from spacy.tokens import Span, Token

from core import DATA_DIR
from core.extract.timex.lexicon import LIMIT_PREPOSITIONS, read_words
from core.extract.timex.values import FUTURE, NO_TENSE, PAST, PRESENT

SCHEDULE_WORDS_FILE = DATA_DIR / "timex_schedule_words.csv"
SCHEDULE_PREPOSITIONS_FILE = DATA_DIR / "timex_schedule_prepositions.csv"
SAME_FORM_PAST_FILE = DATA_DIR / "timex_same_form_past_verbs.txt"
REPORTING_VERBS_FILE = DATA_DIR / "timex_reporting_verbs.txt"
DIRECTIVE_VERBS_FILE = DATA_DIR / "timex_directive_verbs.txt"
EXPECTATION_VERBS_FILE = DATA_DIR / "timex_expectation_verbs.txt"

# Auxiliaries that mark the tense of the verb the expression hangs from.
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
_MODAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can", "ca", "'d"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have", "'d"})
_EARLIEST_LEAD = ("as", "soon", "as")  # "as soon as Saturday": the earliest a coming event may be
# "was expected to", "were scheduled to": a plan told in the past passive, still ahead.
_PAST_PASSIVE_AUX = frozenset({"was", "were"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "'m", "do", "does"})

# Words that lead into a point of comparison ("than in 2019", "higher than in May").
COMPARISON_LEADS = frozenset({"than", "from", "since", "with", "as"})
# Words that make an expression a count of units ("in a decade", "in several years", "in years").
_COUNT_WORDS = frozenset({"a", "an", "few", "several", "many", "some", "decades", "years", "months",
                          "weeks", "days", "hours", "centuries"})
_GOVERNOR_STEPS = 8  # head hops to find the governing verb; a sentence is rarely deeper
# Dependencies of a present participle that modifies a noun or a clause ("closing
# unchanged Friday", "the contingent arriving Tuesday"), or that works as a preposition
# ("including a drop on Friday", "following talks on Monday"): its time is its governor's.
_PARTICIPLE_DEPS = frozenset({"acl", "advcl", "amod", "pcomp", "xcomp", "conj", "relcl", "npadvmod", "prep"})
# Dependencies of a noun whose prepositional phrase dates the noun's own event, not the
# verb's: "talk of an invasion within the week" (pobj), "a move in April remained unlikely" (nsubj).
_EVENT_NOUN_DEPS = frozenset({"pobj", "nsubj", "nsubjpass"})
# Dependencies of an adjective that completes a verb ("was due", "had been expected to"),
# as opposed to one that describes a noun ("the report due on Friday").
_PREDICATE_DEPS = frozenset({"acomp", "xcomp", "ccomp", "conj", "advcl"})
# Dependencies of a verb that heads a clause of its own; with a subject and no auxiliary,
# a base form there is a present tense ("while City host Newcastle on Saturday").
_CLAUSE_HEAD_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl"})


def governing_tense(span: Span) -> str:
    """PAST, PRESENT, FUTURE, or "" from the verb the expression hangs from.

    Walk up the dependency tree to the first finite verb. "will"/"shall" make
    it future, a modal ("could", "may") points forward too, "have" + a modal
    ("could have") or a past form (VBD, was/were/had, did) makes it past.
    A verb inside a quotation does not govern an expression outside it (the
    parser often hangs "... in coming days" during a call on Saturday" from
    the quoted verb). With no parse, or no verb, it is "".

    A day right after a verb of saying ("said on Monday he would ...":
    `core/data/timex_reporting_verbs.txt`) dates the saying and takes that
    verb's tense, wherever the parser hangs it.

    What lies between the expression and that verb changes what its tense says:
    - a present participle without auxiliary ("closing unchanged Friday",
      "the first contingent arriving Tuesday") has no tense of its own: the
      walk goes on (a past participle, "the accord signed on Feb. 23", tells
      of a completed event: past);
    - an infinitive ("expects the deal to close by Dec. 15") takes its
      governor's tense, except under a past one ("were ordered to leave on
      Friday"), after which it may lie either side of the document date: "",
      and under a present one when the expression dates the infinitive itself
      ("is going to close the plant in March", "plans to publish the figures in
      February"): what is intended or planned now lies ahead, FUTURE (not what
      a noun under it covers: "expects to report a loss for the second quarter");
    - a bare participle or adjective of scheduling ("set to resume Monday",
      "due in October": `core/data/timex_schedule_words.csv`) puts it ahead:
      FUTURE (unless the pluperfect puts it past: "had been due to expire
      Friday"; "the rent was due on Friday", with no infinitive, is past too),
      and so does such a verb in the simple past before an infinitive ("crews
      expected to restore power by Sunday", "was due to fly Monday": the plan
      still holds);
    - an adjective ("worth $5 million in October") holds a state, not the verb's
      event ("payable Dec. 15", "effective Feb. 1" are words of scheduling, above) (a future verb it
      completes does date the far end of the state: "will stay closed through
      Wednesday"), and a noun inside a
      prepositional phrase ("accused the West of talk of an invasion within
      the week", "told companies of a cutback in September") or on the subject
      ("a move in April remained unlikely") an event of its own that a past
      verb does not date (a future one does: "will be named commander for a
      mission in December"): "";
    - a possessive ("Tuesday's declaration", "Thursday's closing price") dates
      the noun it owns, an event of its own, again only a future verb tells:
      "" otherwise.
    """
    reporting = _reporting_verb_before(span)
    if reporting is not None:
        return _tense_of(reporting)
    if _earliest_ahead(span) or _scheduled_through(span) or _in_clause_of_time_ahead(span):
        return FUTURE
    tense = _tense_of_governor(span)
    if tense != FUTURE and span.root.dep_ == "poss":
        return NO_TENSE
    if tense == PRESENT and _simple_present_in(span):
        return FUTURE
    return tense


# Prepositions that put their noun's event before the verb's ("after the spring gathering of
# troops, Russia left equipment"): under a past verb that event is past too.
_EARLIER_EVENT_PREPOSITIONS = frozenset({"after", "following", "since"})

# Conjunctions that open a clause of time ("when markets open Monday", "once talks resume Friday").
_TIME_CLAUSE_CONJUNCTIONS = frozenset({"when", "once"})


def _in_clause_of_time_ahead(span: Span) -> bool:
    """ "Investors will get their first chance to react when markets open Monday", "shares are
    expected to fall when trading resumes on Tuesday": English puts a clause of time in the present
    when the clause it hangs from tells of what is ahead, so a day in such a clause, with no past
    form in it, is ahead when the verb above the clause is in the future, a modal or scheduled."""
    if not span.doc.has_annotation("DEP"):
        return False
    sentence_start = span.sent.start
    for i in range(span.start - 1, max(sentence_start, span.start - 6) - 1, -1):
        word = span.doc[i]
        if word.lower_ in _TIME_CLAUSE_CONJUNCTIONS and word.dep_ in ("advmod", "mark"):
            clause = word.head
            break
        if word.is_punct or word.tag_ in ("VBD", "VBN", "MD") or word.lower_ in _PAST_AUX:
            return False
    else:
        return False
    if clause.dep_ != "advcl" or not (clause.i < span.start or clause.i in range(span.start, span.end)) \
            or span.root.i not in {t.i for t in clause.subtree}:
        return False
    return _tense_of_governor(span.doc[clause.i:clause.i + 1]) == FUTURE


def _earliest_ahead(span: Span) -> bool:
    """ "ready to open talks as soon as Saturday": "as soon as" before a day names the
    earliest time something still to come may happen, whatever tense reports it."""
    words = [t.lower_ for t in span.doc[max(0, span.start - 3):span.start]]
    return words == list(_EARLIEST_LEAD)


@lru_cache(maxsize=1)
def schedule_prepositions() -> dict[str, frozenset[str]]:
    """Verbs of scheduling or putting off -> the prepositions through which they put a time
    ahead (core/data/timex_schedule_prepositions.csv)."""
    with SCHEDULE_PREPOSITIONS_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if line.strip() and not line.startswith("#"))
        return {row["word"].strip().lower(): frozenset(row["prepositions"].lower().split()) for row in rows}


# Adverbs between a verb of putting off and its preposition: "pushed back to", "put off until".
_SHIFT_ADVERBS = frozenset({"back", "forward", "off", "over"})


def _scheduled_through(span: Span) -> bool:
    """ "elections are set for October", "the vote was postponed until June", "adjourned
    the hearing to Tuesday": a verb of scheduling or of putting off, right above the
    preposition that governs the expression (or above the object that preposition
    hangs from: "set a hearing for October"; or through "back", "off": "pushed back to
    Friday"; or "until after Easter"), fixes a time still ahead, whatever its tense
    (not the pluperfect: "had been set for Friday" may have lapsed)."""
    prep = span.root.head
    if prep is span.root or prep.dep_ != "prep" or span.start == 0 or span.doc[span.start - 1].i != prep.i:
        return False
    if prep.lower_ in ("after", "before") and prep.head.dep_ == "prep":
        prep = prep.head  # "delayed until after Easter": the putting off is through "until"
    verb = prep.head
    if verb.lower_ in _SHIFT_ADVERBS and verb.dep_ in ("advmod", "prt"):
        verb = verb.head  # "the launch was pushed back to Friday"
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
        verb = verb.head  # "the court set a hearing for October"
    prepositions = schedule_prepositions().get(verb.lower_)
    return (prepositions is not None and prep.lower_ in prepositions and verb.pos_ in ("VERB", "AUX")
            and verb.tag_ in ("VBN", "VBD") and not _pluperfect(verb))


def _simple_present_in(span: Span) -> bool:
    """ "until a new president takes office in January", "who retires in the autumn": a
    simple present of an event verb, the expression right under it after "in", tells of
    what is scheduled, so a year-less month or season is the coming one."""
    prep = span.root.head
    if prep is span.root or prep.lower_ != "in" or prep.dep_ != "prep":
        return False
    verb = prep.head
    aux = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    return verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBP") and not aux


@lru_cache(maxsize=1)
def directive_verbs() -> frozenset[str]:
    """Lemmas of verbs of directing, asking or allowing (core/data/timex_directive_verbs.txt)."""
    return frozenset(read_words(DIRECTIVE_VERBS_FILE))


# Dependencies through which a time dates a verb of its own ("on Monday, police told ...").
_DATING_DEPS = frozenset({"prep", "npadvmod", "advmod", "tmod"})


def under_past_directive(span: Span) -> bool:
    """ "urged residents to stay home Saturday", "were told to report Wednesday": the expression
    dates an infinitive under a past verb of directing (core/data/timex_directive_verbs.txt), not
    in the pluperfect and dated by no time of its own. The deed comes after the directive, which
    a report tells soon after it was given, so the day may lie either side of the document date
    (`governing_tense` gives "" for any infinitive under a past verb)."""
    if not span.doc.has_annotation("DEP"):
        return False
    head = span.root.head
    verb = head.head if head.dep_ == "prep" and head.lower_ != "for" else head
    if verb.i == span.root.i or verb.pos_ != "VERB":
        return False
    if (directive := _directive_of_participle(verb)) is None:
        if verb.dep_ != "xcomp" or not _is_infinitive(verb, {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}):
            return False
        directive = verb.head
    if directive.lemma_.lower() not in directive_verbs() or _tense_of(directive) != PAST or _pluperfect(directive):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for child in directive.children if child.dep_ in _DATING_DEPS
                   for t in child.subtree)


def _directive_of_participle(verb: Token) -> Token | None:
    """ "ordered American flags lowered until Monday", "ordered the schools closed on Monday": a
    past participle that tells the state the object of a verb of directing is to be brought to
    (a small clause, parsed as a clause of the verb or as a modifier of its object) dates a deed
    ordered, as an infinitive does ("ordered the schools to close"); that verb, else None."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    if verb.dep_ in ("ccomp", "xcomp", "oprd"):
        directive = verb.head
    elif verb.dep_ == "acl" and verb.head.dep_ == "dobj":
        directive = verb.head.head
    else:
        return None
    return directive if directive.lemma_.lower() in directive_verbs() else None


@lru_cache(maxsize=1)
def expectation_verbs() -> frozenset[str]:
    """Lemmas of verbs of expecting (core/data/timex_expectation_verbs.txt)."""
    return frozenset(read_words(EXPECTATION_VERBS_FILE))


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Lemmas of verbs of saying (core/data/timex_reporting_verbs.txt)."""
    return frozenset(read_words(REPORTING_VERBS_FILE))


def _reporting_verb_before(span: Span) -> Token | None:
    """The verb of saying right before the expression ("said Monday he would ...",
    "announced on Friday that ..."): the expression dates the saying, though the
    parser may hang it from the reported verb."""
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ == "on":
        i -= 1
    if i < 0:
        return None
    verb = span.doc[i]
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in reporting_verbs() and verb.tag_ in ("VBD", "VBZ", "VBP"):
        return verb
    return None


def _tense_of_governor(span: Span) -> str:
    """`governing_tense` before the possessive rule: the walk up the tree."""
    doc = span.doc
    if not doc.has_annotation("DEP"):
        return NO_TENSE
    token: Token = span.root
    infinitive = through_modifier = through_noun = ahead_of_infinitive = earlier_event = False
    for _ in range(_GOVERNOR_STEPS):
        if token.head is token:
            return _tense_of(token) if token.pos_ in ("VERB", "AUX") else NO_TENSE
        token = token.head
        if token.tag_ == "JJ" and token.dep_ != "ROOT":
            if _schedules(token, infinitive):
                # "due in October", "due to expire Friday": ahead; "had been due to expire Friday": either
                # side; "the report due on Friday", said in the past, is still ahead: the adjective
                # describes a noun, and only a verb it completes ("was", "had been") can put it back
                head = token.head
                was = (token.dep_ in _PREDICATE_DEPS and head is not token and head.pos_ in ("VERB", "AUX")
                       and _tense_of(head) == PAST
                       # ", effective Thursday" set off after "raised rates": no complement of the verb
                       and not (token.dep_ == "advcl" and head.lemma_ != "be"))
                if was and infinitive and not _pluperfect(head):
                    return FUTURE  # "he was due to fly to Belgrade Monday morning": the plan still holds
                return NO_TENSE if was else FUTURE
            if _state_until(token, span) and _tense_of(token.head) == FUTURE:
                return FUTURE  # "schools will stay closed through Wednesday": the state lasts till then
            through_modifier = True
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in _EVENT_NOUN_DEPS:
            # "talk of an invasion within the week", "a move in April remained unlikely": the noun's time
            earlier_event = not through_modifier and token.dep_ == "pobj" \
                and token.head.lower_ in _EARLIER_EVENT_PREPOSITIONS
            through_modifier = through_noun = True
            continue
        if token.pos_ not in ("VERB", "AUX") or _across_quote(token, span):
            continue
        aux = {child.lower_ for child in token.children if child.dep_ in ("aux", "auxpass")}
        if _is_infinitive(token, aux):
            if (not infinitive and not through_modifier and token.dep_ in ("acl", "relcl") and token.tag_ == "VBN"
                    and "be" in aux and token.head.pos_ in ("NOUN", "PROPN") and _dates_directly(span, token)):
                return FUTURE  # "the rankings to be released Monday": what a noun is still to undergo
            ahead_of_infinitive = not infinitive and _dates_directly(span, token)
            infinitive = True
            continue
        if not aux and token.tag_ == "VBN" and _schedules(token, infinitive):
            return FUTURE  # "talks, set to resume Monday", "a vote expected in June": scheduled now, so ahead
        if (not aux and token.tag_ == "VBD" and not infinitive and not through_modifier
                and token.lemma_.lower() in expectation_verbs() and _dates_object(span, token)):
            return FUTURE  # "he expected a Senate vote Monday": the event expected is still ahead
        if not aux and token.tag_ == "VBD" and infinitive and _schedules(token, infinitive):
            return FUTURE  # "crews expected to restore power by Sunday": what was expected is still ahead
        if (token.tag_ == "VBN" and infinitive and aux & _PAST_PASSIVE_AUX and not _pluperfect(token)
                and _schedules(token, infinitive)):
            return FUTURE  # "the storm was expected to make landfall Wednesday": the same, in the passive
        if (token.tag_ == "VBN" and not infinitive and not through_modifier and aux & _PAST_PASSIVE_AUX
                and not _pluperfect(token) and token.lemma_.lower() in expectation_verbs() and _dates_directly(span, token)):
            return FUTURE  # "final results were expected early Tuesday": what was expected, its subject, is still ahead
        if not aux and token.tag_ == "VBG" and token.dep_ == "prep" and _schedules(token, infinitive):
            return FUTURE  # "told workers to stay home starting Monday": the measure begins ahead
        if _is_bare_participle(token, aux) or not aux and token.tag_ == "VBN" and _deadline_on(span, token):
            continue
        tense = _tense_of(token)
        if earlier_event and tense == PAST and not infinitive:
            return PAST  # "after the spring gathering of troops, Russia left ...": before a past event
        if through_modifier and (tense == PAST or not through_noun):
            return NO_TENSE
        if infinitive and tense == PAST:
            if ahead_of_infinitive and _be_to(token):
                return FUTURE  # "the cuts that were to begin Wednesday": a plan told in the past, still ahead
            return NO_TENSE
        if ahead_of_infinitive and tense == PRESENT:
            return FUTURE
        return tense
    return NO_TENSE


def _be_to(verb: Token) -> bool:
    """ "were to begin", "was to arrive": "was"/"were" as the main verb before a to-infinitive (its
    xcomp), a future in the past; not "had been to", nor "was able to" (an adjective between)."""
    if verb.lower_ not in _PAST_PASSIVE_AUX or verb.tag_ != "VBD" or any(
            child.dep_ in ("aux", "auxpass", "acomp", "attr") for child in verb.children):
        return False
    return any(child.dep_ == "xcomp" and child.i > verb.i and _is_infinitive(child, {
        c.lower_ for c in child.children if c.dep_ in ("aux", "auxpass")}) for child in verb.children)


def _dates_object(span: Span, verb: Token) -> bool:
    """The expression hangs right from the direct object of `verb` ("expected a vote Monday"), or
    joins one that does ("a vote Monday or Tuesday")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    noun = root.head
    return (root.dep_ == "npadvmod" and noun.dep_ == "dobj" and noun.pos_ == "NOUN"
            and noun.head.i == verb.i)


def _deadline_on(span: Span, participle: Token) -> bool:
    """ "claims filed by the end of February would be paid", "want him gone by the autumn": a
    past participle with no auxiliary, the expression a deadline on it ("by"), tells of no
    completed event but of a state wanted or required by then: its time is the clause's."""
    prep = span.root.head
    return prep.lower_ == "by" and prep.dep_ in ("prep", "agent") and prep.head.i == participle.i


def _dates_directly(span: Span, verb: Token) -> bool:
    """Whether the expression dates `verb` itself: hangs from it ("to meet Thursday") or from a
    preposition on it ("to cut jobs in March"), not from a noun ("to report a loss for the
    quarter", "to sell under a June agreement") nor through "for", which names what a
    report or a payment covers."""
    head = span.root.head
    if head.i == verb.i:
        return True
    return head.dep_ == "prep" and head.head.i == verb.i and head.lower_ != "for"


def _state_until(adjective: Token, span: Span) -> bool:
    """ "stay closed through Wednesday", "remain open until Friday", "will stay shut on
    Monday": an adjective completing a verb, with the expression as the far end of the
    state it names or a time it holds on (not a point of comparison: "higher than in May")."""
    prep = span.root.head
    if not (adjective.dep_ == "acomp" and adjective.head.pos_ in ("VERB", "AUX") and prep.head.i == adjective.i):
        return False
    return prep.lower_ in LIMIT_PREPOSITIONS or (
        prep.lower_ in ("on", "in") and prep.i > 0 and span.doc[prep.i - 1].lower_ not in COMPARISON_LEADS)


def _pluperfect(verb: Token) -> bool:
    """ "had been due", "had expected": a past before the past, a plan that may have lapsed."""
    return any(child.dep_ in ("aux", "auxpass") and child.lower_ in ("had", "'d") for child in verb.children)


def in_after_superlative(span: Span) -> bool:
    """ "the biggest project in 100 years", "for the first time in 30 years": "in" hangs on a
    noun a superlative or "first/last/only" picks out, so what follows is a span of time
    looked back over, whatever the verb's tense, not a point ahead."""
    if span.start == 0 or span.doc[span.start - 1].lower_ != "in":
        return False
    if not any(t.like_num or t.lower_ in _COUNT_WORDS for t in span):
        return False  # "will reach its closest point to the sun in August": a month, no count of time
    head = span.doc[span.start - 1].head
    nouns = [head] if head.pos_ in ("NOUN", "PROPN") else [
        c for c in head.children if c.dep_ in ("attr", "dobj", "nsubj") and c.pos_ in ("NOUN", "PROPN")]
    if head.pos_ in ("VERB", "AUX") and head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(head.head)  # "the worst storm to hit the coast in 70 years", "the largest crowd seen in a decade"
    if any(_picks_out(c) for n in nouns for c in n.children):
        return True
    # "would be the weakest in five years", "could be the worst to hit the region in a century": the
    # superlative stands for its noun, with "in" on it or on the verb that describes it
    # ("may prove the smallest in a decade": "in" on the verb whose object the superlative is)
    described = head.head if head.pos_ in ("VERB", "AUX") and head.dep_ in ("acl", "relcl") else head
    objects = [c for c in head.children if c.dep_ in ("attr", "dobj")] if head.pos_ in ("VERB", "AUX") else []
    return any(_stands_for_noun(word) for word in (described, *objects))


def _stands_for_noun(word: Token) -> bool:
    """A superlative with its article and no noun after it: "the weakest", "the worst"."""
    return (word.pos_ == "ADJ" and word.tag_ == "JJS" and word.dep_ in ("attr", "nsubj", "dobj", "pobj", "appos")
            and any(c.dep_ == "det" and c.lower_ == "the" for c in word.children))


def _picks_out(modifier: Token) -> bool:
    """A superlative ("biggest", "most destructive") or "first/last/only" on a noun."""
    return (modifier.tag_ == "JJS" or modifier.lower_ in ("first", "last", "only")
            or modifier.tag_ == "JJ" and any(c.lower_ in ("most", "least") for c in modifier.children))


def _is_infinitive(verb: Token, aux: set[str]) -> bool:
    """"to leave", "to be completed"; not a perfect infinitive ("to have left": past)."""
    return ("to" in aux and verb.tag_ in ("VB", "VBN", "VBG") and "have" not in aux
            and not aux & (_FUTURE_AUX | _MODAL_AUX))


def _is_bare_participle(verb: Token, aux: set[str]) -> bool:
    """A present participle with no auxiliary that modifies something else: no tense of its own."""
    return verb.tag_ == "VBG" and not aux and verb.dep_ in _PARTICIPLE_DEPS


@lru_cache(maxsize=1)
def schedule_words() -> dict[str, bool]:
    """Participles and adjectives of scheduling -> whether only with an infinitive
    (core/data/timex_schedule_words.csv)."""
    with SCHEDULE_WORDS_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if line.strip() and not line.startswith("#"))
        return {row["word"].strip().lower(): row["infinitive_only"].strip() == "yes" for row in rows}


def _schedules(token: Token, infinitive: bool) -> bool:
    """A word of scheduling that, here, puts what it governs ahead."""
    infinitive_only = schedule_words().get(token.lower_)
    return infinitive_only is not None and (infinitive or not infinitive_only)


def _across_quote(verb: Token, span: Span) -> bool:
    """An odd number of quotation marks between verb and span: one is quoted, the other not."""
    low, high = sorted((verb.i, span.start if verb.i < span.start else span.end - 1))
    quotes = sum(1 for t in verb.doc[low + 1:high] if t.is_quote)
    return quotes % 2 == 1


def _tense_of(verb: Token) -> str:
    aux = _auxiliaries(verb) or _shared_modal(verb)
    if aux & _FUTURE_AUX:
        return FUTURE
    if aux & _MODAL_AUX:
        return PAST if "have" in aux else FUTURE
    if verb.tag_ == "VBD" or aux & _PAST_AUX or not aux and _past_by_agreement(verb):
        return PAST
    if verb.tag_ in ("VBZ", "VBP", "VBG") or aux & _PRESENT_AUX or _bare_present(verb, aux) \
            or _base_form_beside_past(verb, aux) or _base_form_beside_present(verb, aux):
        return PRESENT
    if verb.tag_ == "VBN":
        return PAST
    return NO_TENSE


def _auxiliaries(verb: Token) -> set[str]:
    """The auxiliaries of a verb, with those the parser hangs from one of them: in "markets will be
    closed Monday" it may make "will" a child of "be", not of "closed"."""
    words = set()
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass"):
            words.add(child.lower_)
            words.update(c.lower_ for c in child.children if c.dep_ == "aux")
    return words


def _shared_modal(verb: Token) -> set[str]:
    """ "would brush the coast tonight and reach the city early Sunday": a base form with no
    auxiliary joined by "and" to a verb under "will" or a modal shares that auxiliary (the
    words "will"/"would" are not repeated); empty otherwise."""
    head = verb.head
    if verb.tag_ != "VB" or verb.dep_ != "conj" or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return set()
    if any(child.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for child in verb.children):
        return set()  # a clause of its own ("... and they reach")
    head_aux = {child.lower_ for child in head.children if child.dep_ in ("aux", "auxpass")}
    return head_aux & (_FUTURE_AUX | _MODAL_AUX)


def _bare_present(verb: Token, aux: set[str]) -> bool:
    """ "City host Newcastle on Saturday": a base form with a subject of its own and no
    auxiliary heads a clause, so it is a present tense the tagger took for a base form."""
    return (verb.tag_ == "VB" and not aux and verb.dep_ in _CLAUSE_HEAD_DEPS
            and any(child.dep_ == "nsubj" for child in verb.children))


# Auxiliaries of a past verb that a base form joined to it by "and" cannot share:
# "were closed Friday and reopen Wednesday" would be "were ... reopened".
_UNSHARED_PAST_AUX = frozenset({"was", "were"})


def _base_form_beside_past(verb: Token, aux: set[str]) -> bool:
    """ "were closed Friday and reopen Wednesday", "shut on Friday and reopen on Thursday": a
    base form with no auxiliary joined to a past verb is not that verb's past (it would read
    "reopened"), but a present of its own; a modal or "did" of the first verb would carry
    over to it ("will close and reopen", "did not close and reopen")."""
    head = verb.head
    if verb.tag_ != "VB" or aux or verb.dep_ != "conj" or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return False
    head_aux = {child.lower_ for child in head.children if child.dep_ in ("aux", "auxpass")}
    return head.tag_ in ("VBD", "VBN") and head_aux <= _UNSHARED_PAST_AUX and (head.tag_ == "VBD" or bool(head_aux))


def _base_form_beside_present(verb: Token, aux: set[str]) -> bool:
    """ "markets are closed today and reopen Wednesday", "the court sits Monday and rules Friday": a
    base form with no auxiliary or subject of its own joined by "and" to a present verb (an -s form,
    a plural present or "is"/"are" + participle, with no modal or future auxiliary) shares its tense."""
    head = verb.head
    if verb.tag_ != "VB" or aux or verb.dep_ != "conj" or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return False
    if any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children):
        return False
    head_aux = {child.lower_ for child in head.children if child.dep_ in ("aux", "auxpass")}
    if head_aux - _PRESENT_AUX:
        return False
    return head.tag_ in ("VBZ", "VBP") or (head.tag_ == "VBN" and bool(head_aux))


# Subjects that take a verb's -s form in the present: singular nouns and these pronouns.
_THIRD_SINGULAR_PRONOUNS = frozenset({"he", "she", "it", "this", "that", "which", "who"})


@lru_cache(maxsize=1)
def same_form_past_verbs() -> frozenset[str]:
    """Verbs whose past is spelled as their base form (core/data/timex_same_form_past_verbs.txt)."""
    return frozenset(read_words(SAME_FORM_PAST_FILE))


def _past_by_agreement(verb: Token) -> bool:
    """ "Weakness hurt the index on Friday": a verb tagged as a present form (VBP)
    whose past is spelled the same, with a third-person singular subject, can only
    be past, since the present would take -s ("weakness hurts")."""
    if verb.tag_ != "VBP" or verb.lower_ not in same_form_past_verbs():
        return False
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    return any(s.tag_ in ("NN", "NNP") or s.lower_ in _THIRD_SINGULAR_PRONOUNS for s in subjects)
