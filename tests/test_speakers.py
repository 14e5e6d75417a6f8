"""Speaker turns in transcripts (White House and Kremlin styles), the one voice of an
address, and what they make of a figure's claimant and side. Texts written for these
tests, in the corpus's styles."""
from __future__ import annotations

from datetime import date

import pytest

from core.extract import speakers
from core.extract.actors import DictionaryEntry
from core.records import Article

ENTRIES = (
    DictionaryEntry("Joe Biden", ("Biden",), "person", "United States", "president"),
    DictionaryEntry("Vladimir Putin", ("Putin",), "person", "Russia", "president"),
    DictionaryEntry("Volodymyr Zelenskyy", ("Zelenskyy",), "person", "Ukraine", "president"),
)

BRIEFING = """James S. Brady Press Briefing Room
1:02 P.M. EST
MS. PSAKI:  Good afternoon, everyone.  There are 100,000 Russian troops near the border.
Q    Are the 8,500 American troops on alert going to deploy?
MS. PSAKI:  According to the Pentagon, 3,000 more troops could leave within days.
THE PRESIDENT:  Our 2,000 troops in Poland are ready.
SENIOR ADMINISTRATION OFFICIAL:  We have sent 1,200 troops.
"""

KREMLIN = ("President of Russia Vladimir Putin: Good afternoon. We discussed many things. "
           "Question: Anna Ivanova, TASS news agency. How many troops are there? "
           "Vladimir Putin: There are none. Anna Ivanova: And tomorrow? "
           "Aide to the President Yury Ushakov: The talks will go on. "
           "Prime Minister of Greece Nikos Petrou Petrou NikosPrime Minister of Greece(retranslated): Thank you.")


@pytest.mark.parametrize(("text", "title", "side", "expected"), [
    (BRIEFING, "Press Briefing by Press Secretary Jen Psaki", "United States",
     [("MS. PSAKI", "Jen Psaki", False), ("Q", speakers.REPORTER, True), ("MS. PSAKI", "Jen Psaki", False),
      ("THE PRESIDENT", "Joe Biden", False),
      ("SENIOR ADMINISTRATION OFFICIAL", "senior administration official", False)]),
    (KREMLIN, "News conference", "Russia",
     [("President of Russia Vladimir Putin", "Vladimir Putin", False), ("Q", speakers.REPORTER, True),
      ("Vladimir Putin", "Vladimir Putin", False), ("Anna Ivanova", speakers.REPORTER, True),
      ("Aide to the President Yury Ushakov", "Yury Ushakov", False),
      (None, "Nikos Petrou", False)]),
    ("Taking part were Prime Minister Ivan Sidorov and Minister Oleg Petrov.   *  President of Russia Vladimir "
     "Putin: Colleagues, let us begin.", "Meeting with Security Council members", "Russia",
     [("President of Russia Vladimir Putin", "Vladimir Putin", False)]),
    # a White House transcript run together in one paragraph; an interviewer's turn is a question
    ("Briefing by Pentagon Press Secretary Daniel Reyes. MR. REYES: Good morning. Q: How many are on alert? "
     "MR. REYES: About 8,500. Interviewer: And the rest? SENIOR ADMINISTRATION OFFICIAL: Later.", "", "United States",
     [("MR. REYES", "Daniel Reyes", False), ("Q", speakers.REPORTER, True), ("MR. REYES", "Daniel Reyes", False),
      ("Q", speakers.REPORTER, True),
      ("SENIOR ADMINISTRATION OFFICIAL", "senior administration official", False)]),
    ("Host: You sent 2,000 missiles. Do you regret it?", "Interview with the Defence Secretary", "United Kingdom",
     [("Q", speakers.REPORTER, True)]),
    # "THE <office>" is the person the title or text names with that office
    ("Press conference by NATO Secretary General Jens Stoltenberg. THE SECRETARY GENERAL: Allies have put "
     "100 jets on alert. Q: Is that all?", "", "",
     [("THE SECRETARY GENERAL", "Jens Stoltenberg", False), ("Q", speakers.REPORTER, True)]),
    ("THE SECRETARY GENERAL: Good morning.", "Press conference by UN Secretary General Ana Lindqvist", "",
     [("THE SECRETARY GENERAL", "Ana Lindqvist", False)]),
    ("THE MODERATOR: Our first question.", "Press conference by Prime Minister Ana Lindqvist", "",
     [("THE MODERATOR", "the moderator", False)]),          # guard: an office the title does not name
    # "THE PRESIDENT" with no side to look the office up in: the president the header names
    ("Remarks of President Ana Lindqvist - State of the Union. THE PRESIDENT: We sent 7,000 troops.", "", "",
     [("THE PRESIDENT", "Ana Lindqvist", False)]),
    # a parliament's record: a member by courtesy title and name, or by name with seat and party
    ("Defence: statement\nMr Tom Ashby: We have 900 soldiers in Latvia.\nMaria Kell (Bristol East) (Lab): "
     "Will more go?\nDr. Owen Pryce (Ceredigion) (PC): Not yet.\n", "", "UK Parliament (Hansard)",
     [("Mr Tom Ashby", "Tom Ashby", False), ("Maria Kell", "Maria Kell", False),
      ("Dr. Owen Pryce", "Owen Pryce", False)]),
    # another parliament's record: "Hon." before a member's name, with their office and party in brackets
    ("Oral questions\nMr. Paul Girard (Nepean, CPC): Mr. Speaker, why only 60 tanks?\n"
     "Hon. Lena Moreau (Minister of National Defence, Lib.): Mr. Speaker, 60 more will follow.\n", "",
     "House of Commons of Canada (Hansard)",
     [("Mr. Paul Girard", "Paul Girard", False), ("Hon. Lena Moreau", "Lena Moreau", False)]),
    # a name and then, after a comma, the office: the name speaks
    ("Morning bulletin\nAnna Kerr: Colonel, what happened overnight?\nColonel Petro Savchuk, spokesman for the "
     "Northern Command: We repelled four attacks.\nAnna Kerr: And the losses?\n", "", "Radio Kyiv",
     [("Anna Kerr", "Anna Kerr", False), ("Colonel Petro Savchuk", "Petro Savchuk", False),
      ("Anna Kerr", "Anna Kerr", False)]),
    # a parliament's record of a minister: the office, then the name in brackets
    ("Defence update\nThe Minister for the Armed Forces (Mr Alan Pryor): We have sent 300 troops.\n"
     "Mrs Jane Doyle (Leeds West) (Lab): Will more follow?\nMr Pryor: Not yet.\n", "", "UK Parliament (Hansard)",
     [("Mr Alan Pryor", "Alan Pryor", False), ("Mrs Jane Doyle", "Jane Doyle", False),
      ("Mr Pryor", "Alan Pryor", False)]),
    # an office alone, or an office with whose it is, is the person the title names with that office
    ("Interview with Minister of Foreign Affairs of Latvia Juris Ozols\nInterviewer: Minister, how many?\n"
     "Minister: About 400.\n", "", "LTV",
     [("Q", speakers.REPORTER, True), ("Minister", "Juris Ozols", False)]),
    ("Press conference by UN Secretary General Ana Lindqvist\nUN SECRETARY GENERAL: Good morning.\n", "", "",
     [("UN SECRETARY GENERAL", "Ana Lindqvist", False)]),
])
def test_turns_and_their_speakers(text, title, side, expected):
    found = speakers.turns(text, title=title, side=side, entries=ENTRIES)
    got = [(t.label if e[0] is not None else None, t.speaker, t.question) for t, e in zip(found, expected)]
    assert got == expected
    assert all(text[t.start:t.end].strip() for t in found)


@pytest.mark.parametrize("text", [
    "The order was clear. NOT NOW: the general repeated it twice.",           # one shouted word is no label
    "Officials met on Monday. The agenda: troops, money and time.",           # a colon in prose
    "Security Council Resolution: the text follows.",                         # three capitalised words
    "Note: the figures were revised on Monday.",                               # one word that is no office
    "In Kyiv, officials said: the army is ready.",                             # a place, then a comma
    "Ukraine, Moldova and Georgia: a summit on Friday.",                       # names with no office
])
def test_prose_with_a_colon_has_no_turns(text):
    assert speakers.turns(text, title="", side="United States", entries=ENTRIES) == ()


