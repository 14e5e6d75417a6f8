"""The reporting verbs around a figure: which verbs report it, their subjects,
"according to X", a source named at the sentence's end ("..., X said."), and the
verb that puts an estimate at the figure ("put the number of troops at 410,000").
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from core.extract.claims.grammar import (
    POSSESSIVE_PRONOUNS,
    PRONOUNS_OTHER,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    antecedent,
    entity_of,
    subject_of,
)
from core.extract.claims.lexicons import Lexicons
from core.extract.claims.memo import per_sentence
from core.extract.claims.units import COUNT_NOUNS, TOLL_NOUNS, governors

_GIVING_VERBS = frozenset({"give", "publish", "release", "issue", "provide", "announce"})  # "... gave a toll of N"
_REVISING_VERBS = frozenset({"correct", "revise", "update", "adjust", "amend", "raise", "lower"})   # "... the figure to N"
CITING_VERBS = frozenset({"cite", "quote"})   # "..., the paper reported, citing U.S. officials": they are a source
_CITED_PEOPLE = frozenset({"official", "source", "diplomat", "officer", "soldier", "commander"})   # "citing U.S. officials"
_ESTIMATE_VERBS = frozenset({"put", "estimate", "place", "peg", "assess"})   # "put the build-up at 130,000 soldiers"
# "..., which brings the total number of US forces to 100,000", "Their deaths bring to 299 the number of
# soldiers killed": what brings a count to a figure causes it; it makes no estimate
RESULTING_VERBS = frozenset({"bring", "push", "take"})
_CONTRAST_MARKS = frozenset({"while", "whereas", "whilst"})   # "X says ..., while Y puts it at ..."


def is_report_noun(token: Token, lex: Lexicons) -> bool:
    """A piece of reporting (`claim_report_nouns.txt`), by its lemma or as written: the tagger
    lemmatises "analysis" as "analysi"."""
    return token.lemma_.lower() in lex.report_nouns or token.lower_ in lex.report_nouns


def participle_speaker(verb: Token, lex: Lexicons) -> Token | None:
    """ "..., Ukraine's armed forces said, adding that ...": a reporting participle with no
    subject of its own goes on from the reporting verb before it in the sentence, whose
    subject it shares (the parse often hangs it on another clause)."""
    if not _is_reporting_participle(verb, lex):
        return None
    for earlier in reversed(verb.doc[verb.sent.start:verb.i]):
        if earlier.pos_ == "VERB" and earlier.lemma_.lower() in lex.reporting:
            return next((c for c in earlier.children if c.dep_ == "nsubj"), None)
    return None


def noun_rooted_speaker(verb: Token) -> Token | None:
    """ "A senior NATO military official estimated on Wednesday that 7,000 troops ...", parsed
    with "official" the sentence's root and "estimated" a participle on it: a reporting verb
    hung on the root noun, with a clause of its own after it, has that noun for its subject."""
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i \
            and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return head
    return None


def cited_as_saying(verb: Token) -> Token | None:
    """ "published a report citing the Defence Ministry as saying that 9,861 servicemen had been
    killed": the one cited "as saying" is the subject of "saying" (the parse hangs "as" on
    "citing", on the verb "citing" goes with, or on the verb whose object "citing" describes);
    None elsewhere."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as":
        return None
    holder = prep.head          # "citing", the verb it goes with, or that verb's object ("ran a story citing")
    near = [holder, *holder.children, *(g for c in holder.children if c.dep_ == "dobj" for g in c.children)]
    citing = next((c for c in near if c.tag_ == "VBG" and c.lemma_.lower() in CITING_VERBS), None)
    return next((c for c in citing.children if c.dep_ == "dobj"), None) if citing is not None else None


def _is_reporting_participle(verb: Token, lex: Lexicons) -> bool:
    return verb.tag_ == "VBG" and verb.lemma_.lower() in lex.reporting \
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def reporting_verbs_for(number: Token, lex: Lexicons) -> Iterator[Token]:
    """Reporting verbs governing the figure, nearest first, then "..., X said" asides and
    relative clauses on its noun ("the 1,000 members that the President has said he would
    mobilize"). A relative clause with no relative word on the figure or its own noun comes
    before all of them: "told reporters there are 2,000 troops, more than double the roughly
    900 the Pentagon had cited" is the Pentagon's 900."""
    ancestors = list(number.ancestors)
    yield from (c for c in _counted_noun(number).children if _bare_relative_report(c, lex))
    for below, token in zip([number] + ancestors, ancestors):
        if below.dep_ in ("nsubj", "nsubjpass") and below.i != number.i and any(
                c.dep_ in ("relcl", "acl") for c in below.children if number in c.subtree):
            continue          # "Russia, which has about 2,000 peacekeepers there, said ...": not what it said
        if token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in lex.reporting or _report_verb(token, number, lex)) \
                and not _takes_lives(token) and not _adds_the_count(token, number):
            yield token
    for token in [number] + ancestors:
        for child in token.children:
            if child.dep_ == "parataxis" and child.lemma_.lower() in lex.reporting:
                yield child
            elif child.dep_ == "relcl" and token.pos_ in ("NOUN", "PROPN") and child.lemma_.lower() in lex.reporting \
                    and any(c.dep_ in ("dobj", "nsubj") and c.lower_ in RELATIVE_PRONOUNS for c in child.subtree):
                yield child


