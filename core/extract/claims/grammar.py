"""Small walks over a dependency parse (a noun's "of" phrase, a verb's subject, the
first item of a list), and the closed word classes they test, shared by the claim rules.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Nominal subjects, active and passive; objects a claimant may be misparsed as.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SUBJECT_OR_OBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# A verb with no subject of its own borrows its head's (participles,
# infinitives and coordinated verbs: "..., saying it is likely").
SUBJECTLESS_VERB_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp"})
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
# A speaker speaking of themselves or their own side.
FIRST_PERSON = frozenset({"i", "we", "our", "my", "us"})
# Prepositions that continue a source's name or affiliation: "Ministry of
# Defence", "Institute for the Study of War", "analysts at RUSI".
AFFILIATION_PREPS = frozenset({"of", "for", "at", "from"})
PRONOUNS_OTHER = frozenset({"it", "they", "we", "i", "you", "this", "that", "them", "us"})
# Subjects that are neither the speaker nor the one addressed.
THIRD_PERSON = frozenset({"he", "she", "it", "they"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my"})
OF_CHAIN = 3            # nouns read down a chain of "of" phrases (`of_chain`)
_MAX_NAME_TOKENS = 8    # tokens of an entity read each way from a token, for its side


def span_at(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens over characters `start` to `end`, widened to whole tokens; None if spaCy makes none."""
    return doc.char_span(start, end, alignment_mode="expand")


def first_conjunct(noun: Token) -> Token:
    """The first noun of the list `noun` is in ("15 tanks and six vehicles": tanks), or itself."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def with_the(token: Token) -> bool:
    """ "the General Staff", "the 12,500": a phrase its own "the" makes definite."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def listed_whole(token: Token) -> Token | None:
    """The whole that an "including" phrase lists `token` as a part of ("158 drones ...,
    including nine" -> drones), a later item of the list too ("including 472 tanks, 63
    aircraft and 22 helicopters"); when the phrase hangs on a verb, that verb's object
    ("destroyed 1,812 targets, including 472 tanks" -> targets), read as the nearest counted
    noun before it, since the parse may hang the phrase on any verb of the sentence. None
    when `token` is no such part."""
    while token.dep_ in ("conj", "appos") and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        token = token.head
    including = token.head
    if token.dep_ != "pobj" or including.lower_ != "including":
        return None
    if including.head.pos_ not in ("VERB", "AUX"):
        return including.head
    return next((t for t in reversed(token.doc[token.sent.start:including.i])
                 if t.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" for c in t.children)), None)


def of_objects(token: Token) -> list[Token]:
    """The objects of the "of" phrases on `token` ("tanks of the enemy" -> enemy)."""
    return [obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children if obj.dep_ == "pobj"]


def of_chain(noun: Token) -> list[Token]:
    """`noun` and the nouns down its chain of first "of" phrases, at most `OF_CHAIN` of them,
    read for whose a force or a body is: "the loss of 9,128 pieces of Russian equipment" ->
    loss, pieces, equipment; "the General Staff of the Armed Forces of Ukraine"."""
    chain = [noun]
    while len(chain) < OF_CHAIN and (objects := of_objects(chain[-1])):
        chain.append(objects[0])
    return chain


def entity_of(token: Token) -> Span:
    """The entity `token` is in (it has an entity IOB tag), found from its own
    B/I tags rather than by scanning `doc.ents`; at most `_MAX_NAME_TOKENS` each
    way (no side is named by a longer entity, and a hostile text can make one
    entity of thousands of tokens)."""
    doc, start = token.doc, token.i
    while start > 0 and doc[start].ent_iob_ == "I" and token.i - start < _MAX_NAME_TOKENS:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and end - token.i < _MAX_NAME_TOKENS:
        end += 1
    return doc[start:end]


def agent_of(verb: Token) -> Token | None:
    """Who does what a passive verb says: the object of its "by" ("sent by Moscow")."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None


def reach_start(sent: Span, back: int) -> int:
    """The first token of the sentence `back` sentences before `sent` (or of the first)."""
    doc, start = sent.doc, sent.start
    for _ in range(back):
        start = doc[start - 1].sent.start if start > 0 else start
    return start


def reach_end(sent: Span, ahead: int) -> int:
    """The end of the sentence `ahead` sentences after `sent` (or of the last)."""
    doc, end = sent.doc, sent.end
    for _ in range(ahead):
        end = doc[end].sent.end if end < len(doc) else end
    return end


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, its passive agent, or the subject it borrows from its
    head; None for "it is estimated that ..."."""
    for _ in range(3):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None and not any(c.dep_ == "nsubj" for c in verb.children):
            # a passive's agent; not "said by telephone", which has a subject of its own
            return next((o for o in agent.children if o.dep_ == "pobj"), None)
        # the nearest before the verb, when the parse gives it more than one ("11 soldiers were
        # killed, 20 of them soldiers, ..., the army said": the army)
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        before = [c for c in subjects if c.i < verb.i]
        subject = before[-1] if before else next(iter(subjects), None)
        if subject is not None:
            # "12,000 soldiers are believed to be trapped": what is reported, not who reports it
            return None if subject.dep_ == "nsubjpass" else subject
        if verb.dep_ not in SUBJECTLESS_VERB_DEPS or verb.head == verb:
            return None
        verb = verb.head
    return None


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("Armenia's defence ministry, which said ...",
    "Sudan's army, which numbers 120,000"); any other token as it is."""
    clause = token.head
    if token.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl" and clause.head != clause:
        return clause.head
    return token