def test_a_text_with_no_labels_has_no_turns():
    text = "Russia has 100,000 troops near the border. To be clear: nothing changes.\nWe know what works: unity."
    assert speakers.turns(text) == ()


@pytest.mark.parametrize(("title", "side", "voice"), [
    ("Address by the President of Ukraine on the unity of Ukrainian society", "Ukraine", "Volodymyr Zelenskyy"),
    ("Address by the President of the Russian Federation", "Russia", "Vladimir Putin"),
    ("Remarks by President Biden on the Situation in Ukraine", "United States", "Joe Biden"),
    ("We will win - address by President of Ukraine Volodymyr Zelenskyy", "Ukraine", "Volodymyr Zelenskyy"),
    ("Statement by NSC Spokesperson Emily Horne on a Call", "United States", "Emily Horne"),
    ("Remarks by President Biden and Chancellor Scholz at Press Conference", "United States", ""),
    ("Telephone conversation with President of France Emmanuel Macron", "Russia", ""),
    ("Statement from President Biden on the Flooding in Kentucky", "United States", "Joe Biden"),
])
def test_the_voice_of_an_address(title, side, voice):
    assert speakers.voice(title, side=side, entries=ENTRIES) == voice


@pytest.mark.parametrize(("text", "title"), [
    ("Address by President of Ukraine Volodymyr Zelenskyy, 12 March 2022. We stand.",
     "Address by President of Ukraine Volodymyr Zelenskyy"),
    ("Remarks by U.S. Ambassador Linda Thomas-Greenfield at a UN meeting. Thank you.",
     "Remarks by U.S. Ambassador Linda Thomas-Greenfield at a UN meeting"),
    ("Remarks by President Biden, March 3, 2022\nGood afternoon.", "Remarks by President Biden"),
    ("Statement by the Official Spokesman of the Armed Forces. Our units hold.",
     "Statement by the Official Spokesman of the Armed Forces"),
    # a title line of its own, its abbreviated rank's stop no end of it; "from" as "by"
    ("Statement by Navy Spokesman Capt. Rafael Ortiz\nThe fleet sailed at dawn.",
     "Statement by Navy Spokesman Capt. Rafael Ortiz"),
    ("Remarks from Army Chief of Staff Gen. Maria Lopez on Readiness, 4 May 2023\nGood morning.",
     "Remarks from Army Chief of Staff Gen. Maria Lopez on Readiness"),
    # guards: an opening that is a sentence about a statement, or no opening title at all
    ("Statement by the ministry.\nThe fleet sailed at dawn.", "Statement by the ministry"),
    ("The statement by the ministry said 400 troops had left.", ""),
    ("Our forces hold the line. Address by the President follows.", ""),
])
def test_the_title_a_text_opens_with(text, title):
    assert speakers.heading(text) == title


def test_a_text_that_opens_with_its_title_has_that_voice():
    text = "Address by President of Ukraine Volodymyr Zelenskyy, 12 March 2022. Our army stands."
    assert speakers.voices(text, side="Ukraine", entries=ENTRIES).voice == "Volodymyr Zelenskyy"
    # the document's own title comes first
    assert speakers.voices(text, title="Address by the President of the Russian Federation", side="Russia",
                           entries=ENTRIES).voice == "Vladimir Putin"
    assert speakers.voices("Our army stands. It will not yield.", side="Ukraine", entries=ENTRIES).voice == ""


def _claims(text: str, *, title: str, side: str, source: str):
    from core.combine.assemble import assemble
    from core.extract.articles import extract_articles
    from core.extract.pipeline import build_pipeline
    from core.read.ingest import content_id

    article = Article(article_id=content_id(text), text=text, title=title, source=source, side=side,
                      published=date(2022, 1, 25))
    frames = assemble([article], extract_articles([article], nlp=build_pipeline, entries=ENTRIES), entries=ENTRIES)
    return {int(row.value): row for row in frames.claims.itertuples()}


@pytest.mark.model
def test_a_briefings_figures_are_claimed_by_their_speakers():
    claims = _claims(BRIEFING, title="Press Briefing by Press Secretary Jen Psaki", side="United States",
                     source="The White House")
    assert claims[100000].claimant == "Jen Psaki" and claims[100000].side == "Russia"
    assert claims[8500].claimant == speakers.REPORTER and "question" in claims[8500].flags
    assert claims[3000].claimant == "Pentagon"                    # "according to" inside a turn
    assert (claims[2000].claimant, claims[2000].side) == ("Joe Biden", "United States")   # "our" troops
    assert (claims[1200].claimant, claims[1200].side) == ("senior administration official", "United States")


@pytest.mark.model
def test_an_address_is_claimed_by_the_person_who_gives_it():
    text = "Great people of a great country! The enemy has lost 500 soldiers today. Our 30 brigades stand firm."
    claims = _claims(text, title="Address by the President of Ukraine", side="Ukraine", source="President of Ukraine")
    assert {row.claimant for row in claims.values()} == {"Volodymyr Zelenskyy"}
    assert claims[30].side == "Ukraine"


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "side"), [
    ("Look, there are 100,000 troops — Russian troops — on the border.", 100000, "Russia"),   # an apposition
    ("The 8,500 American troops are on alert. Officials said those 8,500 troops could go soon.", 8500,
     "United States"),                                                                         # a repeat
    ("Vladimir Putin chose this war. He moved more than 175,000 troops to the border.", 175000, "Russia"),
    ("The number of the Armed Forces has grown by 11,000 this year.", 11000, "Ukraine"),      # the speaker's own
    # a side guessed from the clause gives way to the one a repeat of the figure reads
    ("The President put 8,500 American troops on alert. The Kremlin is using the announcement of those 8,500 "
     "troops to blame Washington.", 8500, "United States"),
])
def test_side_from_context(text, value, side):
    claims = _claims(text, title="Statement by Oleh Kovalenko", side="Ukraine", source="President of Ukraine")
    assert claims[value].side == side


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "side"), [
    ("We are very concerned over the massing of 90,000 troops on the Ukrainian border.", 90000, "Russia"),
    ("Satellite pictures show 40,000 soldiers near Ukraine's borders.", 40000, "Russia"),
    ("Ukraine has deployed 10,000 troops on the Ukrainian border.", 10000, "Ukraine"),   # a named deployer wins
    ("About 5,000 troops were sent to the Polish border.", 5000, ""),                     # Poland: no adversary listed
])
def test_forces_at_a_sides_border_are_guessed_its_adversarys(text, value, side):
    claims = _claims(text, title="Remarks by the Chancellor", side="Germany", source="Federal Chancellor")
    assert claims[value].side == side


@pytest.mark.model
@pytest.mark.parametrize(("text", "source_side", "value", "side"), [
    ("Our pilots destroyed four enemy tanks near the river.", "Ukraine", 4, "Russia"),
    ("Twelve armoured vehicles of the enemy were destroyed near Kharkiv.", "Ukraine", 12, "Russia"),
    ("The enemy's 40 tanks were stopped at the bridge.", "Ukraine", 40, "Russia"),
    ("The unit destroyed three enemy tanks on the highway.", "Russia", 3, "Ukraine"),
    ("Our forces destroyed seven enemy tanks.", "United States", 7, ""),      # no adversary listed: no guess
])
def test_the_enemys_forces_are_the_adversary_of_the_speakers_side(text, source_side, value, side):
    source = {"Ukraine": "President of Ukraine", "Russia": "President of Russia"}.get(source_side, "The White House")
    claims = _claims(text, title="Address by the President", side=source_side, source=source)
    assert claims[value].side == side


# --- what is not a claim (docs/claim-annotation.md) --------------------------------------

