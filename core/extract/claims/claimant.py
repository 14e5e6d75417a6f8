"""Who claims a figure: the source its reporting verb, "according to" or closing
attribution names, spelt as a name: "he" as the person last named, "the ministry"
as the fuller body named before, "the think tank" as the one named next.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from core.extract.claims.grammar import (
    AFFILIATION_PREPS,
    PRONOUNS_OTHER,
    PRONOUNS_PERSON,
    antecedent,
    entity_of,
    of_objects,
    reach_start,
    subject_of,
    with_the,
)
from core.extract.claims.lexicons import Lexicons
from core.extract.claims.memo import per_doc, text_of
from core.extract.claims.people import (
    Speaker,
    full_name,
    name_after_office,
    name_before_role,
    named_people,
    person_in,
    person_names_before,
    role_apposition,
    role_only,
    strip_titles,
    titled_name,
)
from core.extract.claims.reporting import (
    CITING_VERBS,
    RESULTING_VERBS,
    according_to,
    by_estimate,
    cited_as_saying,
    cited_source,
    count_owner,
    estimating_verb,
    is_report_noun,
    noun_parsed_reporting,
    noun_rooted_speaker,
    of_phrase_head,
    participle_speaker,
    publisher_of,
    report_author,
    reporting_verbs_for,
    subject_across_comma,
    trailing_source,
    verb_reports,
)
from core.extract.claims.side_names import (
    ALLIANCE_NOUNS,
    NAME_REACH,
    REFERRING_NOUNS,
    SOURCE_REACH,
    body_state,
    irregular_noun,
    name_key,
    phrase_side,
    referent_of,
    side_of_term,
    token_side,
)
from core.extract.speakers import role_of
from core.read.ingest import ENTRY_STAMP

_STAMP_CHARS = 20            # how far into a line a live blog's time stamp may reach ("14:05 GMT - ")
_SOURCE_PREPS = AFFILIATION_PREPS | {"in", "on", "with", "close"}   # "a source in the SBU", "officials on both sides"
_SHORT_SENTENCE = 4          # tokens: a "sentence" this short is a split abbreviation ("Brig.")
_ROLE_REACH = 12              # words before a name that may introduce its role ("Adviser to the Head of ...")
# small words inside a name an acronym leaves out: "Institute for the Study of War" is the ISW
_NAME_CONNECTORS = frozenset({"of", "for", "the", "and", "on", "in"})
_ARMY_NOUNS = frozenset({"army", "military"})    # "the army said" after "the IDF said": the IDF
_MINISTERS = frozenset({"minister", "secretary"})    # one office: "Defence Secretary X ... . The minister said"


def _common_phrase(subject: Token) -> str:
    """ "Intelligence" -> "intelligence", "US intelligence", "Ukraine's defence ministry"."""
    doc = subject.doc
    keep = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "det" and t.dep_ != "punct"]
    if not keep:
        return ""
    start = min(t.i for t in keep)
    line = doc.text.rfind("\n", 0, doc[start].idx) + 1
    stamp = ENTRY_STAMP.match(doc.text, line, line + _STAMP_CHARS)
    if stamp is not None and doc[start].idx < stamp.end() <= subject.idx:
        start = next(t.i for t in doc[start:subject.i + 1] if t.idx >= stamp.end())   # "10:15 - Pakistan says": Pakistan
    if subject.pos_ == "PROPN" and subject.text[:1].isupper():    # not "its defence ministry" tagged PROPN
        name_start = subject.i
        while name_start > start and doc[name_start - 1].pos_ == "PROPN":
            name_start -= 1
        if name_start > start and all(t.is_lower or t.is_punct or t.dep_ == "det" or any(
                a.dep_ == "amod" and a.is_lower and start <= a.i < name_start for a in t.ancestors)
                for t in doc[start:name_start]):
            start = name_start                # "the open-source intelligence project Oryx": Oryx; "the
            #                                   al-Qaeda-linked group JNIM": JNIM
    end = subject.i + 1
    for right in subject.rights:
        if right.i != end:
            break
        if right.tag_ == "HYPH" and not doc[right.i - 1].whitespace_:
            end = right.right_edge.i + 1      # "commander-in-chief": one word
            continue
        cut = max((t for t in right.subtree if t.dep_ == "prep" and any(c.tag_ == "CD" for c in t.subtree)),
                  key=lambda t: t.i, default=None) if right.dep_ == "prep" else None   # not a clause on the noun
        if cut is not None:                   # "reports in the Western media of 110,000 troops": not the figure
            end = cut.i if cut != right else end
            break
        if right.dep_ == "prep" and right.lower_ in _SOURCE_PREPS or right.dep_ == "amod" \
                or right.dep_ == "acl" and right.tag_ == "VBN" and any(c.dep_ == "agent" for c in right.children):
            end = right.right_edge.i + 1      # "sources familiar with the matter", "rebels led by HTS"
        else:
            break
    conjuncts = [c for c in subject.rights if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
    if conjuncts:
        end = max(end, conjuncts[-1].right_edge.i + 1)     # "Russia and Belarus say ..."
    end = next((t.i for t in doc[subject.i:end] if t.text == "("), end)   # "... in Somalia (ATMIS)": the name
    words = [t for t in doc[start:end] if t.dep_ != "det" or t.i > subject.i]
    text = "".join(_named_owner(t) or t.text_with_ws for t in words).strip()
    first = words[0]
    opening = next((t for t in first.sent if not t.is_space and not t.is_punct), first)
    # Sentence-initial capitals are not names: "Intelligence suggests" (the
    # tagger often calls it PROPN there); a word NER leaves unnamed is lowered.
    elsewhere = per_doc(doc, "non_initial_texts", _non_initial_texts)[first.text]
    if opening.text == first.text and not opening.is_sent_start:
        elsewhere -= 1                  # the opening word itself does not count
    capitalised_elsewhere = elsewhere > 0
    described = any(c.dep_ == "appos" for c in first.children)    # "Oryx, an open-source group, ...": a name
    name = len(words) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words)   # "Kyrylo Budanov"
    if first == opening and first.pos_ in ("NOUN", "PROPN") and not first.ent_type_ \
            and not capitalised_elsewhere and not side_of_term(first.text) and not described and not name:
        text = text[:1].lower() + text[1:]
    return text


def _named_owner(word: Token) -> str:
    """ "its" in "its defence ministry", "their" in "their general staff", as the country or
    body it goes back to, with its possessive: "Azerbaijan's " after "Azerbaijan launched
    ...", and "his" or "her" as the person named last ("Josep Borrell's " in "His office said"). ""
    for another word, or when the pronoun goes back to no name."""
    if word.dep_ == "poss" and word.lower_ in ("his", "her"):
        people = [n for n in person_names_before(word.doc, word.idx) if len(n.split()) >= 2]
        return people[-1] + "'s" + word.whitespace_ if people else ""
    if word.dep_ != "poss" or word.lower_ not in ("its", "their"):
        return ""
    named = referent_of(word)
    if named is None or named.ent_type_ not in ("GPE", "ORG"):
        return ""
    return entity_of(named).text + "'s" + word.whitespace_


def _named_group_of(subject: Token, lex: Lexicons) -> Token | None:
    """ "Tuareg-led rebels of the CSP said", "fighters of the Wagner group said": irregular fighters
    (`claim_irregular_forces.txt`) "of" a named group speak for the group; None otherwise."""
    if not irregular_noun(subject.lower_, lex):
        return None
    return next((obj for obj in of_objects(subject) if obj.text[:1].isupper() and _organisation(obj, lex)), None)


def claimant_from_subject(subject: Token, speakers: list[Speaker], lex: Lexicons) -> tuple[str, bool]:
    """(claimant, is_person) for the subject of a reporting verb."""
    doc = subject.doc
    if antecedent(subject) is not subject:
        return claimant_from_subject(antecedent(subject), speakers, lex)   # "the ministry, which said ..."
    if subject.lower_ in PRONOUNS_PERSON:
        earlier = [s for s in speakers if s.char < subject.idx]
        if earlier:
            return earlier[-1].name, True
        # "The Head of State informed the Prime Minister ... He noted that ...": the role, which
        # the publisher's office holder stands for (`Voices.holder_of`), not the person named last
        role = referent_of(subject)
        if role is not None and role.ent_type_ != "PERSON" and role_of(_common_phrase(role)):
            return _common_phrase(role), True
        named = person_names_before(doc, subject.idx)
        named = [n for n in named if len(n.split()) >= 2] or named   # a lone word is often a place NER misread
        if named:
            return full_name(named[-1], doc, subject.idx, lex), True
        reporter = _unnamed_person_before(subject, lex)
        return claimant_from_subject(reporter, speakers, lex) if reporter is not None else ("", False)
    outlet = _compound_name(subject, lex)
    if outlet is not None:
        return claimant_from_subject(outlet, speakers, lex)    # "Russia's TASS news agency"
    source = _earlier_source(subject, lex) or _group_before(subject)
    if source is not None:
        return claimant_from_subject(source, speakers, lex)
    apposed = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    one_of = subject.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)
    if apposed is not None and (subject.lemma_.lower() in lex.org_descriptions or one_of and _organisation(apposed, lex)
                                or subject.pos_ == "NOUN" and with_the(subject) and _organisation(apposed, lex)):
        return claimant_from_subject(apposed, speakers, lex)   # "the think tank Caspian Watch", "the rebel
        #                                 alliance, the CSP-DPA,", "one of its members, the Arakan Army,"
    group = _named_group_of(subject, lex)
    if group is not None:
        return claimant_from_subject(group, speakers, lex)      # "Tuareg-led rebels of the CSP said"
    if subject.lower_ == "it":
        referent = _body_before(subject, lex)
        if referent is not None:
            return claimant_from_subject(referent, speakers, lex)   # "NATO released images that it said showed"
    if subject.lower_ in PRONOUNS_OTHER:
        return "", False
    author = report_author(subject, lex) or _published_by(subject, lex) or _data_author(subject, lex)
    if author is not None:
        return claimant_from_subject(author, speakers, lex)
    person = person_in(subject, lex)
    if person is not None and side_of_term(person.text, lex) == "" and not role_only(person.text):
        return full_name(person.text, doc, subject.idx + len(subject), lex), True
    titled = titled_name(subject, lex) or role_apposition(subject, lex) or name_after_office(subject, lex) \
        or name_before_role(subject, lex)
    if titled:
        return full_name(titled, doc, subject.idx + len(subject), lex), True
    holder = _role_holder(subject, lex)
    if holder:
        return holder, True
    named_next, is_person = _named_next(subject, lex)
    if named_next:
        return named_next, is_person
    body = _state_body(subject, lex)
    if body:
        return body, False
    phrase = _spelt_out(subject) or _common_phrase(subject)
    name = strip_titles(phrase, lex)
    if name != phrase and len(name.split()) >= 2 and all(w[:1].isupper() for w in name.split()):
        return name, True               # "Lieutenant General Igor Zhuravlyov", tagged as an organisation
    return phrase, False


def _reporting_of(number: Token, lex: Lexicons) -> Token | None:
    """ "Peskov dismissed Western media reports of 100,000 Russian soldiers", "asked about
    Western estimates of 130,000 troops": a figure a piece of reporting (`claim_report_nouns.txt`)
    gives, in its "of" phrase, is that reporting's, whoever mentions it, when the text says
    whose or what kind it is ("up from an estimate of 100,000" is whoever speaks); None otherwise."""
    reporting = of_phrase_head(number)
    if reporting is None or reporting.pos_ != "NOUN" or not is_report_noun(reporting, lex):
        return None
    described = any(c.dep_ in ("amod", "compound", "poss") for c in reporting.children)   # not "an estimate of"
    return reporting if described else None


def _claim_author(number: Token, lex: Lexicons) -> Token | None:
    """ "The claim by the Armenian side that our army has lost 2,000 soldiers is false", "Kyiv's
    claim that it killed 300 soldiers": the author of the piece of reporting
    (`claim_report_nouns.txt`) whose "that" clause the figure's clause is; also where the parse
    makes the verb putting it out the sentence's ("The information spread by the rebels that 50
    soldiers had surrendered is false"). None otherwise."""
    verb = next((a for a in number.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.dep_ not in ("acl", "ccomp") \
            or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return None
    holder = verb.head
    if holder.pos_ == "NOUN":
        return report_author(holder, lex) if is_report_noun(holder, lex) else None
    agent = next((c for c in holder.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"), None)
    if holder.lemma_.lower() in lex.publishing_verbs and agent is not None \
            and any(c.dep_ == "nsubj" and is_report_noun(c, lex) for c in holder.children):
        return next((o for o in agent.children if o.dep_ == "pobj"), None)
    return None


def _unnamed_person_before(pronoun: Token, lex: Lexicons) -> Token | None:
    """ "Kyrylo Budanov ... told the Military Times that ... . He said ...": the subject of a
    reporting verb in the `SOURCE_REACH` sentences before "he"/"she" that is a name of two or
    more capitalised words NER did not tag (no place, body or side), or None."""
    doc = pronoun.doc
    for token in reversed(doc[reach_start(pronoun.sent, SOURCE_REACH):pronoun.sent.start]):
        if token.dep_ != "nsubj" or token.head.lemma_.lower() not in lex.reporting or token.pos_ != "PROPN":
            continue
        words = [t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "flat") or t == token]
        if len(words) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ not in ("GPE", "ORG", "NORP")
                                   for t in words) and not token_side(token, lex):
            return token
    return None


def _body_before(pronoun: Token, lex: Lexicons) -> Token | None:
    """The nearest subject before "it" in its own sentence, when that is a body or state (a
    GPE or ORG entity, or a noun of `claim_org_nouns.txt`) and no person: what "it" stands for."""
    token = referent_of(pronoun)
    if token is None or token.sent != pronoun.sent:
        return None
    body = token.ent_type_ in ("GPE", "ORG") or token.lemma_.lower() in lex.org_nouns
    return token if body and person_in(token, lex) is None else None


def _group_before(subject: Token) -> Token | None:
    """ "the armed group said", "the mission said" (`REFERRING_NOUNS`, with "the" and no name
    or owner of their own): the last organisation named before them, in their sentence or the
    one before, whose name holds their noun ("the African Union Transition Mission in Somalia
    ... , the mission said"), else the last named; as the entity's head; None when none is."""
    if subject.lemma_.lower() not in REFERRING_NOUNS or not with_the(subject) \
            or any(c.dep_ in ("poss", "prep", "compound", "appos") for c in subject.children):
        return None
    own = {t.i for t in subject.subtree}
    start = reach_start(subject.sent, 1)
    named = [ent for ent in reversed(subject.doc.ents) if ent.label_ == "ORG" and start <= ent.start
             and ent.end <= subject.i and not own & set(range(ent.start, ent.end))]
    same = [ent for ent in named if subject.lemma_.lower() in {t.lemma_.lower() for t in ent}]
    return (same or named)[0].root if named else None


def _state_body(subject: Token, lex: Lexicons) -> str:
    """A body named by its kind alone, as the state's or alliance's it belongs to
    (`body_state`): "the alliance said" after "NATO ..." is NATO; "the army said" in "Two
    more Israeli soldiers were killed ..., the army said" is the "Israeli army". Spelt with
    the demonym the text uses for that state, else the state's name with "'s"; "" when no
    state is named."""
    if subject.lower_ in ALLIANCE_NOUNS:
        return token_side(subject, lex) if with_the(subject) else ""
    force = _named_state_force(subject, lex)
    if force:
        return force
    state = body_state(subject, lex)
    if not state:
        return ""
    owners = [c for c in subject.children if c.dep_ == "poss"]
    words = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "det"
             and not any(o.i <= t.i <= o.right_edge.i for o in owners)]
    kind = " ".join(t.lower_ for t in words)
    demonym = next((t.text for t in subject.doc if t.tag_ == "JJ" and t.text[:1].isupper()
                    and side_of_term(t.text, lex) == state), "")
    return f"{demonym} {kind}" if demonym else f"{state}'s {kind}"


def _named_state_force(subject: Token, lex: Lexicons) -> str:
    """ "the IDF said ... . Some 2,450 troops have been wounded, the army said": "the army" or
    "the military", with nothing of its own but "the" (or alone before "figures"), is the named force of a state
    (`claim_side_groups.csv`: IDF, PLA) named last within `NAME_REACH` tokens before it, as
    named, when no other state's name comes between; ""."""
    bare_compound = subject.dep_ == "compound" and not list(subject.children)     # "army figures"
    if subject.lemma_.lower() not in _ARMY_NOUNS or not (
            bare_compound or [c.dep_ for c in subject.children] == ["det"] and with_the(subject)):
        return ""
    doc = subject.doc
    for token in reversed(doc[max(0, subject.i - NAME_REACH):subject.i]):
        if token.ent_iob_ == "O" or not token.text[:1].isupper():
            continue
        name = name_key(entity_of(token).text)
        if name.lower() in lex.state_forces:
            return name
        if side_of_term(name, lex):
            return ""                 # "the IDF said ... . Egypt's ... the army said": not the IDF's
    return ""


def _spelt_out(subject: Token) -> str:
    """ "The SDF said" after "the US-backed Syrian Democratic Forces said", "The IISS
    estimates" after "the International Institute for Strategic Studies": an acronym
    source is the name spelt out before it whose capitalised words' initials it is, small
    words between them aside (`_NAME_CONNECTORS`); ""."""
    acronym = subject.text
    if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 6) \
            or any(c.dep_ in ("compound", "poss", "amod") for c in subject.children):
        return ""
    doc = subject.doc
    words = list(doc[max(0, subject.i - NAME_REACH):subject.i])

    def capital(token: Token) -> bool:
        return token.text[:1].isupper() and token.is_alpha

    for end in range(len(words), 0, -1):
        if not capital(words[end - 1]):
            continue
        initials, start = "", end
        while start > 0 and len(initials) < len(acronym):
            word = words[start - 1]
            if capital(word):
                initials = word.text[0] + initials
            elif word.lower_ not in _NAME_CONNECTORS:
                break
            start -= 1
        if initials == acronym and capital(words[start]):
            return " ".join(t.text for t in words[start:end])
    return ""


