"""Troop-figure claims: who says how many of whose forces are where.

`iter_claims(doc, published=..., timexes=...)` yields one `records.Claim` per
figure that counts forces (troops, formations, equipment) or casualties.
Extraction runs in named steps, cheapest first:

1. find figures in each sentence's text with regular expressions (digits,
   suffixes, spelled-out and vague numbers, ranges) and read the cue words
   before them ("up to more than", "an estimated");
2. keep a figure only if a force or casualty noun follows it or the parse
   ties it to one ("the number of Russian forces ... is 130,000");
3. read the side, place, category, claimant and date from the parse.

Choices the wording leaves open, documented once here:

- a range ("between 100,000 and 130,000", "7,000-15,000") has low and high
  set, `value` = high (the headline figure) and qualifier "between";
- "more than"-type cues set `low` = the figure, "up to"-type cues set
  `high`; approximations ("an estimated", "about") set neither. With
  stacked cues ("up to more than 130,000") the innermost bound wins;
- vague counts ("thousands of troops", "tens of thousands") have
  value None, low = the least the words can mean (1,000; 10,000) and the
  flag "vague";
- "70% of the forces" has value 70, unit "percent" and the flag
  "percent_of:forces";
- a casualty noun with no head count ("a death toll of 185") has unit
  "deaths"; "casualties" counts as killed with the flag "casualties";
- a figure above `Settings.implausible_above` is kept with the flag
  "implausible";
- a change over time ("increased its troops from 12,500 to 25,000") is two
  counts, not a range; the earlier one has the flag "earlier_count";
- a bare number that leaves out an earlier figure's noun in the same
  sentence ("83 BTGs, up from 60"; "179 were killed and 81 were taken
  prisoner") counts the same noun, with the flag "unit_carried";
- civilians and "people" are not counted: a civilian toll is not a troop
  figure. "one" counts only when a unit noun follows it ("one brigade", "one
  Ukrainian attack helicopter");
- "498 servicemen killed and 1,597 wounded" counts 1,597 servicemen (category
  wounded, flag "unit_carried"); after a count of civilians ("11 people were
  killed and 64 wounded") the bare "wounded" is no claim;
- a change ("increased its troops by 7,000") keeps the flag "change";
- a hypothetical ("whether we have 50,000 or one million soldiers"), a war
  game's or scenario's ("in the base scenario 3,200 troops were killed"), an award
  ("476 soldiers have been awarded", "presented medals to 30 soldiers"), civilian equipment (an airline's
  aircraft, research ships) and criminals ("14 cartel gunmen") are no claims
  (`category.not_a_claim`);
- a figure no sentence attributes is claimed by whoever speaks there
  (`core.extract.speakers`); a figure in a reporter's question by "reporter
  (question)", flagged "question"; one inside a quotation of several sentences
  by whom its closing '...," X said' names;
- equipment handed over "to" or "for" a party (`claim_transfer_words.txt`) is
  the receiver's, and so is equipment a verb of taking in takes ("Poland
  received 10 tanks from South Korea", `claim_receiving_verbs.txt`); forces
  "sent" stay the sender's;
- the publisher speaks for a side only when it is one, an official body of
  one ("General Staff of the Armed Forces of Ukraine") or an office of one
  ("President of Russia"); a news outlet for none;
- a quotation in single marks is read like one in double marks, and its
  speaker's "we" and "our" are the side the speaker's description names
  ("German Defence Minister Boris Pistorius"); "according to our data" is the
  speaker's own claim;
- a source named at the end of a sentence of indirect speech ("..., X said.")
  says that sentence only; one who closes a quotation may go on;
- "its losses amounted to N", "the losses of the enemy are N" and "estimates
  Russian losses at N" are losses of whom the loss noun names.

Lexicons live in `core/data/claim_*.csv|txt`, each with its provenance.

The package's modules, in the order the data flows (each imports only those above it):

- `lexicons`: the rule files of `core/data/claim_*`, read once;
- `memo`: a Doc's text joined once, answers worked out once per sentence;
- `grammar`: small walks over the parse and the word classes they test;
- `figures`: step 1, the numbers in a sentence's text, ranges and cues;
- `units`: step 2, the noun a figure counts;
- `category`: force size or casualty category, and what is no claim;
- `side_names`: which side a word or phrase names;
- `people`: persons' names, in full and without titles;
- `reporting`: the reporting verbs, "according to" and closing attributions;
- `claimant`: who claims a figure, as a name;
- `side_guesses`: sides guessed from the context when the phrase names none;
- `side_of_force`: sides read from the counted force phrase;
- `side_of_actor`: sides read from who deploys, uses, hands over or destroys the forces;
- `place_and_date`: the place phrase and the date of a claim;
- `gates`: which sentences to read and parse, before any parse;
- `speech`: who goes on speaking across sentences, quotations;
- `assembly`: a Doc's claims, from all of the above (`iter_claims`).
"""
from core.extract.claims.assembly import iter_claims, repeats_share_sides
from core.extract.claims.figures import find_figures
from core.extract.claims.gates import might_hold_claims, sentences_to_parse
from core.extract.claims.grammar import PRONOUNS_PERSON
from core.extract.claims.lexicons import lexicons
from core.extract.claims.memo import remember_text
from core.extract.claims.side_names import side_of_term

__all__ = ["PRONOUNS_PERSON", "find_figures", "iter_claims", "lexicons", "might_hold_claims", "remember_text",
           "repeats_share_sides", "sentences_to_parse", "side_of_term"]