@pytest.mark.model
@pytest.mark.parametrize(("text", "values"), [
    ("Whether we have 50,000, 150 or one million soldiers, we will defend our land.", []),     # hypothetical
    ("If Russia sent 10,000 more troops, the picture would change.", []),                     # conditional
    ("In total, 300 soldiers of the brigade have been awarded state decorations.", []),        # an award
    ("By 2025 the company's fleet will comprise at least 20 aircraft.", []),                  # a civil fleet
    ("Two research vessels left the port of Odesa.", []),                                     # civilian ships
    ("He destroyed two enemy IFVs and captured a T-72 tank.", [2]),                           # a model number
    ("Russia has massed 100,000 troops near the border.", [100000]),                          # still claims
    ("Ukraine says it shot down 20 military aircraft.", [20]),
    ("Thousands of troops crossed the border.", [None]),                                      # vague: flagged
    ("Russia has increased its troop presence by as many as 7,000 troops.", [7000]),          # a change: flagged
])
def test_what_is_not_a_claim(text, values):
    from core.combine.assemble import assemble
    from core.extract.articles import extract_articles
    from core.extract.pipeline import build_pipeline
    from core.read.ingest import content_id

    article = Article(article_id=content_id(text), text=text, source="Test", published=date(2022, 3, 1))
    claims = assemble([article], extract_articles([article], nlp=build_pipeline)).claims
    got = [None if v is None or v != v else int(v) for v in claims["value"]]
    assert got == values
    assert all(("vague" in flags) == (v is None) for v, flags in zip(got, claims["flags"]))
    assert all(("change" in flags) == ("increased" in text) for flags in claims["flags"])


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "claimant"), [
    # a role word with no name is the person that role introduced
    ("Adviser to the Minister Ivan Petrenko spoke at a briefing. The enemy has lost 300 soldiers today, "
     "said the Adviser to the Minister.", 300, "Ivan Petrenko"),
    # "This was announced by X" claims what came before it
    ("Russian forces crossed the border with 50 tanks. This was announced by Adviser to the Head of the "
     "Office Ivan Petrenko at a briefing.", 50, "Ivan Petrenko"),
    # reported speech goes on until another source is named
    ("Ivan Petrenko also noted that the enemy was regrouping. Separate detachments numbering 20 tanks "
     "have appeared near the border.", 20, "Ivan Petrenko"),
    # ... and stops when it is
    ("Ivan Petrenko also noted that the enemy was regrouping. Ukraine's defence ministry said 40 tanks had "
     "appeared near the border.", 40, "Ukraine's defence ministry"),
])
def test_a_reports_source(text, value, claimant):
    claims = _claims(text, title="Briefing", side="Ukraine", source="President of Ukraine")
    assert claims[value].claimant == claimant


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "side"), [
    # a side's own losses, reported by the side: no demonym needed
    ("Armenia's defence ministry said 135 servicemen had been killed in two days of fighting.", 135, "Armenia"),
    # a person the dictionary knows deploys, or reports, their country's forces
    ("Vladimir Putin has stationed 90,000 soldiers near the border, officials said.", 90000, "Russia"),
    ("Putin said 300,000 reservists would be called up.", 300000, "Russia"),
    # the enemy's losses say whose
    ("Ukraine's defence ministry said 500 Russian soldiers had been killed.", 500, "Russia"),
])
def test_side_from_the_source(text, value, side):
    claims = _claims(text, title="News", side="", source="Wire")
    assert claims[value].side == side


@pytest.mark.model
@pytest.mark.parametrize(("text", "source_side", "value", "side"), [
    # the group a count is part of, and the conjuncts that share it
    ("Near the village our scouts came upon nationalist units including 12 tanks and four armoured vehicles.",
     "Russia", 12, "Ukraine"),
    ("Near the village our scouts came upon nationalist units including 12 tanks and four armoured vehicles.",
     "Russia", 4, "Ukraine"),
    # what the loss verb's actor fought
    ("The platoon engaged the enemy and destroyed three tanks before dawn.", "Ukraine", 3, "Russia"),
    ("The platoon engaged the enemy and destroyed three tanks before dawn.", "Russia", 3, "Ukraine"),
    # a unit "of enemy equipment", and the words each side uses for the other
    ("In one night the brigade destroyed 14 units of enemy equipment.", "Ukraine", 14, "Russia"),
    ("The occupiers' 25 tanks were stopped near the bridge.", "Ukraine", 25, "Russia"),
    # with nobody called the enemy, the loss the speaker's side inflicts is still guessed the other's
    ("The platoon engaged the column and destroyed three tanks before dawn.", "Ukraine", 3, "Russia"),
])
def test_the_enemy_of_a_counted_group_or_of_its_fight(text, source_side, value, side):
    source = {"Ukraine": "President of Ukraine", "Russia": "President of Russia"}[source_side]
    claims = _claims(text, title="Address by the President", side=source_side, source=source)
    assert claims[value].side == side


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "side"), [
    # equipment handed to a force named with "the" and no country: the speaker's own
    ("A contract was signed for the supply of four new transport aircraft to the Air Force.", 4, "Ukraine"),
    ("Today two patrol boats were handed over to the Navy Forces in Odesa.", 2, "Ukraine"),
    # to another country: equipment handed over is the recipient's (docs/claim-annotation.md)
    ("A contract was signed for the supply of four new transport aircraft to Poland.", 4, "Poland"),
])
def test_equipment_delivered_to_the_speakers_own_force(text, value, side):
    claims = _claims(text, title="Address by the President of Ukraine", side="Ukraine",
                     source="President of Ukraine")
    assert claims[value].side == side


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "side", "category"), [
    # losses nobody marks as the enemy's are, in the speaker's mouth, the speaker's own
    ("Yesterday two soldiers were killed by shelling near the line of contact.", 2, "Ukraine", "killed"),
    ("Yesterday 40 Russian soldiers were killed near the line of contact.", 40, "Russia", "killed"),
    # a force figure with no side is not given the speaker's
    ("About 90,000 troops now stand near the line of contact.", 90000, "", "force_size"),
])
def test_unmarked_losses_are_the_speakers_own(text, value, side, category):
    claims = _claims(text, title="Address by the President of Ukraine", side="Ukraine",
                     source="President of Ukraine")
    assert (claims[value].side, claims[value].category) == (side, category)


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "claimant"), [
    # a bare role in prose is the one person holding it in the publisher's country
    ("MS. PSAKI:  Yesterday the President said that some 120,000 troops had gathered near the border.",
     120000, "Joe Biden"),
    # a reporting verb in a relative clause on the counted noun
    ("Q    What about the 1,000 military members that the President has said he would mobilize?", 1000,
     "Joe Biden"),
    ("MS. PSAKI:  The 5,000 troops that the Pentagon says are ready will stay home.", 5000, "Pentagon"),
])
def test_a_role_or_a_relative_clause_names_the_claimant(text, value, claimant):
    claims = _claims(text, title="Press Briefing by Press Secretary Jen Psaki", side="United States",
                     source="The White House")
    assert claims[value].claimant == claimant


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "claimant"), [
    # a reporting verb after the figure that the parse leaves without a subject
    ("Moscow has moved an estimated 900 tanks to the frontier, defence intelligence head Ivan Petrenko told "
     "the Kyiv Post.", 900, "Ivan Petrenko"),
    ("Kyiv now has about 700,000 troops under arms, Oleh Kovalenko, the chief of the general staff, said on "
     "Friday.", 700000, "Oleh Kovalenko"),
    # a participle naming someone is not the source a later "he said" goes on with
    ("Defence Minister Ivan Petrenko said 200,000 reservists would be called up under the decree announced by "
     "President Oleh Kovalenko on Monday. He also said that 3,100 soldiers had been killed.", 3100,
     "Ivan Petrenko"),
    # the author of a piece of reporting
    ("The Ministry of Defence's weekly assessment put the number of Russian troops in Crimea at 35,000.", 35000,
     "Ministry of Defence"),
    # a coordinated source is both
    ("Russia and Belarus say 9,000 troops will take part in the drills.", 9000, "Russia and Belarus"),
])
def test_the_source_of_a_news_sentence(text, value, claimant):
    claims = _claims(text, title="News", side="", source="Wire")
    assert claims[value].claimant == claimant


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "side"), [
    # a relative clause on the force names who deployed it
    ("Mr Petrenko said the 6,000 troops Moscow had sent to drills near Rostov would return to base.", 6000, "Russia"),
    # two sources of two sides: no one side speaks
    ("Russia and Belarus say 9,000 troops will take part in the drills.", 9000, ""),
])
def test_side_from_who_deployed_or_who_speaks(text, value, side):
    claims = _claims(text, title="News", side="", source="Wire")
    assert claims[value].side == side
    assert "side_guessed" not in claims[value].flags         # read from the text, not guessed from the clause