def _earlier_source(subject: Token, lex: Lexicons) -> Token | None:
    """The fuller source named before that a short one goes back to, in the
    `SOURCE_REACH` sentences before it: "the General Staff of Ukraine's Armed Forces
    reported ... . The General Staff also said", "a senior NATO military official said ...
    . The official said", "it said" after an organisation's statement (not after a
    person's, whom "it" cannot be), "according to the report" after whoever reported, and
    "the minister said" after a titled person ("Defence Secretary Ben Wallace"), and "the
    ministry said" after the nearest fuller mention of the same body, a source or not. None when
    there is none, or the subject is a name."""
    doc, sent = subject.doc, subject.sent
    pronoun = subject.lower_ in ("it", "they")
    short = (subject.pos_ in ("NOUN", "PROPN") and subject.ent_type_ not in ("PERSON", "GPE")
             and with_the(subject)
             and not any(c.dep_ in ("poss", "prep") or c.dep_ == "appos" and _names(c) for c in subject.children))
    role = (short or _office_of(subject)) and (subject.lower_ in lex.titles or subject.lower_ in lex.roles_named_later)
    if not (pronoun or short or role):
        return None
    report = short and is_report_noun(subject, lex)      # "according to the report"
    described = short and subject.lemma_.lower() in lex.org_descriptions   # "the think tank added"
    start = reach_start(sent, SOURCE_REACH)
    size = _phrase_size(subject)
    if report:     # "according to a declassified U.S. intelligence assessment ... . ..., the assessment found":
        same = next((t for t in reversed(doc[start:sent.start])    # that report, or its author
                     if t.lemma_.lower() == subject.lemma_.lower() and _phrase_size(t) > size), None)
        if same is not None:     # its author: "the ministry said in a statement ... . ..., according to the statement"
            author = report_author(same, lex)
            if author is None and same.dep_ == "pobj" and same.head.head.lemma_.lower() in lex.reporting:
                author = subject_of(same.head.head)
            return author or same
    for token in reversed(doc[start:sent.start]):
        according = token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"
        reports = token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX") \
            and token.head.lemma_.lower() in lex.reporting
        cited = token.dep_ == "dobj" and token.head.lemma_.lower() in CITING_VERBS    # "citing U.S. officials"
        issued = report and token.dep_ == "nsubj" and any(      # "the ministry issued a statement"
            c.dep_ == "dobj" and c.lemma_.lower() == subject.lemma_.lower() for c in token.head.children)
        # "The tally kept by the Oryx blog lists ... . ..., according to the same count": a report that is a
        # subject reports, whatever its verb
        counted = report and token.dep_ == "nsubj" and is_report_noun(token, lex)
        if not (according or reports or cited or issued or counted):
            continue              # a source is who reports: the subject of "said", "according to X", "citing X"
        if pronoun:
            if token.lower_ not in PRONOUNS_OTHER | PRONOUNS_PERSON and token.ent_type_ != "PERSON" \
                    and person_in(token, lex) is None:
                return token
        elif report:
            if token.lower_ not in PRONOUNS_OTHER | PRONOUNS_PERSON and not is_report_noun(token, lex):
                return token
            author = report_author(token, lex)
            if author is not None:
                return author             # "according to a 2023 study by WatchDog.md ... . The study found"
        elif role and (token.ent_type_ == "PERSON" or person_in(token, lex) is not None) \
                and _same_office(subject.lower_, {t.lower_ for t in token.subtree if t.lower_ in lex.titles}):
            return token                  # "Defence Secretary Ben Wallace said ... . The minister said"
        elif described and _organisation(token, lex):
            return token                  # "the Institute for the Study of War said ... . The think tank added"
        elif _fuller_name_of(token, subject) and _phrase_size(token) > size:
            return token                  # "according to the Operational Command East ... . ..., the command said"
    # "a Biden administration official ... the official said", "the official representative of the Russian
    # Defence Ministry ... . Russian aviation shot down two aircraft, the ministry said", "a report by United
    # Nations experts ... . The experts estimated"; a body's name may be a modifier ("Indian Army personnel
    # ... , the Army said"), no one else's ("Minister" of "Minister Pal Jonson")
    body = subject.lemma_.lower() in lex.org_nouns
    titled = subject.lower_ in lex.titles
    bare = all(c.dep_ == "det" for c in subject.children)    # "the experts", not "the UN mission"
    if short and (body or titled or bare):
        for token in reversed(doc[start:subject.i]):
            if token.lemma_.lower() == subject.lemma_.lower() and _phrase_size(token) > size \
                    and (body or token.dep_ != "compound") and _fuller_name_of(token, subject):
                return token
    if pronoun or report or described:   # "..., Ukraine's General Staff said." that the parse left off its verb
        earlier = doc[sent.start - 1].sent if sent.start > 0 else None
        while earlier is not None and earlier.start >= start:
            trailing = trailing_source(earlier[0], earlier, lex)
            if trailing is not None and trailing.lower_ not in PRONOUNS_OTHER | PRONOUNS_PERSON \
                    and (report or trailing.ent_type_ != "PERSON" and person_in(trailing, lex) is None) \
                    and (not described or _organisation(trailing, lex)):
                return trailing
            earlier = doc[earlier.start - 1].sent if earlier.start > 0 else None
    if role:
        # "Putin held a meeting with Defence Minister Sergei Shoigu. The Minister reported": the person
        # named with that office (not "the President" after "... met President Biden", in a text where
        # the President is the publisher's own: `Voices.holder_of`)
        for token in reversed(doc[start:sent.start]) if subject.lower_ != "president" else ():
            if token.ent_type_ == "PERSON" and token.dep_ != "compound" and token.pos_ == "PROPN" \
                    and subject.lower_ in {t.lower_ for t in token.subtree if t.i < token.i}:
                return token
        # "Sergei Shoigu spoke at the board. The minister said": whoever was last
        for token in reversed(doc[start:sent.start]):                # named doing something, unless
            if token.dep_ == "nsubj" and token.ent_type_ == "PERSON":  # named by another office
                offices = {t.lower_ for t in token.subtree if t.lower_ in lex.titles}
                if not offices or subject.lower_ in offices:
                    return token
    return None