def _takes_lives(verb: Token) -> bool:
    """ "The 1999 conflict claimed the lives of 527 soldiers": "claim" whose object is lives
    reports nothing, it kills."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children)


def _adds_the_count(verb: Token, number: Token) -> bool:
    """ "Moscow intends to add another 150,000 troops this year, he added": "add" whose object
    holds the figure adds forces, it reports nothing (the "added" that reports is another verb)."""
    return verb.lemma_.lower() == "add" and any(c.dep_ == "dobj" and number in c.subtree for c in verb.children)


def _counted_noun(number: Token) -> Token:
    """The noun a figure counts ("troops" of "2,000 troops"), or the figure itself when the
    parse hangs it on no noun ("the roughly 900")."""
    return number.head if number.dep_ == "nummod" else number


def _bare_relative_report(clause: Token, lex: Lexicons) -> bool:
    """ "the roughly 200 the Pentagon acknowledged", "192 servicemen it said were killed": a
    relative clause with no relative word whose reporting (or citing) verb has a subject and
    no object of its own, so that what it reports is the noun it hangs on."""
    if clause.dep_ != "relcl" or clause.lemma_.lower() not in lex.reporting | CITING_VERBS:
        return False
    words = list(clause.children)
    return not any(c.lower_ in RELATIVE_PRONOUNS for c in clause.subtree) \
        and any(c.dep_ == "nsubj" for c in words) and not any(c.dep_ in ("dobj", "attr") for c in words)


def _report_verb(verb: Token, number: Token, lex: Lexicons) -> bool:
    """ "The daily update also listed 3,350 tanks", "the tally counted 23 artillery systems":
    whatever verb a piece of reporting (`claim_report_nouns.txt`) is the subject of reports.
    Not when the reporting is what is reported: the sentence names its source ("Estimates
    range from 20,000 to 30,000, according to Ukrainian officials"), or the noun says what it
    counts and not whose it is ("Estimates of Russian troops range from ..."; but "Reports in
    the Western media of 110,000 troops are ..."); nor when the figure is in a clause beside
    the report ("The report comes as Russia masses 100,000 troops")."""
    beside = any(a.dep_ == "advcl" for a in number.ancestors if verb in a.ancestors)
    return not beside and according_to(verb.sent) is None and any(
        c.dep_ == "nsubj" and is_report_noun(c, lex)
        and (not any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)
             or any(d.dep_ == "poss" or d.dep_ == "prep" and d.lower_ in ("by", "in") for d in c.children))
        for c in verb.children)


def according_to(sent: Span) -> Token | None:
    found = per_sentence(sent, "according_to", _according_to_index)
    return None if found is None else sent.doc[found]


def _according_to_index(sent: Span) -> int | None:
    for token in sent:
        if token.lower_ == "according":
            for prep in token.children:
                if prep.lower_ == "to":
                    return next((o.i for o in prep.children if o.dep_ == "pobj"), None)
    return None


def by_estimate(sent: Span, lex: Lexicons) -> Token | None:
    """ "The Taliban, by a UN estimate, had 58,000 fighters", "JNIM, by Crisis Group's estimate,
    fields 6,000": the author (`report_author`) of a piece of reporting (`claim_report_nouns.txt`)
    set in a "by" phrase that is no passive's agent, as "according to" sets a source; None, and
    none for "by our count" (the one who speaks)."""
    found = per_sentence(sent, "by_estimate", lambda s: _by_estimate_index(s, lex))
    return None if found is None else sent.doc[found]


def _by_estimate_index(sent: Span, lex: Lexicons) -> int | None:
    for token in sent:
        if token.lower_ == "by" and token.dep_ == "prep":
            for report in (o for o in token.children if o.dep_ == "pobj" and is_report_noun(o, lex)):
                author = report_author(report, lex)
                if author is not None:
                    return author.i
    return None


def noun_parsed_reporting(sent: Span, lex: Lexicons) -> Span | None:
    """ "..., US intelligence estimates.": the tagger read the verb as a plural
    noun; the compounds before it are the source."""
    found = per_sentence(sent, "noun_parsed_reporting", lambda s: _noun_parsed_reporting_bounds(s, lex))
    return None if found is None else sent.doc[found[0]:found[1]]


def _noun_parsed_reporting_bounds(sent: Span, lex: Lexicons) -> tuple[int, int] | None:
    root = sent.root
    if root.pos_ != "NOUN" or root.lemma_.lower() not in lex.reporting:
        return None
    compounds = [c for c in root.lefts if c.dep_ == "compound"]
    if not compounds or root.nbor(-len(compounds) - 1).text != ",":
        return None
    return compounds[0].i, root.i


def verb_reports(verb: Token, clause: Token) -> bool:
    """Whether `clause` is what the reporting `verb` reports: below it, and not through a
    clause of contrast ("officials say, while Kyiv puts the figure at ...": Kyiv's estimate)."""
    token = clause
    while token.i != verb.i:
        if token.head == token or token.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in token.children):
            return False
        token = token.head
    return True


_REPORTED_DEPS = frozenset({"ccomp", "xcomp", "dobj", "conj"})   # what a reporting verb reports


def trailing_source(number: Token, sent: Span, lex: Lexicons) -> Token | None:
    """ "..., military intelligence chief Kyrylo Budanov told the Military Times.", "...,
    Oleksandr Syrskyi, the commander-in-chief, said on Monday.": the sentence's last verb,
    after the figure, reports, and the parse does not put the figure under it (it often
    makes it a conjunct of the main verb). Its source is its subject or, when the parse
    gives it none, the last named person or organisation before it with no verb between
    them; None if there is none. What goes on after the report ("..., X said, adding that
    ...", "..., X said, citing ...") is not read."""
    doc = sent.doc
    going_on = [v for v in doc[number.i + 1:sent.end] if _is_reporting_participle(v, lex)
                or v.tag_ == "VBG" and v.dep_ == "advcl" and v.head.lemma_.lower() in lex.reporting]   # ", citing ..."
    # ", X said, while the number of civilians killed rose ...": a clause of contrast after a comma goes on
    going_on += [m for m in doc[number.i + 1:sent.end] if m.dep_ == "mark" and m.lower_ in _CONTRAST_MARKS
                 and doc[m.i - 1].text == ","]
    said_after = min(v.i for v in going_on) if going_on else sent.end   # ", X said, adding that ...": up to "adding"
    for verb in reversed(doc[number.i + 1:said_after]):
        if verb.pos_ not in ("VERB", "AUX") or _after_a_report(verb, number, lex):
            continue
        if verb.lemma_.lower() not in lex.reporting:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject_across_comma(verb, subject, lex) or subject
        if verb.dep_ == "acl" and verb.head.i == verb.i - 1 and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head              # ", a senior US defense official estimated": parsed as "an official estimated"
        phrase = _named_phrase_before(verb, number, lex)
        if phrase is not None:
            return phrase
        for token in reversed(doc[number.i + 1:verb.i]):
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":    # "the self-proclaimed republic": no verb
                return None
            if token.ent_type_ in ("PERSON", "ORG") and token.ent_iob_ != "O":
                found = entity_of(token).root
                while found.dep_ in ("compound", "amod", "poss", "pobj") and found.head.i > number.i and (
                        found.dep_ != "pobj" or found.head.head.pos_ in ("NOUN", "PROPN")):
                    found = found.head if found.dep_ != "pobj" else found.head.head
                if found.dep_ == "appos" and found.pos_ == "NOUN" and found.head.ent_type_ == "PERSON" \
                        and found.head.i > number.i:
                    found = found.head    # "X, leader of the self-proclaimed republic, said": X
                return found              # "a source in Ukraine's SBU security service": the source
        return None
    return None


def subject_across_comma(verb: Token, subject: Token, lex: Lexicons) -> Token | None:
    """ "... as separatists shelled government positions near Pavlopil, the command of Ukraine's
    Joint Forces Operation said": when the parse gives a reporting verb a subject before the last
    comma ahead of it, and what stands between that comma and the verb is one noun phrase naming a
    body, a role or a named source, that phrase is the subject; None otherwise."""
    comma = _last_comma(verb)
    if comma is None or subject.i > comma.i:
        return None
    root = _phrase_after_comma(verb, comma)
    if root is None:
        return None
    named = root.ent_type_ in ("PERSON", "ORG") or root.lemma_.lower() in lex.org_nouns | lex.titles
    return root if named else None


def _last_comma(verb: Token) -> Token | None:
    return next((t for t in reversed(verb.doc[verb.sent.start:verb.i]) if t.text == ","), None)


def _phrase_after_comma(verb: Token, comma: Token) -> Token | None:
    """The root of what stands between `comma` and the reporting `verb` when that is one noun
    phrase, with no verb or punctuation in it; None otherwise."""
    phrase = verb.doc[comma.i + 1:verb.i]
    roots = [t for t in phrase if not phrase.start <= t.head.i < phrase.end]
    if len(roots) != 1 or any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" or t.is_punct for t in phrase):
        return None
    return roots[0] if roots[0].pos_ in ("NOUN", "PROPN") else None


def _named_phrase_before(verb: Token, number: Token, lex: Lexicons) -> Token | None:
    """ "..., the Syrian Observatory for Human Rights said": for a reporting verb the parse
    gives no subject, the one noun phrase between the last comma after the figure and the
    verb, when it is a name (a capitalised proper noun, a person, body or place) or a body or
    role word (`claim_org_nouns.txt`, `claim_titles.txt`), whatever the parse hung it on; a
    phrase set off by commas of its own too ("..., Ilya Marchuk, commander of the 59th brigade,
    said": the role, whose name `people.name_before_role` reads)."""
    comma = _last_comma(verb)
    end = verb
    if comma is not None and comma.i == verb.i - 1:
        end, comma = comma, _last_comma(comma)
    if comma is None or comma.i < number.i:
        return None
    root = _phrase_after_comma(end, comma)
    if root is None:
        return None
    named = root.ent_type_ in ("PERSON", "ORG", "GPE") or root.pos_ == "PROPN" and root.text[:1].isupper() \
        or root.lemma_.lower() in lex.org_nouns | lex.titles
    return root if named else None


def _after_a_report(verb: Token, number: Token, lex: Lexicons) -> bool:
    """ "..., Florence Parly said on Sunday, with Belgium contributing some 300 more", "...,
    the head of the agency said in an interview published on Sunday": a verb that hangs on a
    reporting verb after the figure, by a phrase that is not what it reports, goes on after the
    report and is not read for its source ("..., and the FSB said three crew members had been
    wounded" is what the FSB reports)."""
    below = verb
    for above in verb.ancestors:
        if above.lemma_.lower() in lex.reporting and number.i < above.i < verb.i:
            return below.dep_ not in _REPORTED_DEPS
        below = above
    return False


def cited_source(source: Token, lex: Lexicons) -> Token | None:
    """ "..., the RIA news agency reported on Saturday, citing the Southern Military District",
    "..., the paper reported, citing U.S. officials", "The ISW, citing Oleksandr Syrskyi, said
    ...": whom the reporter cites, when that is a
    body or people the text names (an entity, or officials and sources), is the source; not a
    piece of reporting ("the ISW said, citing Ukrainian military reporting"), but its author
    ("citing a briefing by the NIS"). None otherwise."""
    # the verb it is the subject of, or "the RIA news agency reported", parsed as a noun and its clause
    verb = next((c for c in source.children if c.dep_ == "acl" and c.lemma_.lower() in lex.reporting), source.head)
    # on the verb, or on the source itself ("The ISW, citing Oleksandr Syrskyi, said ...")
    citing = next((c for c in (*verb.children, *source.children)
                   if c.tag_ == "VBG" and c.lemma_.lower() in CITING_VERBS), None)
    cited = next((c for c in citing.children if c.dep_ == "dobj"), None) if citing is not None else None
    if cited is None:
        return None
    if is_report_noun(cited, lex):
        return report_author(cited, lex)     # "citing a briefing by the National Intelligence Service"
    named = cited.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or cited.pos_ == "PROPN" \
        or cited.lemma_.lower() in _CITED_PEOPLE
    if not named:        # "citing Ukraine's army chief Oleksandr Syrskyi": the person the role names
        return next((c for c in cited.children if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG")), None)
    return cited


def report_author(subject: Token, lex: Lexicons) -> Token | None:
    """Who wrote a piece of reporting (`claim_report_nouns.txt`): its owner ("the Ministry
    of Defence's latest assessment"), an organisation named before it ("an AFP tally") or its
    "by" phrase ("analysis by BBC Russian"), or that of a verb putting it out
    (`claim_publishing_verbs.txt`: "a decree signed by President Putin"), or the named
    subject of the reporting verb it is told "in" ("a UN panel estimated in a confidential
    report that ...", which the parse may make a reduced relative on "panel"); None
    for another noun or a report with neither."""
    if not is_report_noun(subject, lex):
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS_OTHER
                  and c.lower_ not in POSSESSIVE_PRONOUNS), None)
    if owner is not None:
        return owner
    maker = next((c for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                  and c.ent_type_ == "ORG"), None)
    if maker is not None:
        return maker                      # "an AFP tally", "a Reuters count"
    by = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    if by is None:                        # "a decree signed by President Putin", not "an assessment
        return publisher_of(subject, lex) or _teller_in(subject, lex)  # described by an official"
    return next((o for o in by.children if o.dep_ == "pobj"), None)


def _teller_in(report: Token, lex: Lexicons) -> Token | None:
    """The subject of the reporting verb a piece of reporting is the "in" phrase of, when a noun
    and no pronoun ("it said in a statement" is left to whom "it" stands for)."""
    prep = report.head
    if report.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() not in lex.reporting:
        return None
    verb = prep.head
    teller = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if teller is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        teller = verb.head
    return teller if teller is not None and teller.pos_ in ("NOUN", "PROPN") else None


def publisher_of(noun: Token, lex: Lexicons) -> Token | None:
    """Whom the "by" phrase of a verb of putting out (`claim_publishing_verbs.txt`) on `noun`
    names: "figures released by the military", "a decree signed by President Putin"; None."""
    agent = next((a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  and c.lemma_.lower() in lex.publishing_verbs for a in c.children if a.dep_ == "agent"), None)
    return next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None


def estimating_verb(number: Token) -> Token | None:
    """ "The ministry put the number of troops at 410,000", "raised the death
    toll to 135", "corrected the figure to 100,000 troops": the verb whose object is the
    count the figure gives; its
    subject made the estimate. Or the verb that puts a thing at the figure's count ("the
    build-up, which Western officials put at 130,000 soldiers", `estimate_at`)."""
    for nominal, _ in governors(number):
        if nominal.dep_ == "dobj" and nominal.lemma_.lower() in COUNT_NOUNS | TOLL_NOUNS:
            return nominal.head
        count = nominal.head.head if nominal.dep_ == "pobj" and nominal.head.lower_ == "of" else None
        if count is not None and count.dep_ == "dobj" and count.lemma_.lower() in COUNT_NOUNS | TOLL_NOUNS:
            return count.head       # "put the number of Turkish soldiers killed at 34": "at" on "killed"
    noun = _counted_noun(number)
    revising = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else None
    if revising is not None and revising.lemma_.lower() in _REVISING_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in COUNT_NOUNS | TOLL_NOUNS for c in revising.children):
        return revising                 # "corrected the figure to 100,000 troops"
    found = estimate_at(noun)
    return found[0] if found is not None else None


def of_phrase_head(number: Token) -> Token | None:
    """The word whose "of" phrase the figure (or the noun it counts) fills: "figure" in "a figure
    of 15,000 soldiers", "reports" in "reports of 100,000 soldiers"; None outside such a phrase."""
    noun = _counted_noun(number)
    return noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None


def count_owner(number: Token) -> Token | None:
    """Who a count the figure fills belongs to: "the Belarusian defence ministry's own figure of
    about 15,000 soldiers" (the ministry), "Russia's Defence Ministry last gave an official
    toll, of 5,937 servicemen killed" (who gave it, `_GIVING_VERBS`). None when the figure
    fills no count noun (`COUNT_NOUNS`, `TOLL_NOUNS`), or its count has no owner named."""
    count = of_phrase_head(number)
    if count is None or count.lemma_.lower() not in COUNT_NOUNS | TOLL_NOUNS:
        return None
    owner = next((c for c in count.children if c.dep_ == "poss"
                  and c.lower_ not in POSSESSIVE_PRONOUNS | PRONOUNS_OTHER), None)
    if owner is None and count.dep_ == "dobj" and count.head.lemma_.lower() in _GIVING_VERBS:
        owner = subject_of(count.head)
    return owner


def estimate_at(noun: Token) -> tuple[Token, Token] | None:
    """(verb, what is estimated) when the counted noun is what an estimating verb puts a thing
    at: "the build-up, which officials put at 130,000 soldiers" (the build-up), "the Russian
    contingent is estimated at about 1,500 soldiers" (the contingent)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "at" or prep.head.lemma_.lower() not in _ESTIMATE_VERBS:
        return None
    verb = prep.head
    thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return (verb, antecedent(thing)) if thing is not None else None