@pytest.mark.model
def test_you_in_a_reporters_question_is_the_publishers_side_and_elsewhere_no_one():
    briefing = ("MS. PSAKI:  Go ahead.\nQ    Will the 4,500 troops that you have put on alert go to Poland?\n"
                "MS. PSAKI:  No decision yet.\n")
    claims = _claims(briefing, title="Press Briefing by Press Secretary Jen Psaki", side="United States",
                     source="The White House")
    assert claims[4500].side == "United States"
    speech = "Dear friends, you have at least 9,000 tanks in your armies! Give us one percent."
    claims = _claims(speech, title="Speech by the President of Ukraine", side="Ukraine",
                     source="President of Ukraine")
    assert claims[9000].side == ""


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "side"), [
    # a possessive pronoun goes back to the nearest subject that names a side
    ("Hamas commander Ali Nasser claimed that his 12,000 fighters were ready.", 12000, "Hamas"),
    ("Armenia closed the road on Sunday. Its interior ministry said 61 of its soldiers had been wounded.", 61,
     "Armenia"),
    # "the group" goes back the same way
    ("Hezbollah spokesman Omar Saleh said on Monday that the group had 40,000 trained fighters.", 40000,
     "Hezbollah"),
    # with no subject naming a side before it, nothing is guessed from the pronoun
    ("The commander said that his 3,000 fighters were ready.", 3000, ""),
])
def test_a_pronoun_or_the_group_goes_back_to_its_referent(text, value, side):
    claims = _claims(text, title="News", side="", source="Wire")
    assert claims[value].side == side


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "side", "claimant"), [
    # what an estimate puts at the count gives the side, its maker the claimant
    ("The Belarusian garrison near Brest is estimated by Polish officials at about 4,000 soldiers.", 4000,
     "Belarus", "Polish officials"),
    # "the build-up" goes back to the subject before it
    ("Russia has kept reinforcing its positions near Kherson. The build-up, which Western officials put at "
     "45,000 soldiers, worries Kyiv.", 45000, "Russia", "Western officials"),
])
def test_an_estimate_at_a_count(text, value, side, claimant):
    claims = _claims(text, title="News", side="", source="Wire")
    assert (claims[value].side, claims[value].claimant) == (side, claimant)


@pytest.mark.model
@pytest.mark.parametrize(("text", "values"), [
    ("NATO has placed Mk 41 launchers in Romania and 2,000 troops in Poland.", [2000]),
    ("Beijing sent Type 052 destroyers and 40 warplanes near the island.", [40]),
    ("An 8,000 Russian troops arrived in Belarus, officials said.", [8000]),            # "An" is not a prefix
])
def test_a_model_designation_with_a_space_is_not_a_count(text, values):
    claims = _claims(text, title="News", side="", source="Wire")
    assert sorted(claims) == values


@pytest.mark.model
def test_an_interview_without_speaker_labels_is_claimed_by_the_interviewee():
    text = "- Is the army ready? - We have 250,000 troops ready to defend our land."
    claims = _claims(text, title="Volodymyr Zelenskyy in an interview for a newspaper: we are ready",
                     side="Ukraine", source="President of Ukraine")
    assert claims[250000].claimant == "Volodymyr Zelenskyy"


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "claimant"), [
    # a short source goes back to the fuller one named before it
    ("Russia has lost 9,000 troops, the General Staff of Ukraine's Armed Forces reported. The General Staff also "
     "said 200 Russian tanks had been destroyed.", 200, "General Staff of Ukraine's Armed Forces"),
    ("About 6,000 Russian soldiers have been killed, a senior NATO military official said. The official said 400 "
     "tanks had been lost.", 400, "senior NATO military official"),
    ("Ukraine's Defence Ministry said 300 Russian marines were killed. It said 20 Russian tanks were destroyed.",
     20, "Ukraine's Defence Ministry"),
    # an office word before an organisation's noun is no title: not a "General" named "Staff"
    ("About 7,000 troops were moved, the General Staff said.", 7000, "General Staff"),
])
def test_a_short_source_goes_back_to_the_one_named_before(text, value, claimant):
    claims = _claims(text, title="News", side="", source="Wire")
    assert claims[value].claimant == claimant


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "side"), [
    # losses a reported side inflicts are the other side's
    ("Ukraine's Defence Ministry said its defenders destroyed 14 tanks and 9 drones near Bakhmut.", 14, "Russia"),
    ("Ukraine's Defence Ministry said its defenders destroyed 14 tanks and 9 drones near Bakhmut.", 9, "Russia"),
    # losses a side suffers are its own
    ("Russia has lost about 900 tanks since February, Britain's defence ministry said.", 900, "Russia"),
    # "the enemy" deploying, said by a side's spokesman
    ("The enemy has massed 30,000 troops near Kupiansk, Ivan Petrenko, a spokesman for Ukraine's eastern "
     "group of forces, said.", 30000, "Russia"),
    # a military body reporting losses nothing marks as anyone's: its own
    ("The Israeli military said four soldiers had been killed in southern Lebanon.", 4, "Israel"),
    # a sentence that joins two sides guesses no side for a force it counts
    ("The drills, which Russia and Belarus hold jointly, involve some 30,000 troops, the Russian defence ministry "
     "said.", 30000, ""),
])
def test_side_of_losses_inflicted_suffered_and_joint_forces(text, value, side):
    claims = _claims(text, title="News", side="", source="Wire")
    assert claims[value].side == side


@pytest.mark.model
@pytest.mark.parametrize(("text", "values"), [
    # "carriers" in a list of armour is no airline
    ("Ukrainian forces destroyed 40 Russian tanks, 60 armoured personnel carriers and 5 helicopters.", [5, 40, 60]),
    ("The carrier operates 20 aircraft and 3 helicopters.", []),
    # drones are military equipment
    ("Russia launched 42 attack drones and 4 missiles at Ukraine overnight.", [4, 42]),
])
def test_equipment_counts_in_lists_and_drones(text, values):
    claims = _claims(text, title="News", side="", source="Wire")
    assert sorted(claims) == values


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "claimant"), [
    # what qualifies an anonymous source stays with it
    ("Russia has moved about 20,000 troops to Belgorod, sources familiar with the matter told Reuters.", 20000,
     "sources familiar with the matter"),
    ("At least six Russian aircraft were destroyed at the airfield, a source in Ukraine's SBU security service "
     "told Reuters.", 6, "source in Ukraine's SBU security service"),
    ("Rebels led by the Northern Front said they had seized 12 government tanks.", 12,
     "Rebels led by the Northern Front"),
    # a descriptor before an organisation's name is not part of it
    ("More than 300 Russian tanks have been captured, according to the open-source intelligence project Oryx.",
     300, "Oryx"),
    # a decree's signer
    ("Russia is calling up 130,000 conscripts, according to a decree signed by President Vladimir Putin.", 130000,
     "Vladimir Putin"),
    # a trailing source the parse hangs the verb on
    ("Russia now has about 70 battalion tactical groups near Ukraine, up from 50, a senior US defense official "
     "estimated on Monday.", 70, "senior US defense official"),
])
def test_a_sources_qualifiers_and_descriptors(text, value, claimant):
    claims = _claims(text, title="News", side="", source="Wire")
    assert claims[value].claimant.lower() == claimant.lower()


@pytest.mark.model
def test_losses_inflicted_by_a_named_side_are_its_adversarys():
    claims = _claims("Ukrainian forces destroyed 25 tanks and 40 armoured vehicles near Izium, officials said.",
                     title="News", side="", source="Wire")
    assert (claims[25].side, claims[40].side) == ("Russia", "Russia")