def _fuller_name_of(earlier: Token, subject: Token) -> bool:
    """Whether the phrase `earlier` heads can be what the shorter `subject` stands for: its head
    word is the subject's, or a name word of it is ("the Operational Command East" for "the
    command"), and every capitalised word before the subject's noun is in it ("the General Staff
    of Ukraine's Armed Forces" for "the General Staff", not "an alliance of three armed groups"
    for "the Three Brotherhood Alliance")."""
    lemma = subject.lemma_.lower()
    heads = [earlier] + [c for c in earlier.children if c.dep_ == "compound"]
    if not any(t.lemma_.lower() == lemma for t in heads):
        return False
    words = {t.lower_ for t in earlier.subtree}
    return all(c.lower_ in words for c in subject.children
               if c.dep_ in ("compound", "amod") and c.text[:1].isupper())


def resolved_source(subject: Token, lex: Lexicons) -> Token:
    """The fuller mention a short source goes back to ("the ministry said" after "the Russian
    Defence Ministry said": the first), as `claimant_from_subject` reads it; a pronoun, a name
    or a source with no earlier mention is itself."""
    if subject.lower_ in PRONOUNS_PERSON | PRONOUNS_OTHER:
        return subject
    return _earlier_source(subject, lex) or _group_before(subject) or subject