@pytest.mark.model
@pytest.mark.parametrize(("text", "values"), [
    # a part of a counted whole
    ("Putin said 180,000 of the planned 250,000 reservists had been mobilised.", [180000, 250000]),
    # a part of what the sentence before counted
    ("About 9,000 North Korean troops were sent to Russia. Roughly 6,000 of them are now near Kursk.", [6000, 9000]),
    ("Putin said 200,000 reservists had been mobilised. Of those, 40,000 had joined combat units.", [40000, 200000]),
    # a number used as a noun with "the", after a count (read before this rule too: a guard)
    ("Russia now has 20,000 troops in Crimea, nearly double the 11,000 it had there last year.", [11000, 20000]),
    # no count before: nothing to carry
    ("Of those, 40,000 had joined the new party.", []),
])
def test_a_part_or_a_repeat_counts_what_came_before(text, values):
    claims = _claims(text, title="News", side="", source="Wire")
    assert sorted(claims) == values
    assert all(row.unit in ("reservists", "troops") for row in claims.values())


@pytest.mark.model
@pytest.mark.parametrize(("source", "text", "value", "side"), [
    # a news outlet speaks for no side: an unattributed loss is not "ITV News"'s
    ("ITV News", "Twelve soldiers were killed in the attack.", 12, ""),
    ("The Moscow Times", "The enemy lost up to 190 servicemen.", 190, ""),
    # an official body of a country speaks for it: "the enemy" is that country's adversary
    ("General Staff of the Armed Forces of Ukraine", "The enemy has also lost 3,499 tanks.", 3499, "Russia"),
    ("Ministry of Defence of the Russian Federation", "The enemy lost up to 190 servicemen.", 190, "Ukraine"),
])
def test_the_publishers_side_is_a_side_or_none(source, text, value, side):
    claims = _claims(text, title="", side=source, source=source)     # a folder reads a news side as its source
    assert (claims[value].side or "") == side


# --- quotations, turns run together, and whose losses -----------------------------------

@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "claimant", "side"), [
    # a quotation of several sentences in single marks, attributed at its end
    ("'We count 40 tanks on the far bank. More arrive every night,' said Colonel Ivan Sirko, "
     "who commands the brigade.", 40, "Ivan Sirko", ""),
    # the speaker's description names a side: their "we" is that side
    ("'We have deployed 4,500 soldiers to the border. More will come,' Polish Defence Minister "
     "Jan Nowak said on Monday.", 4500, "Jan Nowak", "Poland"),
    # a side named only inside a clause of the description is not the speaker's
    ("'We have deployed 4,500 soldiers to the border. More will come,' said Jan Nowak, a minister "
     "who met Lithuanian officers.", 4500, "Jan Nowak", ""),
])
def test_a_quotation_is_spoken_by_and_for_whom_its_end_names(text, value, claimant, side):
    claims = _claims(text, title="Poland moves troops", side="Reuters", source="Reuters")
    assert (claims[value].claimant, claims[value].side) == (claimant, side)


@pytest.mark.model
def test_a_turn_is_not_claimed_by_whom_the_turn_before_named():
    text = ("Vladimir Putin: Please report on the front. Valery Gerasimov: The enemy grouping that entered "
            "the region has been stopped. Over the week its losses amounted to more than 2,000 servicemen.")
    claims = _claims(text, title="Meeting on the situation", side="Russia", source="President of Russia")
    assert (claims[2000].claimant, claims[2000].side, claims[2000].category) == (
        "Valery Gerasimov", "Ukraine", "killed")      # "its" goes back to the enemy grouping


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "value", "side"), [
    ("The enemy's losses over the past day amounted to 640 personnel.", "General Staff of the Armed Forces of Ukraine",
     640, "Russia"),
    ("Russian casualties stood at 1,300 soldiers, the ministry said.", "General Staff of the Armed Forces of Ukraine",
     1300, "Russia"),
    # a publisher that is an office speaks for its country: "the enemy" is its adversary
    ("The enemy has lost 500 soldiers.", "President of Russia", 500, "Ukraine"),
])
def test_whose_losses_a_losses_subject_names(text, source, value, side):
    claims = _claims(text, title="Update", side=source, source=source)
    assert (claims[value].side, claims[value].category) == (side, "killed")


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "value", "side", "claimant"), [
    # "the aggressor state" is the enemy; an intelligence agency of a side speaks for it
    ("The aggressor state has concentrated more than 350,000 servicemen near the front.",
     "Defence Intelligence of Ukraine", 350000, "Russia", "Defence Intelligence of Ukraine"),
    # "according to our data" is the speaker's own claim
    ("According to our data, the enemy keeps 40 warships in the Black Sea.", "Naval Forces of the Armed Forces "
     "of Ukraine", 40, "Russia", "Naval Forces of the Armed Forces of Ukraine"),
    # a list of losses after a colon: still the losses the subject names
    ("The total losses of the enemy amounted to approximately: personnel - about 95,000 (+520 over the past day).",
     "General Staff of the Armed Forces of Ukraine", 95000, "Russia", "General Staff of the Armed Forces of Ukraine"),
])
def test_a_statements_own_words_for_the_enemy_and_its_data(text, source, value, side, claimant):
    claims = _claims(text, title="Update", side=source, source=source)
    assert (claims[value].side, claims[value].claimant) == (side, claimant)


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "side"), [
    # an office of the speaker's own government ("the Secretary") deploys the speaker's side's forces
    ("MS. BENNETT: The Secretary has put 2,500 soldiers on heightened alert.", 2500, "United States"),
    ("MS. BENNETT: The Secretary of Defense has ordered 1,800 more troops to Romania.", 1800, "United States"),
    # unless the office names another country
    ("MS. BENNETT: The President of Russia has sent 60,000 troops to the border.", 60000, "Russia"),
])
def test_an_office_of_the_speakers_government_deploys_its_forces(text, value, side):
    claims = _claims(text, title="Press Briefing by Press Secretary Ann Bennett", side="United States",
                     source="The White House")
    assert claims[value].side == side


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "value", "side"), [
    # "it" goes back to "the enemy" of the sentence before
    ("The enemy has had to pull back from the river. It has moved more than 6,000 soldiers to the south.",
     "President of Ukraine", 6000, "Russia"),
    # "the group's fighters": the group named before
    ("Hamas leader Yahya Sinwar said 70 of the group's fighters had been killed.", "Reuters", 70, "Hamas"),
    # pairs of adversaries besides Russia and Ukraine (claim_adversaries.csv)
    ("The enemy lost 40 soldiers in the attack on our positions.", "Ministry of Defence of Azerbaijan", 40,
     "Armenia"),
    # "placed up to 2,000 troops", which the parser reads as "placed up" + "to 2,000 troops"
    ("MR. DAVIS: The Secretary has placed up to 2,000 troops on alert.", "U.S. Department of Defense", 2000,
     "United States"),
    # "the build-up" is what was named before the estimator, not the estimator's own
    ("Russia has gathered troops in Crimea. Kyiv puts the build-up lower, at 30,000 soldiers.", "Reuters", 30000,
     "Russia"),
    # a one-sentence quotation: "our forces" are the side the speaker's description names
    ("'Our units destroyed 9 tanks near the river,' the Russian defence ministry said.", "Reuters", 9, "Ukraine"),
    # the force a verb brings to the figure: its own "the Armed Forces" for a presidency
    ("The minister proposed raising the strength of the Armed Forces to 1.2 million servicemen.",
     "President of Russia", 1200000, "Russia"),
    ("Lithuania will expand its army to 23,000 soldiers by 2030.", "Reuters", 23000, "Lithuania"),   # guard
    # forces a body was sent "with", when the verb describes the body
    ("Poland's contingent, sent to the base with 300 soldiers, returned home in May.", "Reuters", 300, "Poland"),
    # forces deployed by no one named, in a side's own statement: the side's
    ("Wagner fighters remain in Belarus. About 5,000 soldiers will be deployed in the area.",
     "Ministry of National Defence of the Republic of Poland", 5000, "Poland"),
    ("More than 100,000 troops have been deployed along the border of Ukraine.",
     "Ministry of Foreign Affairs of Ukraine", 100000, "Russia"),   # guard: at a border, the border decides
])
def test_whose_forces_a_statement_counts(text, source, value, side):
    """Sides read from what the words go back to: "it", "the group", "the enemy", an
    office, an estimate's thing, a quotation's speaker, a verb's object or "with"."""
    claims = _claims(text, title="Update", side=source, source=source)
    assert claims[value].side == side


@pytest.mark.model
def test_weapons_the_enemy_strikes_with_are_the_adversarys():
    text = "Overnight the enemy attacked the port of Odesa with 40 drones and 6 cruise missiles."
    claims = _claims(text, title="Update", side="Ukraine", source="Air Force of the Armed Forces of Ukraine")
    assert (claims[40].side, claims[6].side) == ("Russia", "Russia")


# a bare role is the one person holding it in the publisher's country, also when the publisher is
# given as an office or a press service of that country rather than as the country
@pytest.mark.parametrize(("side", "country", "president"), [
    ("Russia", "Russia", "Vladimir Putin"),
    ("President of Russia (Kremlin)", "Russia", "Vladimir Putin"),
    ("President of Ukraine", "Ukraine", "Volodymyr Zelenskyy"),
    ("The White House", "United States", "Joe Biden"),           # a seat of government
    ("U.S. Department of Defense", "United States", "Joe Biden"),
    ("The Moscow Times", "", ""),                 # guard: a news outlet names no country
    ("", "", ""),
])
def test_the_publishers_country_holds_its_offices(side, country, president):
    assert speakers.home_country(side) == country
    assert speakers.voices("The President said so.", side=side, entries=ENTRIES).holder_of("the President") == president


# "THE PRESIDENT:" under a publisher named by its seat; "the Head of State" of a Ukrainian presidency's
# text, and "he" after it, are its President
@pytest.mark.model
def test_a_role_under_a_publisher_named_by_its_seat_and_the_head_of_state():
    briefing = _claims("Remarks by the President on Russia\nTHE PRESIDENT: There are 150,000 Russian troops "
                       "on the border.\n", title="", side="The White House", source="The White House")
    assert briefing[150000].claimant == "Joe Biden"
    readout = _claims("Volodymyr Zelenskyy had a phone conversation with Prime Minister of Canada Justin Trudeau. "
                      "The Head of State told the Prime Minister about the defence of Kyiv. He noted that the "
                      "occupiers had lost about 5,000 servicemen in a week. The Head of State said that the army "
                      "now numbers 250,000 personnel.", title="", side="President of Ukraine",
                      source="President of Ukraine")
    assert (readout[5000].claimant, readout[250000].claimant) == ("Volodymyr Zelenskyy", "Volodymyr Zelenskyy")


def test_a_surname_is_given_the_full_name_with_its_initial():
    text = "Secretary of Defense Lloyd J. Austin III met the minister."
    assert speakers.full_name("Austin", text=text) == "Lloyd J. Austin"


# personnel a speaker counts in their own turn, with no other side named: the speaker's side's; not
# forces the speaker sees or reports, says exist, or sets against another, nor a publisher's bare count
@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "value", "side"), [
    ("Briefing\nMR. DAVIS: In total, we are talking about up to 8,500 personnel.\n",
     "U.S. Department of Defense", 8500, "United States"),
    ("Meeting\nSergei Shoigu: The snap inspection has involved more than 65,000 personnel.\n",
     "President of Russia", 65000, "Russia"),
    ("Briefing\nMR. DAVIS: We saw an additional 7,000 troops.\n", "U.S. Department of Defense", 7000, ""),
    ("Briefing\nMR. DAVIS: There are some 150,000 troops now.\n", "U.S. Department of Defense", 150000, ""),
    ("Briefing\nMR. DAVIS: About 150,000 troops are around Ukraine.\n", "U.S. Department of Defense", 150000, ""),
    ("Speech\nMR. DAVIS: Half a million soldiers subdued the country.\n", "U.S. Department of Defense", 500000, ""),
    ("In total, 8,500 personnel are on alert.", "U.S. Department of Defense", 8500, ""),
])
def test_personnel_a_speaker_counts_are_the_speakers_sides(text, source, value, side):
    claims = _claims(text, title="", side=source, source=source)
    assert claims[value].side == side


# an armed service named for its state; forces a side arrays; a movement of troops an office approves;
# batteries a speaker's "we" repositions
@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "value", "side"), [
    ("Four RAF jets landed at an air base in Romania on Monday.", "Reuters", 4, "United Kingdom"),
    ("The Bundeswehr has about 183,000 soldiers.", "Reuters", 183000, "Germany"),
    ("Of the 150,000 troops that Moscow had arrayed around Ukraine, most have crossed.", "Reuters", 150000,
     "Russia"),
    ("Briefing\nMR. DAVIS: The President has approved the movement of about 2,000 troops to Poland.\n",
     "U.S. Department of Defense", 2000, "United States"),
    ("Briefing\nMR. DAVIS: We are repositioning two Patriot batteries to Poland.\n",
     "U.S. Department of Defense", 2, "United States"),
])
def test_named_services_and_verbs_of_deployment(text, source, value, side):
    claims = _claims(text, title="", side=source, source=source)
    assert claims[value].side == side


# how far a named source's reported speech goes in a news report: not past a source set after its
# report by a comma ("..., X announced"), and not into a sentence in the present tense
@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "claimant"), [
    ("Britain is sending 250 Royal Marines from 40 Commando to Lithuania, Defence Secretary Ben Wallace announced "
     "on Tuesday, joining the Royal Engineers who deployed there in January. About 700 British troops were sent "
     "to Latvia last year.", 700, "Reuters"),
    ("Britain is sending 250 Royal Marines to Lithuania, Defence Secretary Ben Wallace announced on Tuesday. "
     "About 700 British troops were sent to Latvia last year.", 700, "Reuters"),
    ("President Anne Roux announced on Thursday that France would pull its troops out of Chad. Some 1,400 "
     "French soldiers are currently deployed there.", 1400, "Reuters"),
    ("President Anne Roux announced on Thursday that France would pull its troops out of Chad. Twelve French "
     "soldiers have been killed there since 2019.", 12, "Reuters"),
    # guards: reported speech in the past goes on; so does a presidency's own account in the present
    ("Minister Ivan Petrenko said on Friday that the enemy had attacked at dawn. About 40 soldiers were "
     "wounded in the fighting.", 40, "Ivan Petrenko"),
    # ... and a quotation goes on after the one its source closes, even in the present
    ("Russia has massed up to 50,000 troops near Kupiansk, Ukraine's top general said on Monday. \"The enemy "
     "keeps attacking on this front,\" Oleksandr Syrskyi wrote on Telegram. \"In the past week, it has lost "
     "1,900 men there.\"", 1900, "Oleksandr Syrskyi"),
])
def test_how_far_reported_speech_goes_in_a_news_report(text, value, claimant):
    claims = _claims(text, title="", side="Reuters", source="Reuters")
    assert claims[value].claimant == claimant


# a speaker's side from the words the title or header gives them, when the dictionary and the label
# give none; not words said of the other person a title names
def test_a_speakers_side_from_how_the_header_describes_them():
    text = ("Briefing by the spokesman of the Operational Command of the Armed Forces of Ukraine, Ivan Hordiy\n"
            "IVAN HORDIY: Good afternoon.\nQ: Any news?\nIVAN HORDIY: None.\n")
    assert speakers.voices(text, side="Radio Svoboda").side_of == {"Ivan Hordiy": "Ukraine"}
    title = "Secretary Mark Lowry and Polish Defence Minister Adam Nowak at a Joint Press Availability"
    text = "MARK LOWRY: Welcome.\nADAM NOWAK: Thank you.\n"
    assert speakers.voices(text, title=title, side="U.S. Department of State").side_of == {
        "Mark Lowry": "U.S. Department of State", "Adam Nowak": "Poland"}


@pytest.mark.model
def test_the_enemy_of_a_speaker_the_header_describes():
    text = ("Briefing by the spokesman of the Operational Command of the Armed Forces of Ukraine, Ivan Hordiy\n"
            "IVAN HORDIY: Over the past day the enemy lost up to 90 servicemen killed.\n")
    claims = _claims(text, title="", side="Radio Svoboda", source="Radio Svoboda")
    assert (claims[90].side, claims[90].claimant) == ("Russia", "Ivan Hordiy")