def _organisation(token: Token, lex: Lexicons) -> bool:
    """An organisation's name: an ORG entity, or a capitalised proper noun that names no
    person and no country or group the side lexicons know ("the Syrian Observatory for Human
    Rights", which the tagger calls a place)."""
    if token.ent_type_ == "ORG":
        return True
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.ent_type_ == "PERSON" \
            or person_in(token, lex) is not None:
        return False
    return not side_of_term(entity_of(token).text if token.ent_iob_ != "O" else token.text, lex)


def _compound_name(subject: Token, lex: Lexicons) -> Token | None:
    """ "Russia's TASS news agency", "the state RIA Novosti news agency": the name compounded
    onto an organisation's description (`claim_org_descriptions.txt`) is the organisation; not
    a country ("the Ukrainian news agency") nor a platform it posts on ("a Telegram channel",
    `claim_platforms.txt`). None otherwise."""
    if subject.lemma_.lower() not in lex.org_descriptions or not subject.is_lower:
        return None               # "the International Institute for Strategic Studies" is a name itself
    return next((c for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and c.text[:1].isupper() and c.lower_ not in lex.platforms and _organisation(c, lex)), None)


def _same_office(role: str, titles: set[str]) -> bool:
    """Whether a person with `titles` may be "the <role>" said later: the same title, or a minister's
    for a secretary's ("Minister of Defence Sergei Shoigu ... . The President noted" is not Shoigu)."""
    return role in titles or role in _MINISTERS and bool(titles & _MINISTERS)