# "our losses" in a speaker's turn are the speaker's side's, even after the enemy's were counted
@pytest.mark.model
@pytest.mark.parametrize(("text", "sides"), [
    ("Sergei Shoigu: Over the past week up to 900 enemy servicemen were killed.\n"
     "Vladimir Putin: What about our losses?\n"
     "Sergei Shoigu: Our losses over this period were 40 servicemen killed and 95 wounded.\n",
     {900: "Ukraine", 40: "Russia", 95: "Russia"}),
    ("Sergei Shoigu: Over the past week up to 900 enemy servicemen were killed.\n"
     "Vladimir Putin: And theirs?\n"
     "Sergei Shoigu: The enemy's losses over this period were 300 servicemen killed.\n",
     {900: "Ukraine", 300: "Ukraine"}),                                                   # guard
])
def test_our_losses_are_the_speakers_side(text, sides):
    claims = _claims(text, title="Meeting with Defence Minister Sergei Shoigu", side="Russia",
                     source="President of Russia (Kremlin)")
    assert {value: row.side for value, row in claims.items()} == sides


# those counted are no source of their own count
@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "claimant"), [
    ("MR. KIRBY:  Since May, 59 U.S. personnel have reported minor injuries.", 59, "John Kirby"),
    ("MR. KIRBY:  Forty sailors reported injuries after the strike, the Navy said.", 40, "Navy"),
    ("MR. KIRBY:  The commander reported that 30 marines had landed.", 30, "commander"),          # guard
])
def test_the_counted_do_not_report_their_own_count(text, value, claimant):
    claims = _claims(text, title="Press Briefing by Press Secretary John Kirby", side="United States",
                     source="U.S. Department of Defense")
    assert claims[value].claimant == claimant


# a label in title case of a rank or office and a name opens a turn, as "Vladimir Putin:" does; an
# interviewer's, reporter's or anchor's label, in either case and with an outlet after it, opens a question
@pytest.mark.parametrize(("text", "title", "expected"), [
    ("Daily briefing of the defence ministry.\nSpokeswoman Ilse Varga: Two brigades moved north.\n"
     "Q: Where to?\nSpokeswoman Ilse Varga: I cannot say.", "",
     [("Spokeswoman Ilse Varga", "Ilse Varga", False), ("Q", speakers.REPORTER, True),
      ("Spokeswoman Ilse Varga", "Ilse Varga", False)]),
    ("Major General Tomas Brandt: We hold the bridge.\nREPORTER (Radio Nord): How many tanks did you lose?",
     "", [("Major General Tomas Brandt", "Tomas Brandt", False), ("Q", speakers.REPORTER, True)]),
    # a rank and a surname: the full name the header gives
    ("Witness: Rear Admiral Hugo Lind, Chief of Navy.\nRear Adm. Lind: Six ships are at sea.\n"
     "ANCHOR: And the seventh?", "",
     [("Rear Adm. Lind", "Hugo Lind", False), ("Q", speakers.REPORTER, True)]),
    ("INTERVIEWER: Colonel, how many did you lose?\nCOL. ABARA: Fewer than they say.", "",
     [("Q", speakers.REPORTER, True), ("COL. ABARA", "Abara", False)]),
])
def test_turns_of_ranks_offices_and_interviewers(text, title, expected):
    found = speakers.turns(text, title=title, side="", entries=ENTRIES)
    assert [(t.label, t.speaker, t.question) for t in found] == expected


@pytest.mark.parametrize("text", [
    "Operation Northern Shield: the army moved at dawn.",     # a name of three capitalised words, no office in it
    "Presenter: Ana Lindqvist, spokesperson of the ministry.",  # a header line, not a turn
])
def test_a_capitalised_name_before_a_colon_is_no_turn(text):
    assert speakers.turns(text, title="", side="", entries=ENTRIES) == ()


# "Statement by <office>, <rank> <name>": the person who holds the office gives the statement
@pytest.mark.parametrize(("text", "voice"), [
    ("Statement by the spokesman of the Northern Command, Colonel Amir Haddad. Our units hold the pass.",
     "Amir Haddad"),
    ("Statement by the Official Spokesman of the Armed Forces, Brigadier General Ines al-Masri. We repelled them.",
     "Ines al-Masri"),
    ("Statement by the Ministry of Defence, Kyiv. Today our units hold the line.", ""),      # guard: a place
    # a briefing, a statement someone delivered, and an opening sentence in which someone makes one
    ("Briefing by the official spokesman of the Ministry of Defence, Colonel Amir Haddad, 2 May 2023.\nOur units "
     "hold the pass.", "Amir Haddad"),
    ("Oral statement to Parliament: Update on the Baltic. Delivered by the Secretary of State for Defence, the Rt Hon "
     "Anna Kerr MP, 4 June 2023.\nMr Speaker, our units hold.", "Anna Kerr"),
    ("Official spokesman of the Ministry of Defence Colonel Amir Haddad made the following statement. Our units hold.",
     "Amir Haddad"),
    ("The spokesman of the Northern Command, Colonel Amir Haddad, reported: our units hold the pass.", "Amir Haddad"),
    ("The ministry reported: our units hold the pass.", ""),                                 # guard: no person
    ("KYIV (Reuters) - Ukraine said on Monday that its units hold the pass.", ""),            # guard: news
])
def test_an_office_then_its_holder_in_an_opening_title(text, voice):
    assert speakers.voice(speakers.heading(text), side="", entries=ENTRIES) == voice


def test_a_title_cut_at_a_preposition_names_no_place_after_a_comma():
    # guard: "Warsaw" after the comma is no person, and the title is read as before
    assert speakers.voice("Remarks by President Biden on Ukraine, Warsaw", side="United States",
                          entries=ENTRIES) == "Joe Biden"


def test_a_place_after_a_comma_in_a_title_is_no_voice():
    assert speakers.voice("Statement by the President on the strike on the railway station, Vinnytsia Oblast",
                          side="", entries=()) == ""


@pytest.mark.model
def test_what_a_question_says_the_one_asked_said_is_theirs():
    text = ("Press Conference by Secretary of the Army Dana Whitfield\n"
            "SECRETARY WHITFIELD: Good afternoon.\n"
            "Q: Madam Secretary, last month you said that 4,000 soldiers would go to Romania. Is that still the plan?\n"
            "SECRETARY WHITFIELD: It is.\n"
            "Q: Do you have 6,000 more troops ready? And do you believe there are 9,000 troops at the border?\n"
            "SECRETARY WHITFIELD: I won't speculate.\n")
    claims = _claims(text, title="Press Conference by Secretary of the Army Dana Whitfield", side="United States",
                     source="U.S. Department of Defense")
    assert claims[4000].claimant == "Dana Whitfield"
    assert "question" in claims[4000].flags
    assert claims[6000].claimant == speakers.REPORTER            # guard: the reporter's own figure
    assert claims[9000].claimant == speakers.REPORTER            # guard: asked about, not said


# labels as other transcripts write them: an asker's outlet in brackets, an answer's label that names who
# answers in its brackets, a dash before a turn, a surname alone or in capitals with what the speaker is in
# brackets (the full name from the header), an acronym or a mixed-case rank in a name, and an office alone
# after a header that names its holder before it
@pytest.mark.parametrize(("text", "expected"), [
    ("Question (Radio Baltica): How many troops are in the north?\nMinister Kaspar Tamm: About 3,000.",
     [("Q", speakers.REPORTER, True), ("Minister Kaspar Tamm", "Kaspar Tamm", False)]),
    ("QUESTION (Shri R. Kumar): Will the Minister state the losses?\n"
     "ANSWER (Minister of State for Defence, Shri Arvind Menon): Fourteen soldiers were killed.",
     [("Q", speakers.REPORTER, True),
      ("Minister of State for Defence, Shri Arvind Menon", "Arvind Menon", False)]),
    ("Interview of Prime Minister Lena Holm.\n— Reporter: Are you sending more troops?\n— Lena Holm: Yes, 200.",
     [("Q", speakers.REPORTER, True), ("Lena Holm", "Lena Holm", False)]),
    ("Evening Report. Guest: Major General (ret.) Tom Keller.\nHOST: Is the line holding?\n"
     "KELLER (former chief of staff): It is, with 5,000 troops.",
     [("Q", speakers.REPORTER, True), ("KELLER", "Tom Keller", False)]),
    ("Press conference.\nEU High Representative Marta Sola: We have 1,200 trainers there.",
     [("EU High Representative Marta Sola", "Marta Sola", False)]),
    ("Briefing by Navy Spokesman VAdm. Chidi Okafor.\nVAdm. Okafor: Two frigates left port.",
     [("VAdm. Okafor", "Chidi Okafor", False)]),
    ("A talk with President Ilona Varga of Freedonia.\nInterviewer: How many did you lose?\nVarga: Fewer than 90.",
     [("Q", speakers.REPORTER, True), ("Varga", "Ilona Varga", False)]),
    ("Daily briefing by Ana Petrov, Spokeswoman for the Mission.\nSpokeswoman: Three patrols were fired on.",
     [("Spokeswoman", "Ana Petrov", False)]),
    ("Debate in the Assembly.\nMr. Ibn-Saleh Abd Al-Rahim Qasim (Yemen): The militia lost 300 fighters.",
     [("Mr. Ibn-Saleh Abd Al-Rahim Qasim", "Ibn-Saleh Abd Al-Rahim Qasim", False)]),
    # an office in capitals and its holder in brackets; a name in capitals after a courtesy title
    ("QUESTION NO. 7.\nSHRI A. MEHTA: Will the Minister state the losses?\n"
     "THE MINISTER OF STATE IN THE MINISTRY OF HOME AFFAIRS (SHRI KIRAN BHATT): Nine personnel were killed.",
     [("SHRI A. MEHTA", "A. Mehta", False), ("SHRI KIRAN BHATT", "Kiran Bhatt", False)]),
    # guard: what the brackets say of a named speaker is not who speaks
    ("Hearing on readiness.\nSENATOR OWENS (D-Vt.): How many brigades are ready?",
     [("SENATOR OWENS", "Owens", False)]),
])
def test_labels_of_other_transcript_styles(text, expected):
    found = speakers.turns(text, title="", side="", entries=ENTRIES)
    assert [(t.label, t.speaker, t.question) for t in found] == expected


@pytest.mark.parametrize("text", [
    "Fighting went on in western Ukraine.\nUkraine: the week in numbers.",   # a country's name, not a surname
    "Officers met Carl Brandt on Monday.\nSelection: twelve were chosen.",   # a word no name there ends in
    "Answer: yes, twelve of them.",                                         # an answer label names nobody
])
def test_a_single_capitalised_word_that_names_no_one_opens_no_turn(text):
    assert speakers.turns(text, title="", side="", entries=ENTRIES) == ()


# equipment another side hands over with no receiver named goes to the side that speaks, when that side
# is a party at war others arm; not in a text of its enemy's, nor of a news agency's
@pytest.mark.model
@pytest.mark.parametrize(("source", "side"), [
    ("Ministry of Defence of Ukraine", "Ukraine"),
    ("President of Russia", "Norway"),          # guard
    ("Reuters", "Norway"),                      # guard
])
def test_equipment_handed_over_to_the_side_that_speaks(source, side):
    claims = _claims("Norway has delivered eight self-propelled howitzers, the minister said.", title="",
                     side=source, source=source)
    assert claims[8].side == side


# in a reporter's question, "your army" is the side addressed: the one whose interview or briefing it is
@pytest.mark.model
def test_your_losses_in_a_question_are_the_side_addressed():
    text = ("Interview of President Aram Tevan to Radio East.\n"
            "Journalist: Mr President, your neighbours say your army has lost 900 soldiers. Is that true?\n"
            "Aram Tevan: No.\n")
    claims = _claims(text, title="", side="Armenia", source="Office of the President of Armenia")
    assert claims[900].side == "Armenia"


@pytest.mark.model
def test_your_losses_outside_a_question_are_no_side_addressed():
    # guard: in an address, "your" may be anyone's
    text = "Address by President Aram Tevan.\nYour army has lost 900 soldiers, they tell you. It is not so.\n"
    claims = _claims(text, title="", side="Armenia", source="Office of the President of Armenia")
    assert claims[900].side != "Armenia"


@pytest.mark.model
def test_forces_sent_with_no_receiver_stay_the_senders():
    # guard: "send" also deploys the sender's own, so it names no receiver for the side that speaks
    claims = _claims("Belarus has sent 20 more tanks, the minister said.", title="",
                     side="Ministry of Defence of Ukraine", source="Ministry of Defence of Ukraine")
    assert claims[20].side != "Ukraine"


# a tally of losses, as a general staff publishes it: each item's name, a dash, its count and the day's
# change in brackets; the items are the losses' owner's (the enemy: the speaker's adversary), the people
# killed, the equipment lost
@pytest.mark.model
def test_a_tally_of_the_enemys_losses():
    text = ("The enemy's total combat losses since the start of the invasion are approximately: personnel — about "
            "41,300 (+350); tanks — 1,650 (+9); armoured fighting vehicles — 3,920 (+14); helicopters — 190.")
    claims = _claims(text, title="", side="Ukraine", source="General Staff of the Armed Forces of Ukraine")
    assert {value: (row.unit, row.side, row.category) for value, row in claims.items()} == {
        41300: ("personnel", "Russia", "killed"), 350: ("personnel", "Russia", "killed"),
        1650: ("tanks", "Russia", "force_size"), 9: ("tanks", "Russia", "force_size"),
        3920: ("armoured fighting vehicles", "Russia", "force_size"),
        14: ("armoured fighting vehicles", "Russia", "force_size"),
        190: ("helicopters", "Russia", "force_size")}
    assert all("losses" in claims[value].flags for value in (1650, 9, 3920, 14, 190))


@pytest.mark.model
def test_a_tally_of_losses_with_commas_and_en_dashes():
    text = "The enemy's losses to date are about: tanks – 410, armoured fighting vehicles – 1,120, helicopters – 37."
    claims = _claims(text, title="", side="Ukraine", source="General Staff of the Armed Forces of Ukraine")
    assert {value: (row.unit, row.side) for value, row in claims.items()} == {
        410: ("tanks", "Russia"), 1120: ("armoured fighting vehicles", "Russia"), 37: ("helicopters", "Russia")}


@pytest.mark.model
def test_a_tally_that_is_no_loss_list():
    # guard: items of a list of what a package holds are counted, as no one's losses
    text = "The new package holds: howitzers — 18; armoured vehicles — 200; radars — 10."
    claims = _claims(text, title="", side="United States", source="U.S. Department of Defense")
    assert {value: (row.unit, row.category) for value, row in claims.items()} == {
        18: ("howitzers", "force_size"), 200: ("armoured vehicles", "force_size")}
    assert not any("losses" in row.flags for row in claims.values())


@pytest.mark.model
def test_a_count_set_off_by_dashes_is_no_tally():
    # guard: one count between dashes in prose counts the noun after it
    claims = _claims("Two brigades of Freedonian soldiers – some 9,000 troops – fell back from the river.", title="",
                     side="Reuters", source="Reuters")
    assert claims[9000].unit == "troops"


@pytest.mark.model
def test_a_tally_listed_one_item_a_line():
    # a general staff's tally with one item a line, hyphens for dashes, under a heading that ends in a colon
    text = ("General Staff update. Operational information as of 08:00 on 3 May 2023.\n"
            "The total combat losses of the enemy from 24.02.2022 to 03.05.2023 were approximately:\n"
            "personnel - about 190,740 (+500 over the past day),\ntanks - 3,700,\narmoured combat vehicles - 7,190,\n"
            "helicopters - 290.\nThe enemy keeps shelling the city.")
    claims = _claims(text, title="", side="Ukraine", source="General Staff of the Armed Forces of Ukraine")
    assert {value: (row.unit, row.side) for value, row in claims.items()} == {
        190740: ("personnel", "Russia"), 500: ("personnel", "Russia"), 3700: ("tanks", "Russia"),
        7190: ("combat vehicles", "Russia"), 290: ("helicopters", "Russia")}


@pytest.mark.model
def test_one_dashed_count_between_lines_of_prose_is_no_tally():
    # guard: a dashed count on a line whose neighbours hold none counts the noun after it
    text = ("The river was quiet at dawn.\nOfficials said Freedonian troops - some 9,000 soldiers - had crossed it.\n"
            "The bridge held.")
    claims = _claims(text, title="", side="Reuters", source="Reuters")
    assert claims[9000].unit == "soldiers"