def _names(apposition: Token) -> bool:
    """Whether an apposition names someone ("the ministry, the MoD,"), rather than describes
    ("The paper, the first in two years,")."""
    return any(t.pos_ == "PROPN" for t in apposition.subtree)


def _office_of(subject: Token) -> bool:
    """ "the head of state", "the chief of staff": a role word whose one phrase is "of" and a
    bare common noun, so that it names an office, not a body ("the head of the ministry")."""
    if not with_the(subject) or any(c.dep_ in ("poss", "appos", "compound", "amod") for c in subject.children):
        return False
    preps = [c for c in subject.children if c.dep_ == "prep"]
    if len(preps) != 1 or preps[0].lower_ != "of":
        return False
    objects = [c for c in preps[0].children if c.dep_ == "pobj"]
    return len(objects) == 1 and objects[0].pos_ == "NOUN" and not list(objects[0].children)


def _phrase_size(noun: Token) -> int:
    """Words in a noun phrase, leaving out its determiners and the clauses on it ("The
    brigade, formed from veterans of the Azov regiment," is one word, as short as "the
    brigade"; "U.S. officials" is two, longer than "the officials")."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl", "punct")]
    left_out = {t.i for c in clauses for t in c.subtree}
    return sum(1 for t in noun.subtree if t.i not in left_out and t.dep_ != "det")


def _published_by(subject: Token, lex: Lexicons) -> Token | None:
    """ "figures released by the military", "data compiled by the UN": who put out what a common
    noun names (`publisher_of`); None otherwise."""
    return publisher_of(subject, lex) if subject.pos_ == "NOUN" else None


def _data_author(subject: Token, lex: Lexicons) -> Token | None:
    """ "according to army figures", "Pentagon data": the body compounded onto figures it put
    out (`claim_data_nouns.txt`), a body word (`claim_org_nouns.txt`) or an organisation's name;
    None otherwise."""
    if subject.lower_ not in lex.data_nouns:
        return None
    return next((c for c in subject.children if c.dep_ == "compound"
                 and (c.lower_ in lex.org_nouns or c.ent_type_ == "ORG")), None)


def _role_holder(subject: Token, lex: Lexicons) -> str:
    """ "said the Adviser to the Head of the President's Office", after "Adviser to the
    Head of the Office of the President Oleksiy Arestovych": a role word with no name
    is the person last introduced by that role word (within `_ROLE_REACH` words before
    the name)."""
    person = person_in(subject, lex)
    if subject.lower_ not in lex.titles or (person is not None and not role_only(person.text)):
        return ""
    doc = subject.doc
    for end, name in reversed(per_doc(doc, "named_people", named_people)):
        if end > subject.idx:
            continue
        start = doc.char_span(end - len(name), end, alignment_mode="expand")
        if start is not None and any(t.lower_ == subject.lower_ for t in doc[max(0, start.start - _ROLE_REACH):start.start]):
            return full_name(name, doc, end, lex)
    return ""


def _named_next(subject: Token, lex: Lexicons) -> tuple[str, bool]:
    """ "..., the head of Ukraine's defence intelligence agency told the Military Times.
    Brig. Gen. Kyrylo Budanov said ...": (name, is a person) of a singular role
    (`claim_roles_named_later.txt`) whose sentence names no one: the person the next sentence
    names, if the document names them nowhere before, as the subject of its first reporting
    verb, or as the same role with a name ("the spokesman, Steffen Hebestreit, said"). So too
    an organisation described by its kind (`claim_org_descriptions.txt`): "South Korea's spy
    agency said ... . The National Intelligence Service said". Not someone whose own words
    name another side ("Lithuania's president said ... . Kremlin spokesman Dmitry Peskov
    said"). A sentence of a few tokens ("Brig.") joins the one after it. ("", False) if none."""
    none = ("", False)
    organisation = subject.lemma_.lower() in lex.org_descriptions      # "South Korea's spy agency said"
    if not (subject.lower_ in lex.roles_named_later or organisation) or subject.tag_ != "NN" \
            or person_in(subject, lex) is not None:
        return none
    doc = subject.doc
    sent = subject.sent
    # a person named in the sentence is the role's holder, unless inside the role's own phrase ("a
    # senior aide to President Zelenskyy": the aide's principal), or after a preposition, or a side's
    # name ("the town of Avdiivka", "Kyiv", which NER may take for a person)
    own = {t.i for t in subject.subtree}
    if sent.end >= len(doc) or any(t.ent_type_ == "PERSON" and t.i not in own and entity_of(t).root.dep_ != "pobj"
                                   and not side_of_term(entity_of(t).text, lex) for t in sent):
        return none
    following = doc[sent.end].sent
    if len(following) < _SHORT_SENTENCE and following.end < len(doc):
        following = doc[following.start:doc[following.end].sent.end]
    before = text_of(doc)[:sent.end_char]
    side = phrase_side(subject, lex)

    def new(name: str) -> bool:         # named nowhere before, as a whole word
        return re.search(r"\b" + re.escape(name.split()[-1]) + r"\b", before) is None

    for token in following:
        if token.lower_ == subject.lower_:
            name = role_apposition(token, lex) or _apposed_to_name(token)
            if name:
                return (name, True) if new(name) else none
        remark = any((token.lemma_.lower(), c.lemma_.lower()) in lex.remark_phrases
                     for c in token.children if c.dep_ == "dobj")      # "Gen. Valerii Zaluzhnyi made the remarks"
        if token.pos_ == "VERB" and (token.lemma_.lower() in lex.reporting or remark):
            speaker = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if speaker is None or speaker.tag_ != "NNP":
                continue
            if any(found and found != side for t in speaker.subtree for found in [token_side(t, lex)]):
                return none                   # "Kremlin spokesman Dmitry Peskov said": another side's voice
            if organisation:                  # "The National Intelligence Service said ..."
                name = name_key(entity_of(speaker).text)
                ok = speaker.ent_type_ == "ORG" and new(name)
                return (name, False) if ok else none
            name = strip_titles(entity_of(speaker).text, lex) if speaker.ent_type_ == "PERSON" else ""
            if len(name.split()) < 2:         # "Kyrylo Budanov" with NER's entity on "Budanov" alone
                name = " ".join(t.text for t in speaker.subtree if t.i <= speaker.i and t.tag_ == "NNP"
                                and t.text[:1].isupper() and t.lower_.rstrip(".") not in lex.titles)
            ok = len(name.split()) >= 2 and not side_of_term(name, lex) and new(name)
            return (name, True) if ok else none
    return none


def _apposed_to_name(role: Token) -> str:
    """ "Oleksandr Shtupun, spokesman for the Tavria group of forces, told ...": the person's
    name a role word is apposed to, or ""."""
    head = role.head
    if role.dep_ != "appos" or head.tag_ != "NNP" or head.ent_type_ in ("GPE", "NORP", "LOC"):
        return ""
    name = " ".join(t.text for t in head.subtree if t.i <= head.i and t.tag_ == "NNP")   # NER may call it an ORG
    return name if len(name.split()) >= 2 else ""


def _voice_of_state(subject: Token, number: Token, sent: Span, lex: Lexicons) -> Token | None:
    """ "Washington now believes Russia has 190,000 personnel ..., US ambassador Michael
    Carpenter told the OSCE", "NATO estimates that ..., a senior NATO military official
    said": when the source is a state, named by its country or capital, or a body (an
    organisation, "U.S. intelligence") in the main clause or a complement, and a person in
    the same sentence states what it believes, that person is the source."""
    # a state's belief not in a clause of its own beside the statement ("..., Błaszczak said, as Warsaw
    # warned that ..."); a body's only in the main clause or a complement, not "..., while Baku said ..."
    state = subject.ent_type_ == "GPE" and side_of_term(entity_of(subject).text, lex) and subject.head.dep_ != "advcl"
    body = (subject.ent_type_ == "ORG" or subject.lemma_.lower() in lex.org_nouns) \
        and subject.head.dep_ in ("ccomp", "ROOT")
    if not (state or body) or person_in(subject, lex) is not None:
        return None
    outer = next((subject_of(v) for v in subject.head.ancestors if v.lemma_.lower() in lex.reporting), None)
    for speaker in (outer, trailing_source(number, sent, lex)):
        if speaker is not None and speaker != subject and not token_side(speaker, lex) and (   # not "Kiev" as a PERSON
                speaker.ent_type_ == "PERSON" or person_in(speaker, lex) is not None
                or speaker.pos_ == "PROPN" and not speaker.ent_type_):
            return speaker
    return None


def _non_initial_texts(doc: Doc) -> Counter:
    """How often each word occurs where no sentence starts: a capital there is a name's."""
    return Counter(t.text for t in doc if not t.is_sent_start)


def _counted_by(number: Token, noun: Token) -> bool:
    """Whether `noun` is what `number` counts, as the subject of a verb that reports something
    else: "59 U.S. personnel have reported minor injuries" names those counted, no source of the
    count. (When the parse makes the counted noun the subject of a trailing "said" with no object,
    "... 98 Ukrainian aircraft, Major General Igor Konashenkov said", the source is found from it.)"""
    return number.head == noun and number.dep_ == "nummod" and noun.dep_ == "nsubj" \
        and any(c.dep_ == "dobj" for c in noun.head.children)


def claimant_of(number: Token, sent: Span, speakers: list[Speaker], lex: Lexicons) -> tuple[str, Token | None]:
    """The source of the figure ("" if unattributed) and its head token."""
    owner = count_owner(number)
    if owner is not None:             # "the ministry's own figure of 15,000 soldiers": whoever reports it
        name, _ = claimant_from_subject(owner, speakers, lex)
        return name, owner
    reporting = _reporting_of(number, lex)
    if reporting is not None:         # "Western media reports of 100,000 soldiers": theirs, or their author's
        author = report_author(reporting, lex)
        if author is not None:
            return claimant_from_subject(author, speakers, lex)[0], author
        return " ".join(t.text for t in reporting.subtree if t.i <= reporting.i and t.dep_ != "det"), reporting
    author = _claim_author(number, lex)
    if author is not None:            # "the claim by the Armenian side that our army has lost 2,000 soldiers"
        return claimant_from_subject(author, speakers, lex)[0], author
    estimating = estimating_verb(number)
    estimator = subject_of(estimating) if estimating is not None else None
    if estimator is not None and (estimator.lower_ in lex.units or estimator.lemma_.lower() in lex.casualty
                                  or estimating is not None and estimating.lemma_.lower() in RESULTING_VERBS):
        estimator = None      # "Their deaths bring to 299 the number of soldiers killed": no one's estimate
    for verb in reporting_verbs_for(number, lex):
        subject = participle_speaker(verb, lex) or subject_of(verb) or noun_rooted_speaker(verb) \
            or cited_as_saying(verb)
        if subject is not None and _counted_by(number, subject):
            continue
        if subject is not None and number.head == subject and number.dep_ == "nummod":
            # "... up to 50,000 troops in the Kharkiv direction, the chief of Ukraine's Defence
            # Intelligence, Kyrylo Budanov, said": what is counted is no source; who is put beside it is
            subject = next((c for c in subject.children if c.dep_ == "appos"), None)
            if subject is None:
                continue
        if subject is not None and verb.dep_ in ("relcl", "advcl") and subject.lower_ in ("it", "they"):
            # "published the names of 192 servicemen it said were killed": the publisher; "Moscow last
            # updated its figure last week, when it said 498 of its servicemen had died": Moscow
            outer = verb.head if verb.dep_ == "advcl" else next(
                (a for a in verb.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            subject = (subject_of(outer) if outer is not None else None) or subject
        if subject is not None:
            subject = subject_across_comma(verb, subject, lex) or subject
            if estimating is not None and estimator is not None and not verb_reports(verb, estimating):
                break         # "..., U.S. officials say, while Kyiv puts the figure at 127,000": Kyiv's
            subject = _voice_of_state(subject, number, sent, lex) or cited_source(subject, lex) or subject
            name, _ = claimant_from_subject(subject, speakers, lex)
            if not name and subject.lower_ in ("it", "they"):
                continue      # "The army said it had found ...": "it" is whoever the outer verb's subject is
            return name, subject
    else:                             # no reporting verb with a subject: other ways a source is named
        source = according_to(sent) or by_estimate(sent, lex)
        if source is not None:
            name, _ = claimant_from_subject(source, speakers, lex)
            return name, source
        compounds = noun_parsed_reporting(sent, lex)
        if compounds:
            return compounds.text, compounds.root
        trailing = trailing_source(number, sent, lex)
        if trailing is not None and not _counted_by(number, trailing):
            trailing = cited_source(trailing, lex) or trailing
            name, _ = claimant_from_subject(trailing, speakers, lex)
            return name, trailing
    if estimator is not None:
        name, _ = claimant_from_subject(estimator, speakers, lex)
        return name, estimator
    return "", None
