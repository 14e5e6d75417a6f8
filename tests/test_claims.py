"""Table-driven tests of the troop-figure claims extractor (`core.extract.claims`).

Each case is one sentence and the plain values of the single claim expected
in it: (text, value, low, high, qualifier, unit, category, side, claimant).
The English model loads once per module. Run:

    .venv/bin/python -m pytest tests/test_claims.py -q
"""
from __future__ import annotations

from datetime import date

import pytest

from core.extract.claims import find_figures, iter_claims, lexicons, side_of_term
from core.records import NEARBY_SIDE_FLAG, Claim, Timex

pytestmark = pytest.mark.model

PUBLISHED = date(2022, 2, 13)
R, U, US, UK, BY = "Russia", "Ukraine", "United States", "United Kingdom", "Belarus"
F, K, W, C, M = "force_size", "killed", "wounded", "captured", "missing"


@pytest.fixture(scope="module")
def nlp():
    from core.extract.model import load_model

    return load_model()


def _claims(nlp, text: str, **options) -> list[Claim]:
    return list(iter_claims(nlp(text), published=options.pop("published", PUBLISHED), **options))


def _plain(claim: Claim) -> tuple:
    return (claim.value, claim.low, claim.high, claim.qualifier, claim.unit,
            claim.category, claim.side, claim.claimant)


CASES = [
    # plain digits and separators
    ("Russia has deployed 130,000 troops to Belarus.", 130000, None, None, "", "troops", F, R, ""),
    ("Russia has deployed 130 000 troops to Belarus.", 130000, None, None, "", "troops", F, R, ""),
    ("Russia has sent 2000 troops to Belarus.", 2000, None, None, "", "troops", F, R, ""),
    ("The US will send 3,000 more troops to Poland and Romania.", 3000, None, None, "", "troops", F, US, ""),
    ("Britain is sending 350 Royal Marines to Poland.", 350, None, None, "", "marines", F, UK, ""),
    ("The Pentagon said it saw 7,000 additional Russian troops.", 7000, None, None, "", "troops", F, R, "Pentagon"),
    ("Russia has more than 1,200 tanks near the border.", 1200, 1200, None, "more than", "tanks", F, R, ""),
    ("Russia has 500 armoured vehicles in Crimea.", 500, None, None, "", "armoured vehicles", F, R, ""),
    ("Russia has 500 armored vehicles in Crimea.", 500, None, None, "", "armored vehicles", F, R, ""),
    ("Moscow has moved 40 warships into the Black Sea.", 40, None, None, "", "warships", F, R, ""),
    ("Russia has stationed 120 helicopters in Belarus.", 120, None, None, "", "helicopters", F, R, ""),
    ("Russia has 30,000 reservists on standby.", 30000, None, None, "", "reservists", F, R, ""),
    ("Belarus has 45,000 servicemen.", 45000, None, None, "", "servicemen", F, BY, ""),
    ("Ukraine has mobilised 200 fighters from the territorial defence.", 200, None, None, "", "fighters", F, U, ""),
    # suffixes and scale words
    ("The Kremlin has amassed 130k troops.", 130000, None, None, "", "troops", F, R, ""),
    ("Moscow has amassed 1.2 million soldiers.", 1200000, None, None, "", "soldiers", F, R, ""),
    ("Ukraine has 1.5m personnel, including reservists.", 1500000, None, None, "", "personnel", F, U, ""),
    # spelled-out numbers
    ("Russia has a hundred thousand troops on the border.", 100000, None, None, "", "troops", F, R, ""),
    ("Two dozen warships have sailed into the Black Sea.", 24, None, None, "", "warships", F, "", ""),
    ("Fifty soldiers are missing.", 50, None, None, "", "soldiers", M, "", ""),
    ("Twenty-five thousand Russian troops are in Belarus.", 25000, None, None, "", "troops", F, R, ""),
    ("Half a million reservists could be called up in Russia.", 500000, None, None, "", "reservists", F, "", ""),  # "in Russia" is a place, not a side
    ("Some ten thousand paratroopers were flown in.", 10000, None, None, "about", "paratroopers", F, "", ""),
    # vague counts: value None, least meaning as low, flag "vague"
    ("Thousands of troops arrived in Belarus.", None, 1000, None, "", "troops", F, "", ""),
    ("Tens of thousands of Russian troops are in Belarus.", None, 10000, None, "", "troops", F, R, ""),
    ("Hundreds of Russian tanks are parked near Yelnya.", None, 100, None, "", "tanks", F, R, ""),
    ("Several thousand Belarusian soldiers joined the drills.", None, 1000, None, "", "soldiers", F, BY, ""),
    # ranges: value = high, qualifier "between"
    ("Russia has massed between 100,000 and 130,000 troops near the border.", 130000, 100000, 130000, "between", "troops", F, R, ""),
    ("Officials said there were 7,000-15,000 soldiers in the region.", 15000, 7000, 15000, "between", "soldiers", F, "", "officials"),
    ("Estimates of Russian troops in Crimea range from 20,000 to 30,000.", 30000, 20000, 30000, "between", "troops", F, R, ""),
    ("Russia has 1.2 to 1.5 million troops in total.", 1500000, 1200000, 1500000, "between", "troops", F, R, ""),
    ("Advanced detachments of Russian forces numbering two or three tanks have appeared.", 3, 2, 3, "between", "tanks", F, R, ""),
    ("Kyiv says 10\u201312 Russian brigades are near Kharkiv.", 12, 10, 12, "between", "brigades", F, R, "Kyiv"),
    # approximate cues and bounds
    ("Some 30,000 Russian troops are in Belarus for drills.", 30000, None, None, "about", "troops", F, R, ""),
    ("About 100 tanks were seen near Yelnya.", 100, None, None, "about", "tanks", F, "", ""),
    ("Around 5,000 paratroopers landed.", 5000, None, None, "about", "paratroopers", F, "", ""),
    ("Roughly 60 warplanes took part.", 60, None, None, "about", "warplanes", F, "", ""),
    ("Approximately 80 jets flew over the area.", 80, None, None, "about", "jets", F, "", ""),
    ("An estimated 130,000 Russian troops are on the border.", 130000, None, None, "estimated", "troops", F, R, ""),
    ("Nearly 3,000 US soldiers will deploy to Poland.", 3000, None, 3000, "nearly", "soldiers", F, US, ""),
    ("Almost 200 helicopters took part.", 200, None, 200, "nearly", "helicopters", F, "", ""),
    ("As many as 175,000 troops could be involved, US intelligence estimates.", 175000, None, 175000, "up to", "troops", F, "", "US intelligence"),
    ("Russia could deploy up to 190,000 troops, the US ambassador said.", 190000, None, 190000, "up to", "troops", F, R, "US ambassador"),
    ("More than 100,000 Russian troops are stationed along the border.", 100000, 100000, None, "more than", "troops", F, R, ""),
    ("Over 60 BTGs are in position.", 60, 60, None, "more than", "btgs", F, "", ""),
    ("At least 100 battalion tactical groups are ready.", 100, 100, None, "at least", "battalion tactical groups", F, "", ""),
    ("Fewer than 1,000 troops remain.", 1000, None, 1000, "fewer than", "troops", F, "", ""),
    ("Less than 40 warplanes were used.", 40, None, 40, "fewer than", "warplanes", F, "", ""),
    ("The number of Russian forces is up to more than 130,000.", 130000, 130000, None, "more than", "forces", F, R, ""),
    ("Russia has 10,000 troops or more in Transnistria.", 10000, 10000, None, "more than", "troops", F, R, ""),
    # constructions: figure and noun apart
    ("Russian troops numbering 100,000 are at the border.", 100000, None, None, "", "troops", F, R, ""),
    ("A 100,000-strong force is near Kharkiv.", 100000, None, None, "", "force", F, "", ""),
    ("Moscow's forces, some 130,000 strong, are massing.", 130000, None, None, "about", "forces", F, R, ""),
    ("The number of troops in Belarus is 30,000.", 30000, None, None, "", "troops", F, "", ""),
    ("Ukraine's armed forces number some 250,000 personnel.", 250000, None, None, "about", "personnel", F, U, ""),
    ("Russia has about 70% of the forces it needs for an invasion.", 70, None, None, "about", "percent", F, R, ""),
    # sides: demonyms, capitals, possessives, origin, deployers
    ("Moscow's forces now include 60 BTGs.", 60, None, None, "", "btgs", F, R, ""),
    ("The Kremlin's 30,000 troops are in Belarus.", 30000, None, None, "", "troops", F, R, ""),
    ("Belarus hosts 30,000 troops from Russia.", 30000, None, None, "", "troops", F, R, ""),
    ("Minsk has sent 5,000 soldiers to the border.", 5000, None, None, "", "soldiers", F, BY, ""),
    ("Washington has put 8,500 troops on alert.", 8500, None, None, "", "troops", F, US, ""),
    ("NATO has 40,000 troops under its direct command.", 40000, None, None, "", "troops", F, "NATO", ""),
    ("Up to 12,000 soldiers are believed to be trapped.", 12000, None, 12000, "up to", "soldiers", F, "", ""),  # passive: no source
    ("Some 1,600 wounded Ethiopian troops were evacuated.", 1600, None, None, "about", "troops", "wounded", "Ethiopia", ""),
    ("France will withdraw its 1,500 soldiers from Niger.", 1500, None, None, "", "soldiers", F, "France", ""),
    ("The Ministry of Defence said 1,700 UK troops are in Estonia.", 1700, None, None, "", "troops", F, "United Kingdom", "Ministry of Defence"),
    ("Russia's Southern Military District said 10,000 servicemen were returning.", 10000, None, None, "", "servicemen", F, R, "Russia's Southern Military District"),
    ("Up to 5,000 Wagner fighters crossed into Belarus.", 5000, None, 5000, "up to", "fighters", F, "Wagner Group", ""),
    ("Russia's defence ministry said it had pulled back 10,000 troops.", 10000, None, None, "", "troops", F, R, "Russia's defence ministry"),
    ("Ukraine says 200 Russian soldiers were captured.", 200, None, None, "", "soldiers", C, R, "Ukraine"),
    # casualties; a side that reports losses and names no other side reports its own
    ("At least 498 Russian soldiers have been killed, the Russian defence ministry said.", 498, 498, None, "at least", "soldiers", K, R, "Russian defence ministry"),
    ("Ukraine says 498 soldiers killed.", 498, None, None, "", "soldiers", K, "Ukraine", "Ukraine"),
    ("The death toll of 185 includes soldiers.", 185, None, None, "", "deaths", K, "", ""),
    ("1,300 troops have died, Zelensky said.", 1300, None, None, "", "troops", K, "", "Zelensky"),
    ("Ukraine said its forces had killed 2,800 Russian troops.", 2800, None, None, "", "troops", K, R, "Ukraine"),
    ("Some 1,597 Russian soldiers were wounded.", 1597, None, None, "about", "soldiers", W, R, ""),
    ("Ukraine has lost 1,300 soldiers.", 1300, None, None, "", "soldiers", K, U, ""),
    ("The Russian military said 1,351 of its soldiers had died.", 1351, None, None, "", "soldiers", K, R, "Russian military"),
    ("There were 300 Ukrainian casualties, officials said.", 300, None, None, "", "casualties", K, U, "officials"),
    ("Kyiv says 50 Russian prisoners of war are being held.", 50, None, None, "", "prisoners of war", C, R, "Kyiv"),
    ("Twelve Ukrainian soldiers were wounded in shelling.", 12, None, None, "", "soldiers", W, U, ""),
    # attribution
    ("Intelligence suggests 130,000 troops are at the border.", 130000, None, None, "", "troops", F, "", "intelligence"),
    ("Armed Forces minister James Heappey said 130,000 troops were on the border.", 130000, None, None, "", "troops", F, "", "James Heappey"),
    ("Pentagon spokesman John Kirby said more than 3,000 US troops would deploy.", 3000, 3000, None, "more than", "troops", F, US, "John Kirby"),
    ("Some 30,000 Russian troops are in Belarus, according to NATO.", 30000, None, None, "about", "troops", F, R, "NATO"),
    ("The US has put 8,500 troops on heightened alert, John Kirby said.", 8500, None, None, "", "troops", F, US, "John Kirby"),
    ("It is estimated that 100,000 troops are near the border.", 100000, None, None, "", "troops", F, "", ""),
    ("Western officials believe Russia has 150,000 troops near Ukraine.", 150000, None, None, "", "troops", F, R, "Western officials"),
    ("Satellite images show 100 tanks near Yelnya.", 100, None, None, "", "tanks", F, "", "satellite images"),
    ("Ukraine's defence ministry estimates Russia has 127,000 troops.", 127000, None, None, "", "troops", F, R, "Ukraine's defence ministry"),
    ("Mr Wallace warned that Russia had 60 BTGs ready.", 60, None, None, "", "btgs", F, R, "Wallace"),
    # a count noun set by a verb: the verb's object says what is counted, its subject estimated it
    ("NATO put the number of Russian troops in Belarus at about 30,000.", 30000, None, None, "about", "troops", F, R, "NATO"),
    ("The ministry raised the death toll to 48.", 48, None, None, "", "deaths", K, "", "ministry"),
    # "one" counts only with a unit noun right after it
    ("Moldova said one soldier was wounded in the blast.", 1, None, None, "", "soldier", W, "Moldova", "Moldova"),
    # a model name between the count and its noun; a day of the month is not a count
    ("Canada will send 8 Leopard 2 tanks to Ukraine.", 8, None, None, "", "tanks", F, "Ukraine", ""),   # aid to a party at war
    ("On 24 February 150 Russian tanks crossed the border.", 150, None, None, "", "tanks", F, R, ""),
    # participles and hyphenated adjectives between the count and its noun
    ("Russia has 40,000 battle-hardened troops in the region.", 40000, None, None, "", "troops", F, R, ""),
    ("Analysts counted 300 abandoned Russian tanks.", 300, None, None, "", "tanks", F, R, "analysts"),
    # "N-strong" reaches back to the force noun
    ("Officials described the Belarusian army as 45,000-strong.", 45000, None, None, "", "army", F, BY, ""),
    # a role with a name in apposition names the person
    ("Ukraine's acting president, Oleksandr Turchynov, said Russia had 20,000 troops in Crimea.",
     20000, None, None, "", "troops", F, R, "Oleksandr Turchynov"),
]


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "qualifier", "unit", "category", "side", "claimant"),
    CASES,
    ids=[case[0][:50] for case in CASES],
)
def test_single_claim(nlp, text, value, low, high, qualifier, unit, category, side, claimant):
    claims = _claims(nlp, text)
    assert [_plain(c) for c in claims] == [(value, low, high, qualifier, unit, category, side, claimant)]


NOT_CLAIMS = [
    # years, ages, durations, model names, money, phone numbers, programmes
    "In 2014 Russian troops seized Crimea.",
    "Among them was 21-year-old Haider Ali.",
    "A 21-year-old soldier was detained.",
    "He spoke for about 50 minutes.",
    "The next 48 hours are crucial.",
    "Ukraine has T-72 tanks and Su-25 jets.",
    "The aid package is worth $100 million.",
    "Britain pledged \u00a3350 million in military aid.",
    "Call 0800 123 456 for help.",
    "The diplomat told BBC Radio 4's Broadcasting House programme.",
    # people who are not forces nor casualties
    "UK nationals in Ukraine, thought to number in the low thousands, were ordered to leave.",
    "The crowd of 5,000 people protested in Kyiv.",
    "About 300 civilians were evacuated from the town.",
    # percentages not of a force; numbers without a unit
    "Inflation reached 10% this year.",
    "Some 60% of Ukrainians back joining NATO.",
    "Russia has massed troops; 10 were injured.",
    "The two presidents spoke for an hour.",
    "One of the soldiers was wounded.",
    "Troops from 30 NATO members took part.",
    "Russia started drills on 10 February.",
    # a civilian toll is not a troop figure; a count of people is not a force
    "The missile strike killed 298 people on board.",
    "Officials said 40 civilians were killed in the shelling.",
    "UN says 136 civilians killed, including 13 children.",
    # no auxiliary verb bridges a percentage to a casualty word
    "Polls found 12 percent were wounded by the decision.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS, ids=[t[:50] for t in NOT_CLAIMS])
def test_not_a_claim(nlp, text):
    assert _claims(nlp, text) == []


# several claims in one sentence
def test_two_claims_in_one_sentence(nlp):
    claims = _claims(nlp, "Russia has more than 1,200 tanks and 300 warplanes in the area.")
    assert [(c.value, c.unit, c.side, c.location) for c in claims] == [
        (1200, "tanks", R, "in the area"),
        (300, "warplanes", R, "in the area"),
    ]


# a bare number that leaves out an earlier figure's noun counts the same thing
@pytest.mark.parametrize(("text", "expected"), [
    ("Russia now has 90 battalion tactical groups near Ukraine, up from 50 in December.",
     [(90, "battalion tactical groups", F, ()), (50, "battalion tactical groups", F, ("unit_carried",))]),
    ("Ukraine said 35 of its marines were killed and 12 were captured.",
     [(35, "marines", K, ()), (12, "marines", C, ("unit_carried",))]),
    ("Moscow says 9,000 troops will take part, but Western officials believe the real number is closer to 30,000.",
     [(9000, "troops", F, ()), (30000, "troops", F, ("unit_carried",))]),
    # a year standing as a subject is not a count
    ("Russia has 120,000 troops near Ukraine; 2024 will be different.", [(120000, "troops", F, ())]),
    # a percentage carries no noun over
    ("Of the 10,000 soldiers, 12 percent were wounded.", [(10000, "soldiers", F, ())]),
])
def test_unit_carried_to_a_bare_number(nlp, text, expected):
    assert [(c.value, c.unit, c.category, c.flags) for c in _claims(nlp, text)] == expected


def test_carried_claim_keeps_the_claimant(nlp):
    claims = _claims(nlp, "Moscow says 9,000 troops will take part, but Western officials believe the real number is closer to 30,000.")
    assert [c.claimant for c in claims] == ["Moscow", "Western officials"]


def test_change_from_a_to_b_is_two_counts_not_a_range(nlp):
    claims = _claims(nlp, "The force grew from 60 to 83 battalion tactical groups, a US official said.")
    assert [(c.value, c.low, c.high, c.unit, c.flags, c.claimant) for c in claims] == [
        (60, None, None, "battalion tactical groups", ("earlier_count",), "US official"),
        (83, None, None, "battalion tactical groups", (), "US official"),
    ]


def test_killed_and_wounded_in_one_sentence(nlp):
    claims = _claims(nlp, "Ukraine says 498 Russian soldiers were killed and 1,597 Russian soldiers were wounded.")
    assert [(c.value, c.category) for c in claims] == [(498, K), (1597, W)]


# offsets, phrase, location
def test_offsets_point_at_the_figure(nlp):
    text = "He said an estimated 130,000 Russian troops are along Ukraine's border."
    (claim,) = _claims(nlp, text)
    assert text[claim.start:claim.end] == "130,000"
    assert claim.text == "an estimated 130,000 Russian troops"
    assert claim.location == "along Ukraine's border"
    assert claim.sentence == text


def test_range_offsets_span_both_ends(nlp):
    text = "Russia has between 100,000 and 130,000 troops."
    (claim,) = _claims(nlp, text)
    assert text[claim.start:claim.end] == "100,000 and 130,000"
    assert claim.text == "between 100,000 and 130,000 troops"


@pytest.mark.parametrize(("text", "location"), [
    ("Russia has 130,000 troops near Ukraine's borders.", "near Ukraine's borders"),
    ("Russia has 30,000 troops in Belarus.", "in Belarus"),
    ("Russia has 130,000 troops on the border with Ukraine.", "on the border with Ukraine"),
    ("Russia has 130,000 troops, officials said.", ""),
])
def test_location(nlp, text, location):
    (claim,) = _claims(nlp, text)
    assert claim.location == location


# pronoun claimants and full names
def test_pronoun_resolves_to_last_named_speaker_full_name(nlp):
    text = ("Defence Secretary Ben Wallace spoke on Sunday. Mr Wallace said there is a whiff of Munich. "
            "Reporter Carl Dinnen explains. He warned of an estimated 130,000 Russian troops.")
    (claim,) = _claims(nlp, text)
    assert claim.claimant == "Ben Wallace"


def test_named_claimant_prefers_longest_earlier_form(nlp):
    text = "Ben Wallace spoke on Sunday. Mr Wallace said 130,000 troops were at the border."
    (claim,) = _claims(nlp, text)
    assert claim.claimant == "Ben Wallace"


def test_pronoun_without_earlier_speaker_is_unattributed(nlp):
    (claim,) = _claims(nlp, "He said 40 aircraft were ready.")
    assert claim.claimant == ""


# side inherited from a recent force mention, not from a location
def test_side_inherited_from_previous_sentence(nlp):
    text = "Moscow's forces are massing in the north. An estimated 130,000 troops are on Ukraine's border."
    (claim,) = _claims(nlp, text)
    assert claim.side == R


# dates
def test_date_defaults_to_publication(nlp):
    (claim,) = _claims(nlp, "Russia has 130,000 troops on the border.")
    assert claim.date == PUBLISHED and claim.as_of is None


def test_date_from_time_expression_in_clause(nlp):
    text = "On Saturday officials said Russia has 130,000 troops."
    start = text.index("Saturday")
    timex = Timex(start=start, end=start + 8, text="Saturday", type="DATE",
                  value="2022-02-12", date_start=date(2022, 2, 12), date_end=date(2022, 2, 12))
    (claim,) = _claims(nlp, text, timexes=[timex])
    assert claim.date == date(2022, 2, 12)


def test_as_of_when_the_figure_has_its_own_date(nlp):
    text = "Officials said the 100,000 troops on January 30 had grown."
    start = text.index("January 30")
    timex = Timex(start=start, end=start + 10, text="January 30", type="DATE",
                  value="2022-01-30", date_start=date(2022, 1, 30), date_end=date(2022, 1, 30))
    (claim,) = _claims(nlp, text, timexes=[timex])
    assert claim.as_of == date(2022, 1, 30)
    assert claim.date == PUBLISHED


def test_duration_timex_is_not_a_date(nlp):
    text = "Russia has 130,000 troops for the next 48 hours."
    start = text.index("the next")
    timex = Timex(start=start, end=start + 17, text="the next 48 hours", type="DURATION", value="PT48H")
    (claim,) = _claims(nlp, text, timexes=[timex])
    assert claim.date == PUBLISHED


# robustness
def test_absurd_figure_is_flagged_not_dropped(nlp):
    (claim,) = _claims(nlp, "Russia has 1,000,000,000,000,000 troops, a blogger claimed.")
    assert claim.value == 1e15 and "implausible" in claim.flags


def test_absurd_power_does_not_crash(nlp):
    claims = _claims(nlp, "Russia has 10^999 troops.")
    assert len(claims) == 1 and "implausible" in claims[0].flags


def test_vague_figure_is_flagged(nlp):
    (claim,) = _claims(nlp, "Thousands of troops arrived.")
    assert claim.flags == ("vague",)


def test_percent_of_force_is_flagged(nlp):
    (claim,) = _claims(nlp, "Russia has 70% of the forces it needs.")
    assert claim.flags == ("percent_of:forces",)


def test_no_publication_date(nlp):
    (claim,) = _claims(nlp, "Russia has 130,000 troops.", published=None)
    assert claim.date is None


def test_empty_doc(nlp):
    assert _claims(nlp, "") == []


def test_to_dict_round_trips_plain_values(nlp):
    (claim,) = _claims(nlp, "Russia has 130,000 troops.")
    row = claim.to_dict()
    assert row["value"] == 130000 and row["date"] == "2022-02-13" and row["flags"] == ""


# the cheap step needs no parse
def test_find_figures_on_blank_pipeline():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    sent = next(nlp("They have up to more than 130,000 and between 7,000 and 9,000 men.").sents)
    figures = find_figures(sent)
    assert [(f.value, f.low, f.high, f.qualifier) for f in figures] == [
        (130000, 130000, None, "more than"),
        (9000, 7000, 9000, "between"),
    ]


@pytest.mark.parametrize(("term", "side"), [
    ("Russian", R), ("Moscow", R), ("Moscow\u2019s", R), ("the Kremlin", R),
    ("Kyiv", U), ("Kiev", U), ("Minsk", BY), ("Washington", US), ("Pentagon", US), ("Munich", ""),
    ("NATO", "NATO"), ("Nato", "NATO"), ("Wagner", "Wagner Group"), ("the Wagner Group", "Wagner Group"),
    ("Hamas", "Hamas"), ("Rapid Support Forces", "RSF"),
])
def test_side_of_term(term, side):
    assert side_of_term(term) == side


def test_lexicons_load_once():
    assert lexicons() is lexicons()
    assert "troops" in lexicons().units and "warn" in lexicons().reporting


def test_failing_candidate_is_logged_and_skipped(nlp, monkeypatch, caplog):
    import core.extract.claims.assembly

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(core.extract.claims.assembly, "unit_for", broken)
    assert _claims(nlp, "Russia has 130,000 troops. Belarus has 30,000 soldiers.") == []
    assert "skipping figure" in caplog.text


@pytest.mark.parametrize(("text", "claimant"), [
    ("The Pentagon said 2,000 US troops would deploy to Poland.", "Pentagon"),     # office kept, not "United States"
    ("Russia said 10,000 troops had returned to base.", R),
    ("Up to 5,000 troops are believed to be near the border.", "Wire"),            # unattributed: the source
])
def test_claimant_names_in_the_claims_frame(nlp, text, claimant):
    from core.combine.assemble import assemble
    from core.extract.articles import extract_doc
    from core.records import Article

    article = Article(article_id="a1", text=text, source="Wire", published=date(2022, 2, 13))
    frames = assemble([article], [extract_doc(nlp(text), article)])
    assert list(frames.claims["claimant"]) == [claimant]


def test_sentence_level_answers_are_worked_out_once_per_sentence_not_per_figure(nlp, monkeypatch):
    """One long sentence of many figures must not be re-read for each figure
    (it made hostile text quadratic); and the memo is dropped after the reading."""
    import core.extract.claims.reporting as reporting
    from core.extract.claims.memo import MEMO_KEY

    calls = []
    original = reporting._according_to_index
    monkeypatch.setattr(reporting, "_according_to_index", lambda sent: calls.append(sent.start) or original(sent))
    doc = nlp(" ".join(f"{i},000 troops" for i in range(1, 60)) + ". NATO has 5,000 troops in Poland.")
    found = list(iter_claims(doc, published=None))
    assert len(found) == 60
    assert len(calls) == len(set(calls)) == 2          # two sentences, each read once
    assert MEMO_KEY not in doc.user_data


def test_remembered_text_is_used_only_when_it_fits_the_tokens(nlp):
    from core.extract.claims.memo import _TEXT_KEY, remember_text, text_of

    doc = nlp("Russia has 100,000 troops near the border.")
    remember_text(doc, "Latvia has 100,000 troops near the border.")      # same length, another start
    assert _TEXT_KEY not in doc.user_data
    remember_text(doc, "Russia has 100,000 troops near the border!")      # same length, another end
    assert _TEXT_KEY not in doc.user_data
    assert text_of(doc) == doc.text
    fresh = nlp("Russia has 100,000 troops near the border.")
    remember_text(fresh, fresh.text)
    assert fresh.user_data[_TEXT_KEY] == fresh.text


@pytest.mark.parametrize(("text", "value", "losses"), [
    ("He destroyed the enemy's subversive group and two enemy tanks.", 2, True),       # second conjunct
    ("They destroyed all the MICVs and five tanks.", 5, True),
    ("The brigade killed 300 soldiers and destroyed 20 tanks.", 20, True),
    ("Russia moved 40 tanks and 300 soldiers to the border.", 40, False),               # a move, not a loss
    ("The crew neutralized 14 enemy vehicles near the bridge.", 14, True),              # equipment put out of action
    ("Gunners eliminated 11 units of military equipment overnight.", 11, True),
])
def test_a_loss_verb_governs_every_conjunct(nlp, text, value, losses):
    (claim,) = [c for c in _claims(nlp, text) if c.value == value]
    assert ("losses" in claim.flags) is losses


# whose forces a figure counts, read from the words around it (each row: a rule in core/extract/claims/)
@pytest.mark.parametrize(("text", "expected"), [
    # a bare number sharing an earlier figure's noun shares its side, not the nearest country's
    ("Russia now has 60,000 troops surrounding Ukraine, up from 35,000 last month.",
     [(60000, R), (35000, R)]),
    # what one side's officials call the other's forces ("invaders", "occupiers") are the enemy's
    ("Ukraine's army said its units had eliminated 300 invaders near Kharkiv.", [(300, R)]),
    # a sentence that goes on with a tally takes the side of the last tally, not of who inflicted it
    ("Ukrainian troops killed 150 occupiers on Monday, the General Staff said. "
     "The defenders also destroyed nine tanks and four howitzers.", [(150, R), (9, R), (4, R)]),
    ("The General Staff said 150 Russian soldiers had been killed by Ukrainian troops on Monday. "
     "The defenders also destroyed nine tanks.", [(150, R), (9, R)]),
    # weapons and forces a passive verb's "by" names the user of
    ("Air defences downed 14 drones launched by Russia overnight, the air force said.", [(14, R)]),
    ("Poland said it had received 500 troops sent by the United States.", [(500, US)]),
    # "the alliance" is the alliance named before it
    ("Replying to NATO's statement, Moscow said 25,000 alliance troops were moving east.",
     [(25000, "NATO")]),
    # equipment handed over "to" a party is the receiver's; forces sent stay the sender's
    ("Canada has donated 39 armoured vehicles to Ukraine.", [(39, U)]),
    ("The United States approved the sale of 40 fighter jets to Poland.", [(40, "Poland")]),
    ("Britain has sent four warplanes to Romania.", [(4, UK)]),
    # forces taking part in an exercise its owner names
    ("About 9,000 personnel from eleven countries are taking part in NATO's Cold Response drills.",
     [(9000, "NATO")]),
    # the place forces withdraw from is not whose they are
    ("Germany began the withdrawal of its remaining 1,100 soldiers from Mali in May.", [(1100, "Germany")]),
    ("The pullout of 800 French troops from Chad ended on Friday.", [(800, "France")]),
    # a "from" paired with a "to" is where forces move from, not whose they are
    ("The Pentagon is moving 300 soldiers from Germany to Romania, officials said.", [(300, "United States")]),
    ("Britain said it would shift 12 jets from Cyprus into Poland.", [(12, "United Kingdom")]),
    ("About 2,000 soldiers from Poland will join the exercise, the ministry said.", [(2000, "Poland")]),   # guard
])
def test_side_read_from_context(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


def test_an_alliance_word_with_no_alliance_named_before_names_no_side(nlp):
    (claim,) = _claims(nlp, "Officials said 25,000 alliance troops were being moved east.")
    assert claim.side == ""


@pytest.mark.parametrize(("text", "expected"), [
    ("Our troops took 200 enemy soldiers prisoner near the river, the army said.", [(200, "soldiers", C)]),
    ("The brigade had taken 35 Russian servicemen prisoner by Friday.", [(35, "servicemen", C)]),
    # guards: a count noun before a noun that is no casualty word stays a force's size
    ("A 300 soldiers camp near the river was shelled.", [(300, "soldiers", F)]),
    ("The army said 1,200 troops reserve units were on alert.", [(1200, "troops", F)]),
])
def test_a_count_taken_prisoner(nlp, text, expected):
    assert [(c.value, c.unit, c.category) for c in _claims(nlp, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("More than 5,000 women serve in the army, officials said.", [(5000, "women", F)]),
    ("Some 2,000 men serve with the brigade.", [(2000, "men", F)]),
    ("About 40 women were killed in the shelling.", []),       # no force is counted
    ("About 5,000 women work in the capital's hospitals.", []),
])
def test_people_counted_as_serving_in_a_force(nlp, text, expected):
    assert [(c.value, c.unit, c.category) for c in _claims(nlp, text)] == expected


# a quotation of several sentences is claimed by whom its last sentence attributes it to
@pytest.mark.parametrize(("text", "expected"), [
    ('"Our army has grown. Today 250,000 soldiers defend the country. We thank them all," '
     'Volodymyr Zelenskyy said.', [(250000, "Volodymyr Zelenskyy")]),
    ('"We have 700,000 troops. That is enough," Oleksii Reznikov said. '
     '"The enemy has lost 300 tanks. We will win," said Valerii Zaluzhnyi.',
     [(700000, "Oleksii Reznikov"), (300, "Valerii Zaluzhnyi")]),
    # the quotation opens after the figure: the figure is not in it
    ('Our army has grown. Today 250,000 soldiers defend the country. "We thank them all," '
     'Volodymyr Zelenskyy said.', [(250000, "")]),
])
def test_a_quotation_is_claimed_by_whom_its_end_names(nlp, text, expected):
    assert [(c.value, c.claimant) for c in _claims(nlp, text)] == expected


@pytest.mark.parametrize(("text", "claimant"), [
    ("Oleksii Reznikov said Ukraine has 700,000 troops.", "Oleksii Reznikov"),      # tagged as "Reznikov" alone
    ("Defence Minister Oleksii Reznikov said Ukraine has 700,000 troops.", "Oleksii Reznikov"),
])
def test_a_name_keeps_the_given_names_the_tagger_left_out(nlp, text, claimant):
    (claim,) = _claims(nlp, text)
    assert claim.claimant == claimant


def test_a_bare_casualty_word_after_a_count_counts_the_same_noun(nlp):
    claims = _claims(nlp, "The ministry said 40 Russian soldiers were killed and 120 wounded.")
    assert [(c.value, c.unit, c.category, c.side) for c in claims] == [(40, "soldiers", K, R), (120, "soldiers", W, R)]


def test_a_casualty_word_before_the_figure_is_its_own_unit(nlp):
    claims = _claims(nlp, "The army said 1,020 Russian soldiers had been killed, bringing its tally of "
                          "Russian dead to about 195,000.")
    assert [(c.value, c.unit) for c in claims] == [(1020, "soldiers"), (195000, "dead")]


# a short source goes back to the fuller one named before it
@pytest.mark.parametrize(("text", "claimants"), [
    # "the update" is the report of whoever reported last, even when the parse leaves that
    # source off its verb
    ("Russia has lost 900 tanks, Ukraine's General Staff said on Monday. "
     "The enemy has also lost 300 aircraft, according to the update.",
     ["Ukraine's General Staff", "Ukraine's General Staff"]),
    # "the minister" is the titled person who spoke before
    ("Defence Secretary Grant Shapps said 20,000 British troops would join the drills. "
     "The minister said 400 armoured vehicles would be sent.", ["Grant Shapps", "Grant Shapps"]),
    # a clause on the short source does not make it the fuller one
    ("The Azov Brigade said it had destroyed 14 tanks. The brigade, which fights near Avdiivka, "
     "later said it had also destroyed 6 howitzers.", ["Azov Brigade", "Azov Brigade"]),
])
def test_a_short_source_goes_back_to_the_fuller_one(nlp, text, claimants):
    assert [c.claimant for c in _claims(nlp, text)] == claimants


# the last word of a unit of several words, once the text has named it in full
@pytest.mark.parametrize(("text", "expected"), [
    ("Kyiv said Russia had massed 30 battalion tactical groups near the border. "
     "It said Moscow planned to bring in 20 more groups.",
     [(30, "battalion tactical groups"), (20, "battalion tactical groups")]),
    ("The Kremlin sent 40 armoured personnel carriers to the border. Ten of those carriers later returned.",
     [(40, "armoured personnel carriers"), (10, "armoured personnel carriers")]),
    ("The airline operates 20 carriers.", []),                    # never named in full: no unit
])
def test_a_shortened_unit_counts_the_unit_named_in_full(nlp, text, expected):
    assert [(c.value, c.unit) for c in _claims(nlp, text)] == expected


@pytest.mark.parametrize(("text", "claimants"), [
    # "X said, adding that ...": the participle is X's, and X is the source of the whole sentence
    ("Russia fired 84 missiles at cities on Monday and launched 24 drones, Ukraine's armed forces said, "
     "adding that air defences had shot down 43 of the missiles.", ["Ukraine's armed forces"] * 3),
    # a state's belief that a person states is the person's claim
    ("John Kirby said Washington believes Russia has 150,000 troops.", ["John Kirby"]),
    ("Washington believes Russia has 150,000 troops, US ambassador Michael Carpenter said.", ["Michael Carpenter"]),
    ("Washington believes Russia has 150,000 troops, officials said.", ["Washington"]),     # no person states it
])
def test_who_states_what_a_state_believes_or_goes_on_saying(nlp, text, claimants):
    assert [c.claimant for c in _claims(nlp, text)] == claimants


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels said they killed 90 fighters loyal to Hamas.", [(90, "Hamas")]),
    ("Kyiv said six warships from the Baltic Fleet had left port.", [(6, R)]),      # a state's named force
    ("The Pacific Fleet, which keeps about 9,000 sailors at Vladivostok, held drills.", [(9000, R)]),
    # "the army" is the army named before with its side
    ("Sudan's army has fought the RSF since April. The RSF has 100,000 fighters, and the army has about "
     "120,000 soldiers.", [(100000, "RSF"), (120000, "Sudan")]),
])
def test_side_of_allegiance_and_of_named_forces(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


def test_a_bare_casualty_word_after_a_count_of_civilians_is_no_claim(nlp):
    assert _claims(nlp, "Shelling killed at least eight civilians and left 30 injured, officials said.") == []
    assert _claims(nlp, "At least 11 people were killed and 64 wounded, police said.") == []


@pytest.mark.parametrize(("text", "expected"), [
    # units written with a hyphen, and the General Staff's "armoured fighting vehicles"
    ("Russia has 15 anti-aircraft systems in Crimea.", [(15, "anti-aircraft systems")]),
    ("The enemy has lost 1,226 armoured fighting vehicles.", [(1226, "armoured fighting vehicles")]),
    # members of a force or formation are its personnel; members of anything else are not
    ("The swap freed 108 members of the Azov regiment.", [(108, "members")]),
    ("The club has 500 members.", []),
    # a bare number after a verb coordinated with the one whose object was counted
    ("The army said it had killed 550 fighters and captured 29 near the town.",
     [(550, "fighters"), (29, "fighters")]),
    # NATO's battlegroups, and what officials call the forces they count
    ("The allies agreed to set up three more battlegroups in the south-east.", [(3, "battlegroups")]),
    ("The army said it had killed 40 Hezbollah operatives this week.", [(40, "operatives")]),
    ("Some 70 defenders held the plant for a month.", [(70, "defenders")]),
    # ranks and roles are no unit: "generals" also names attorneys general
    ("The letter was signed by 83 former state attorney generals.", []),
])
def test_more_units(nlp, text, expected):
    assert [(c.value, c.unit) for c in _claims(nlp, text)] == expected


def test_who_corrects_a_figure_claims_the_corrected_one(nlp):
    claims = _claims(nlp, "Josep Borrell said on Monday that 150,000 Russian troops were massed on the border. "
                          "An EU spokesman later corrected the figure to more than 100,000 troops.")
    assert [(c.value, c.claimant) for c in claims] == [(150000, "Josep Borrell"), (100000, "EU spokesman")]


def test_losses_are_never_guessed_to_be_the_inflicters_own(nlp):
    (claim,) = _claims(nlp, "Sudan's paramilitary Rapid Support Forces said it had captured 31 army officers.")
    assert claim.side != "RSF"


@pytest.mark.parametrize(("text", "claimant"), [
    ("The US-backed Syrian Democratic Forces said on Saturday they had taken the town. "
     "More than 5,000 militants had surrendered, the SDF said.", "Syrian Democratic Forces"),
    ("The RSF said 300 soldiers were killed.", "RSF"),                  # never spelt out: as written
])
def test_an_acronym_source_is_the_name_spelt_out_before(nlp, text, claimant):
    (claim,) = _claims(nlp, text)
    assert claim.claimant == claimant


@pytest.mark.parametrize(("text", "expected"), [
    ("China sent 71 warplanes toward Taiwan. Of the aircraft, 47 crossed the median line.",
     [(71, "warplanes"), (47, "aircraft")]),
    ("Of the money, 40 went to schools.", []),
])
def test_a_fronted_of_phrase_names_the_unit(nlp, text, expected):
    assert [(c.value, c.unit) for c in _claims(nlp, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a later item of a list with no side of its own is the first item's; "one" may stand
    # before modifiers of its unit
    ("He said one Ukrainian attack helicopter and four Bayraktar drones had been shot down.",
     [(1, "helicopter", U), (4, "drones", U)]),
    ("The army destroyed two Russian tanks and three Ukrainian drones.", [(2, "tanks", R), (3, "drones", U)]),
    ("One of the soldiers was wounded.", []),
])
def test_lists_share_their_first_items_side(nlp, text, expected):
    assert [(c.value, c.unit, c.side) for c in _claims(nlp, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The strikes followed a Houthi attack in which 18 drones and two cruise missiles were fired at ships.",
     [(18, "Houthis"), (2, "Houthis")]),
    ("It was the largest Russian attack of the war, in which 120 missiles were launched.", [(120, R)]),
])
def test_weapons_used_in_a_sides_attack_are_its_own(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


def test_a_ranked_source_the_tagger_calls_an_organisation_is_a_person_a_later_he_goes_back_to(nlp):
    claims = _claims(nlp, "The enemy lost up to 190 servicemen, the official representative of the Russian Defence "
                          "Ministry, Lieutenant General Igor Zhuravlyov, said. In total, he added, the Kyiv regime "
                          "has lost 246 tanks.")
    assert [(c.value, c.claimant) for c in claims] == [(190, "Igor Zhuravlyov"), (246, "Igor Zhuravlyov")]


# who claims: a surname the tagger calls no person, "which said", and an estimate with its own subject
@pytest.mark.parametrize(("text", "expected"), [
    ("Defence Minister Hanno Pevkur visited the base. Pevkur said Estonia had 3,800 troops on the border.",
     [(3800, "Hanno Pevkur", "Estonia")]),
    ("The clashes were confirmed by Azerbaijan's defence ministry, which said 50 of its soldiers had died.",
     [(50, "Azerbaijan's defence ministry", "Azerbaijan")]),
    ("Russia has 60,000 troops in Belarus, Polish officials say, while Lithuania's defence ministry puts "
     "the figure at 45,000.", [(60000, "Polish officials", R), (45000, "Lithuania's defence ministry", R)]),
    # what "at" puts losses at is a loss, of whose the losses are
    ("The Pentagon estimates Russian losses at 20,000 soldiers.", [(20000, "Pentagon", R)]),
])
def test_who_claims_and_for_whom(nlp, text, expected):
    assert [(c.value, c.claimant, c.side) for c in _claims(nlp, text)] == expected


# what an estimate puts at the figure, and forces an action is done "with"
@pytest.mark.parametrize(("text", "expected"), [
    # "the figure" is the figure named before, not the estimator's own forces
    ("Russia has about 300,000 soldiers in the occupied south, the governor said on Monday, while Ukraine's "
     "army intelligence has put the figure at more than 280,000 servicemen.", [(300000, R, F), (280000, R, F)]),
    # "its dead": whom "its" goes back to; dead are killed
    ("The minister said the Russian army had lost many more, putting its dead at about 9,000 soldiers.",
     [(9000, R, K)]),
    ("Russia attacked Georgia in 2008 with some 40,000 troops.", [(40000, R, F)]),
    # a transfer "with" is still the receiver's
    ("Germany will supply Ukraine with 18 more howitzers.", [(18, U, F)]),
])
def test_estimates_and_forces_an_action_is_done_with(nlp, text, expected):
    assert [(c.value, c.side, c.category) for c in _claims(nlp, text)] == expected


# a source named at the end of a sentence of indirect speech says that sentence only; one that
# closes a quotation may go on
@pytest.mark.parametrize(("text", "expected"), [
    ("Kyiv freed 90 prisoners of war, Defence Minister Rustem Umerov said. In return, Ukraine handed "
     "over 40 Russian soldiers.", [(90, "Rustem Umerov"), (40, "")]),
    ('"We will hold the line," said Defence Minister Rustem Umerov. Ukraine has 40 brigades in reserve.',
     [(40, "Rustem Umerov")]),
])
def test_how_far_a_trailing_source_goes_on(nlp, text, expected):
    assert [(c.value, c.claimant) for c in _claims(nlp, text)] == expected


# a trailing source is read past what goes on after its report ("with X doing ...", "in an
# interview published ..."), but a clause it reports is its own, not the figure's
@pytest.mark.parametrize(("text", "expected"), [
    ("Spain will send about 150 troops to Latvia, Defence Minister Margarita Robles said on Monday, with "
     "Portugal adding a few more.", [(150, "Margarita Robles")]),
    ("Russia has gathered more than 50,000 troops near the border, the head of Georgia's intelligence "
     "service said in an interview published on Friday.", [(50000, "head of Georgia's intelligence service")]),
    ("Rebels seized two army vehicles near the town, and the ministry said four of its soldiers had been "
     "wounded.", [(2, ""), (4, "ministry")]),                                   # guard: what "said" reports
])
def test_a_trailing_source_past_what_goes_on(nlp, text, expected):
    assert [(c.value, c.claimant) for c in _claims(nlp, text)] == expected


# the subject of a reporting verb is the one nearest before it, and an "it" that reports inside
# another's report is that other
@pytest.mark.parametrize(("text", "expected"), [
    ("Nine soldiers were killed and 14 people wounded, six of them soldiers, when gunmen attacked a "
     "patrol near the border, the ministry said in a statement.", [(9, "ministry")]),
    ("The navy said it had found the bodies of 40 enemy soldiers near the coast.", [(40, "navy")]),
    ("It said it had found the bodies of 40 enemy soldiers.", [(40, "")]),     # guard: no outer source
])
def test_the_subject_that_reports(nlp, text, expected):
    assert [(c.value, c.claimant) for c in _claims(nlp, text)][:1] == expected


# "according to the statement" is whoever made the statement; an apposition that describes a
# report ("the first in two years") does not stop it going back to its author
@pytest.mark.parametrize(("text", "expected"), [
    ("The US Central Command said in a statement that its jets struck the camp. About 80 militants were "
     "at the camp, according to the statement.", [(80, "US Central Command")]),
    ("Turkey's defence ministry issued a statement on Friday. The statement, its second in a day, said 12 "
     "soldiers had been killed.", [(12, "Turkey's defence ministry")]),
    ("About 80 militants were at the camp, according to the statement.", [(80, "statement")]),   # guard
])
def test_a_statement_is_its_authors(nlp, text, expected):
    assert [(c.value, c.claimant) for c in _claims(nlp, text)] == expected


# whom a reporter cites is the source, when the text names a body or people; not a piece of reporting
@pytest.mark.parametrize(("text", "expected"), [
    ("About 4,000 troops are returning to their bases, the Tass news agency reported, citing the Western "
     "Military District.", [(4000, "Western Military District")]),
    ("Some 2,000 soldiers have been killed, the newspaper said, citing U.S. officials.", [(2000, "U.S. officials")]),
    ("Russia lost 300 soldiers near the town, the think tank said, citing Ukrainian military reporting.",
     [(300, "think tank")]),                                                         # guard
])
def test_a_cited_source(nlp, text, expected):
    assert [(c.value, c.claimant) for c in _claims(nlp, text)] == expected


# armed groups of other wars are sides too (claim_side_groups.csv); "is" is no group
@pytest.mark.parametrize(("text", "expected"), [
    ("The SDF said 300 ISIS fighters had surrendered in the last village.", [(300, "Islamic State")]),
    ("A monitor said 120 HTS fighters were killed near Hama.", [(120, "HTS")]),
    ("The army said 45 ELN guerrillas had surrendered in Arauca.", [(45, "ELN")]),
    ("The LNA said it had lost 9 fighters south of Tripoli.", [(9, "Libyan National Army")]),
    ("Al-Shabaab said it had killed 30 soldiers in the raid, which the army denied.", [(30, "")]),   # guard
    ("The force is 4,000 troops strong and is based in Mali.", [(4000, "")]),   # guard
])
def test_armed_groups_of_other_wars(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# what an armed group takes or destroys is the state's it fights (claim_adversaries.csv), and "the
# junta", "regime soldiers", "government tanks" are that state's, or the state's named with such a
# word before (claim_state_words.txt)
@pytest.mark.parametrize(("text", "expected"), [
    ("The RSF said its fighters had captured 25 soldiers near the airport.", [(25, "Sudan")]),
    ("The Arakan Army said 60 soldiers of the junta had laid down their arms at the base.", [(60, "Myanmar")]),
    ("HTS pushed into the city on Friday. A war monitor said the clashes had killed 90 regime soldiers "
     "and 40 HTS fighters.", [(90, "Syria"), (40, "HTS")]),
    ("Chad's army has about 30,000 troops. Rebels said they had seized 12 government tanks.",
     [(30000, "Chad"), (12, "Chad")]),
    ("Officials in Moscow said the Kiev regime had lost 300 soldiers near the town.", [(300, "Ukraine")]),
    ("Al-Shabaab said it had killed 30 soldiers in the raid.", [(30, "")]),   # guard: it fights several states
    ("The government said 5,000 troops would guard the polls.", [(5000, "")]),   # guard: no state named
    ("The RSF said its army had 100,000 fighters.", [(100000, "RSF")]),   # guard: a group's own army
])
def test_a_states_forces_named_without_the_state(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a role named first and its holder named in the next sentence (claim_roles_named_later.txt)
@pytest.mark.parametrize(("text", "expected"), [
    ("Russia has massed 60,000 troops near the border, Estonia's defence minister told reporters. "
     "Hanno Pevkur said the alliance was watching closely.", [(60000, "Hanno Pevkur")]),
    ("The junta will call up 4,000 conscripts a month, a military spokesman said. Maj. Gen. Aung Lin Htut said "
     "women would serve later.", [(4000, "Aung Lin Htut")]),
    ("Russia lost 900 soldiers near the town, Ukraine's army chief said. His deputy, Mykola Bondar, said "
     "the line held.", [(900, "Ukraine's army chief")]),   # guard: the next reporting subject is someone else
    ("Russia has 30,000 troops in the region, a senior U.S. official said. Lloyd Austin said the "
     "alliance was ready.", [(30000, "senior U.S. official")]),   # guard: an official stays anonymous
    ("Norway will send 8 tanks to Ukraine, the prime minister's spokesman said. The aim is a full company, the "
     "spokesman, Kari Lund, said. Later, President Joe Biden announced 31 tanks.",
     [(8, "Kari Lund"), (31, "Joe Biden")]),   # the role again with a name; not a later speaker
    ("Russia has 30,000 troops in Belarus, Lithuania's president said. Kremlin spokesman Dmitry Peskov said "
     "the drills were routine.", [(30000, "Lithuania's president")]),   # guard: another side's voice
    ("Defence Minister Pal Jonson met the press. Russia has 20,000 troops in Kaliningrad, the minister "
     "said. Pal Jonson added that Sweden was ready.", [(20000, "Pal Jonson")]),   # named before: by that rule
])
def test_a_role_named_in_the_next_sentence(nlp, text, expected):
    assert [(c.value, c.claimant) for c in _claims(nlp, text)] == expected


# "the ministry said" goes back to the nearest fuller mention of the same body, a source or not
@pytest.mark.parametrize(("text", "expected"), [
    ("A spokesman for the Estonian Defence Ministry spoke to reporters on Monday. Russia has 30,000 troops "
     "near the border, the ministry said.", [(30000, "Estonian Defence Ministry")]),
])
def test_a_short_body_goes_back_to_its_fuller_name(nlp, text, expected):
    assert [(c.value, c.claimant) for c in _claims(nlp, text)] == expected


# people who fight for a side are its forces
@pytest.mark.parametrize(("text", "expected"), [
    ("About 2,000 foreign mercenaries have arrived to fight for Kyiv, Moscow said.", [(2000, "Ukraine")]),
    ("Some 400 fighters who fight for Russia were killed in May, Kyiv said.", [(400, "Russia")]),
    ("About 500 soldiers fought for days near the city.", [(500, "")]),   # guard: no "for" a side
])
def test_who_fights_for_a_side(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a figure standing for its noun with an owner of its own: "against Taiwan's roughly 169,000"
@pytest.mark.parametrize(("text", "expected"), [
    ("China fields some 2 million active personnel against Taiwan's roughly 169,000.",
     [(2000000, "China"), (169000, "Taiwan")]),
])
def test_a_figure_with_an_owner_of_its_own(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# "X had lost N troops killed and M wounded", whatever the parse: X's troops
@pytest.mark.parametrize(("text", "expected"), [
    ("Moscow said 300 Russian soldiers had died. It added that Ukrainian units had lost some 1,200 "
     "troops killed and about 2,000 wounded.", [(300, "Russia"), (1200, "Ukraine"), (2000, "Ukraine")]),
])
def test_what_a_side_lost_is_its_own(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# equipment sent to a party at war by someone else is aid, the receiver's; sent anywhere else it is
# the sender's (claim_aid_verbs.txt); what an aid package includes is the receiver's
@pytest.mark.parametrize(("text", "expected"), [
    ("France will send 12 Caesar howitzers to Ukraine, the ministry said.", [(12, "Ukraine")]),
    ("Poland sent 40 tanks to Lithuania for the drills.", [(40, "Poland")]),   # guard: not a party at war
    ("The US will send 4 jets to South Korea for joint drills.", [(4, "United States")]),   # guard: not at war
    ("Belarus sent 30 tanks to Ukraine's border.", [(30, "Belarus")]),   # guard: a place, not the receiver
    ("The new Canadian aid package for Ukraine includes 50 armoured vehicles.", [(50, "Ukraine")]),
])
def test_equipment_sent_as_aid(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# surrender is to the reporter: those who surrendered are its adversary's; a prisoner count is not
# guessed so ("the release of 215 prisoners" comes home)
@pytest.mark.parametrize(("text", "expected"), [
    ("A total of 260 fighters have surrendered at the plant since Tuesday, Russia's defence ministry said.",
     [(260, "captured", "Ukraine")]),
    ("Ukraine secured the release of 95 prisoners of war, Ukraine's president said.", [(95, "captured", "Ukraine")]),
])
def test_who_surrendered_to_whom(nlp, text, expected):
    assert [(c.value, c.category, c.side) for c in _claims(nlp, text)] == expected


# losses someone else inflicts are the reporter's own when the inflicter is named, and not only
# when the reporter's side is the first guess (the guesses skip the inflicter's side)
@pytest.mark.parametrize(("text", "expected"), [
    ("Fighters of the group JNIM killed 20 soldiers at a post on Monday, the Malian army said.", [(20, "Mali")]),
    ("Our units destroyed 14 tanks overnight, Ukraine's army said.", [(14, "Russia")]),   # the reporter's own units
    ("The gunmen killed 33 soldiers at a post on Monday, the Malian army said.", [(33, "Mali")]),   # no one's named
    ("The insurgents killed 12 soldiers near the border, Niger's army said.", [(12, "Niger")]),    # irregulars
    ("The rebels killed 12 soldiers near the border, Niger's army said.", [(12, "Niger")]),
    ("The platoon killed 12 soldiers near the border, Niger's army said.", [(12, "")]),         # guard: its own
])
def test_losses_an_armed_group_inflicts(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a piece of reporting reports through whatever verb it is the subject of, and goes back to its
# author; unless the sentence names its source ("according to")
@pytest.mark.parametrize(("text", "expected"), [
    ("Israel's military said it had killed 40 fighters overnight. The update also listed 12 rocket "
     "launchers destroyed.", [(40, "Israel's military"), (12, "Israel's military")]),
    ("A Pentagon study found that Russia had lost 2,200 tanks.", [(2200, "Pentagon")]),   # its author
    ("Estimates of the number of Russian troops in Belarus range from 20,000 to 30,000, according to "
     "Lithuanian officials.", [(30000, "Lithuanian officials")]),
    ("The report comes as Russia masses 100,000 troops at the border.", [(100000, "")]),   # guard: beside it
])
def test_a_report_reports_through_its_verb(nlp, text, expected):
    assert [(c.value, c.claimant) for c in _claims(nlp, text)] == expected


# an organisation described by its kind goes back to the one named as a source before it, or is the
# one the next sentence names (claim_org_descriptions.txt); ", citing ..." after a report is not read
@pytest.mark.parametrize(("text", "expected"), [
    ("Russian units lost 900 men near Avdiivka, the Royal United Services Institute said, citing intercepts. "
     "The brigade lost 40 tanks there, the think tank added.",
     [(900, "Royal United Services Institute"), (40, "Royal United Services Institute")]),
    ("Japan's spy agency said China had moved 20 warships near the islands. The Public Security Intelligence "
     "Agency said the ships left on Friday.", [(20, "Public Security Intelligence Agency")]),
    ("Poland's intelligence agency said 300 soldiers had deserted. Lithuania's State Security Department said "
     "the numbers were rising.", [(300, "Poland's intelligence agency")]),   # guard: another country's body
    ("Armenia has 40,000 troops, according to a 2022 study by the think tank Caspian Watch. The study found "
     "that two brigades were at full strength.", [(40000, "Caspian Watch"), (2, "Caspian Watch")]),
])
def test_an_organisation_described_by_its_kind(nlp, text, expected):
    assert [(c.value, c.claimant) for c in _claims(nlp, text)] == expected


# "its spokesman" speaks for whom "its" goes back to
@pytest.mark.parametrize(("text", "expected"), [
    ("The Estonian army held drills on Tuesday. Its spokesman, Major Kalle Tamm, said four battalions "
     "took part.", [(4, "Estonia")]),   # guard
    ("The Polish military said on Monday that its jets had flown 40 sorties. Its chief spokesman, Colonel "
     "Jan Nowak, said two brigades were now deployed near the town.", [(2, "Poland")]),
])
def test_a_spokesman_named_by_its_speaks_for_its_referent(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a claimant is spelt as the name the text gives it before: an acronym spelt out with small words
# between its initials, a role that is the head of its phrase, a hyphenated role, "its" as the
# country it goes back to, and "the officials" as the officials a paper cited
@pytest.mark.parametrize(("text", "value", "claimant"), [
    ("According to the Center for Strategic and International Studies, Russia has lost 2,500 tanks. "
     "The CSIS estimates that Moscow can rebuild about 300 tanks a year.", 300,
     "Center for Strategic and International Studies"),
    ("The CSIS estimates that Moscow can rebuild about 300 tanks a year.", 300, "CSIS"),       # guard
    ("Allies have put more than 20,000 troops on alert, the Secretary General said.", 20000, "Secretary General"),
    ("Defence Secretary Ben Wallace said Russia had 130,000 troops near Ukraine.", 130000, "Ben Wallace"),  # guard
    ("Poland's commander-in-chief said about 2,000 troops would join the exercise.", 2000,
     "Poland's commander-in-chief"),
    ("Armenia announced a ceasefire on Monday. Its defence ministry said 49 of its soldiers had been killed.",
     49, "Armenia's defence ministry"),
    ("The rebels attacked the town at dawn. Their commander said 40 soldiers were killed.", 40,
     "Their commander"),                                       # guard: "their" goes back to no name
    ("Some 300,000 troops have been wounded, the Washington Post reported, citing U.S. officials. About "
     "90,000 soldiers have been killed, the officials said.", 90000, "U.S. officials"),
    ("About 90,000 soldiers have been killed, the officials said.", 90000, "officials"),      # guard
])
def test_a_claimant_is_spelt_as_named_before(nlp, text, value, claimant):
    assert [c.claimant for c in _claims(nlp, text) if c.value == value] == [claimant]


# a bare office ("the minister", "the head of state") is the person last named doing something
# in the sentences before, unless another office named them
@pytest.mark.parametrize(("text", "value", "claimant"), [
    ("Sergei Shoigu toured a training ground near Rostov. The minister said 12,000 reservists had "
     "finished training.", 12000, "Sergei Shoigu"),
    ("Alexander Lukashenko chaired a meeting of the Security Council. The head of state said the joint "
     "force would number about 9,000 servicemen.", 9000, "Alexander Lukashenko"),
    ("Emmanuel Macron addressed parliament on Tuesday. The president said 2,500 peacekeepers "
     "would leave within days.", 2500, "Emmanuel Macron"),
    # guards: a person named by another office, and an office whose phrase names a body
    ("President Andrzej Duda visited the base. The minister said 10,000 troops would join the drills.",
     10000, "minister"),
    ("Mark Rutte met the staff on Friday. The head of the ministry said 300 soldiers were deployed.",
     300, "head of the ministry"),
])
def test_an_office_is_the_person_last_named(nlp, text, value, claimant):
    assert {c.value: c.claimant for c in _claims(nlp, text)}[value] == claimant


# forces put under a side's command are that side's, whoever sent them; the side that
# establishes, forms or creates units owns them
@pytest.mark.parametrize(("text", "expected"), [
    ("Allies have put more than 20,000 troops under direct NATO command in the east.", [(20000, "NATO")]),
    ("About 3,000 soldiers under the command of Ukraine's Joint Forces held the line.", [(3000, "Ukraine")]),
    ("Some 8,000 troops under Russian control remain in the region.", [(8000, "Russia")]),
    ("Allies have put more than 20,000 troops on alert in the east.", [(20000, "")]),    # guard: no command
    ("The rebels hold 2,000 prisoners under guard.", [(2000, "")]),                  # guard: not a command noun
    ("NATO leaders agreed on Thursday to establish four new battlegroups in the south-east.", [(4, "NATO")]),
    ("Ukraine has formed 10 new assault brigades since the spring.", [(10, "Ukraine")]),
])
def test_forces_under_a_sides_command_or_formed_by_it_are_its(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a part an "including" phrase lists is what its whole is: killed, or equipment lost
    ("Kyiv said its troops had killed 2,000 Russian soldiers, including 40 paratroopers.",
     [(2000, K, False), (40, K, False)]),
    ("Russia said it had destroyed 300 Ukrainian targets, including 25 tanks and 4 aircraft.",
     [(25, F, True), (4, F, True)]),
    ("Moscow keeps 300 tanks, including 25 tanks in Belarus.", [(300, F, False), (25, F, False)]),    # guard
])
def test_a_listed_part_is_what_its_whole_is(nlp, text, expected):
    assert [(c.value, c.category, "losses" in c.flags) for c in _claims(nlp, text)] == expected


# a body's side may be named down its "of" phrases, for its own figures and for "its"
@pytest.mark.parametrize(("text", "expected"), [
    ("The defence ministry of Armenia said 49 of its soldiers had been killed.", [(49, "Armenia")]),
    ("The General Staff of the Armed Forces of Ukraine said 300 soldiers had been sent north.", [(300, "Ukraine")]),
    ("The ministry of Georgia said on Monday that 12 of its soldiers were wounded.", [(12, "Georgia")]),
    ("The ministry of defence said 49 of its soldiers had been killed.", [(49, "")]),    # guard: no side named
])
def test_a_bodys_side_named_in_its_of_phrase(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a count held by a force takes the force's side: the subject of a holding verb, and the whole
# an "including" phrase lists a part of, down a chain of "of" phrases
@pytest.mark.parametrize(("text", "expected"), [
    ("The Western Group of Belarusian Forces numbers about 4,000 servicemen.", [(4000, "Belarus")]),
    ("Analysts counted the loss of 2,100 pieces of Russian armour, including 640 tanks.", [(640, "Russia")]),
    ("The aid package includes 31 tanks.", [(31, "")]),                          # guard: no side held
    ("A convoy of 300 vehicles, including 40 tanks, was seen near the town.", [(40, "")]),  # guard: no side
    # the later items of the list too, and a list the parse hangs on a verb
    ("The ministry said its forces had destroyed 900 Georgian military targets since the start of the "
     "operation, including 70 tanks, 12 aircraft and 9 helicopters.", [(70, "Georgia"), (12, "Georgia"),
                                                                      (9, "Georgia")]),
])
def test_a_count_held_by_a_force_takes_its_side(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# who documents, identifies, counts or verifies a count is its source
@pytest.mark.parametrize(("text", "claimant"), [
    ("Oryx, an open-source monitoring group, has documented more than 3,000 destroyed Russian tanks.", "Oryx"),
    ("Independent analysts identified at least 16 Bradley fighting vehicles in footage from the area.",
     "Independent analysts"),
    ("The monitoring group Belaruski Hajun counted about 4,000 Wagner fighters in Belarus.", "Belaruski Hajun"),
    ("Our forces recorded 5 soldiers killed and 8 wounded.", ""),        # guard: "record" is no source's verb
])
def test_a_count_on_record_is_claimed_by_who_keeps_it(nlp, text, claimant):
    assert _claims(nlp, text)[0].claimant == claimant


# a count noun the figure fills belongs to its owner, or to who gives it, whoever reports the sentence
@pytest.mark.parametrize(("text", "claimant"), [
    ("The spokesman said the Latvian army's own figure of about 6,000 soldiers was too low.", "Latvian army"),
    ("The ministry gave a toll of 135 soldiers killed.", "ministry"),
    ("Its figure of 15,000 soldiers was not confirmed.", ""),            # guard: "its" names nobody
])
def test_a_count_nouns_owner_claims_it(nlp, text, claimant):
    assert _claims(nlp, text)[0].claimant == claimant


# a group named in its source's name outranks the country it is in
@pytest.mark.parametrize(("text", "expected"), [
    ("Somalia's al-Shabaab movement said it had lost 12 fighters in the raid.", [(12, "al-Shabaab")]),
    ("Nagorno-Karabakh's defence army said 20 more of its servicemen had been killed.", [(20, "Nagorno-Karabakh")]),
])
def test_a_group_in_the_sources_name_is_its_side(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a count that refers back to a force, in the same sentence or the one before, counts that force:
# "all N of them" after a force no figure counted; a bare number opening the next sentence; a number
# the talk made definite ("since the 7,000", "the 7,000 you refer to", "an additional 7,000")
@pytest.mark.parametrize(("text", "expected"), [
    ("He kept saying Russian troops along the border were there for “training” — all 180,000 of them.",
     [(180000, "troops", "Russia")]),
    ("The rebels violated the ceasefire 60 times, 43 of them with heavy weapons, the army said.",
     []),                                         # guard: "them" is the 60 times, not a force
    ("Half a million soldiers crossed the river in 1968. 200,000 have been sent this time.",
     [(500000, "soldiers", ""), (200000, "soldiers", "")]),
    ("The convoy was long. 2,000 were seen near the town.", []),   # guard: nothing counted before
    ("Is there any update on the troop levels?  You know, since the 7,000, have there been more?",
     [(7000, "troop", "")]),
    ("Russia has added 7,000 troops this week. We have not seen withdrawals; in fact, the 7,000 you refer "
     "to is only part of it, and we saw an additional 7,000 since.",
     [(7000, "troops", R), (7000, "troops", R), (7000, "troops", R)]),
    ("The budget grew this year. In fact, the 7,000 you refer to is only part of it.", []),   # guard: no force
    ("In the Mykolaiv direction the invaders have to take away the \"two hundred\" with helicopters.",
     []),                                         # guard: Kremlin slang for the dead, in words
])
def test_a_count_that_refers_back_to_a_force(nlp, text, expected):
    assert [(c.value, c.unit, c.side) for c in _claims(nlp, text)] == expected


# "a 1,000-member Stryker squadron" counts its members; "a force contingent" is a contingent
@pytest.mark.parametrize(("text", "expected"), [
    ("In recent weeks the United States sent a 1,000-member Stryker squadron to Romania.",
     [(1000, "member", US)]),
    ("Britain deployed a 500-man detachment to Estonia.", [(500, "man", UK)]),
    ("The club has a 1,000-member board.", []),          # guard: no force
    ("We have 10,500 troops in Poland as part of a 100,000 strong U.S. force contingent.",
     [(10500, "troops", ""), (100000, "contingent", US)]),
])
def test_a_force_sized_by_its_members(nlp, text, expected):
    assert [(c.value, c.unit, c.side) for c in _claims(nlp, text)] == expected


# in a side's own statement, forces sent to seize or attack that side are its adversary's
@pytest.mark.parametrize(("text", "expected"), [
    ("200,000 soldiers have been sent to seize Ukraine.", [(200000, R)]),
    ("10,000 soldiers will be deployed in the Kharkiv region.", [(10000, U)]),    # guard: the publisher's own
])
def test_forces_sent_against_the_publisher(nlp, text, expected):
    from core.extract.speakers import Voices

    claims = _claims(nlp, text, voices=Voices(home="President of Ukraine"))
    assert [(c.value, c.side) for c in claims] == expected


# a navy's report: single ships, missile carriers listed as parts of a count, and the part an
# "including" phrase gives without its noun; an airline called a carrier stays civil
@pytest.mark.parametrize(("text", "expected"), [
    ("The enemy keeps one ship in the Sea of Azov.", [(1, "ship")]),
    ("There are seven enemy ships in the Mediterranean, including four Kalibr carriers.",
     [(7, "ships"), (4, "kalibr carriers")]),
    ("The enemy keeps 11 ships on duty, including one missile carrier.", [(11, "ships"), (1, "missile carrier")]),
    ("Air defences destroyed 158 drones over 15 regions, including nine over the Moscow region.",
     [(158, "drones"), (9, "drones")]),
    ("Aeroflot, the national carrier, has grounded 20 aircraft.", []),          # guard: an airline's fleet
    ("The national carrier has 20 aircraft, including four wide-body jets.", []),   # guard: its parts too
])
def test_ships_carriers_and_the_parts_a_count_includes(nlp, text, expected):
    assert [(c.value, c.unit) for c in _claims(nlp, text)] == expected


# a side is inherited from the forces named up to four sentences before (`SENTENCE_WINDOW`)
@pytest.mark.parametrize(("text", "expected"), [
    ("Russian forces kept arriving near the border in January. The build-up worried Kyiv. Officials met in "
     "Washington on Tuesday. Diplomats spoke of a crisis. By March some 100,000 troops were there.",
     [(100000, R)]),
    ("Russian forces kept arriving near the border in January. The build-up worried Kyiv. Officials met in "
     "Washington on Tuesday. Diplomats spoke of a crisis. The talks went on. Nobody knew more. "
     "By March some 100,000 troops were there.", [(100000, "")]),     # guard: too far back
])
def test_a_side_is_inherited_across_a_few_sentences(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a body named by its kind alone is the state's or alliance's it belongs to
@pytest.mark.parametrize(("text", "expected"), [
    ("Two more Israeli soldiers were killed in fighting in southern Gaza, the army said on Sunday.",
     ["Israeli army"]),
    ("Eleven soldiers were killed when jihadists attacked a convoy in northern Burkina Faso, the army said.",
     ["Burkina Faso's army"]),
    ("Germany will send 500 Stinger missiles to Ukraine, the government said on Saturday.",
     ["Germany's government"]),
    ("Ukrainian forces have captured 400 Russian soldiers, the country's military said on Tuesday.",
     ["Ukrainian military"]),
    ("NATO said on Monday it was putting forces on standby. Denmark will deploy four F-16 fighter jets "
     "to Lithuania, the alliance said in a statement.", ["NATO"]),
    ("Sudan's army said on Monday it had killed 300 fighters of the Rapid Support Forces.", ["Sudan's army"]),
    ("The army said it had found the bodies of 12 soldiers.", ["army"]),        # guard: no state named
])
def test_a_body_named_by_its_kind_is_its_states(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a name that ends an office's "to" phrase is the office holder's; "it" goes back to the body
# its own sentence names before it
@pytest.mark.parametrize(("text", "expected"), [
    ("Russia has amassed 190,000 personnel near Ukraine, U.S. Ambassador to the OSCE Michael Carpenter "
     "told the council on Friday.", ["Michael Carpenter"]),
    ("Russia has 100,000 troops near the border, Aide to the President Yury Ushakov said.", ["Yury Ushakov"]),
    ("Russia has 100,000 troops near the border, an adviser to President Volodymyr Zelensky said.",
     ["adviser"]),                                 # guard: the name is the adviser's principal's
    ("NATO released satellite images on Thursday that it said showed up to 40,000 Russian troops.", ["NATO"]),
    ("Colonel Ivanov released images that it said showed 40,000 Russian troops.", [""]),   # guard: a person
])
def test_a_name_after_an_office_and_it_after_a_body(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# whose forces a few more phrasings name: "his" goes back to a person, not to "Russian armour";
# a deployment is its possessive's or its ordering verb's subject's; a force taking part in an
# exercise its apposition names; an alliance NER leaves untagged; aircraft shot down are losses
@pytest.mark.parametrize(("text", "expected"), [
    ("Ukrainian officials said Russian armour was crossing from the north. Oleg Sokolov said his 4,000 "
     "soldiers would stay in Belarus.", [(4000, "")]),
    ("Russian armour was crossing from the north. The general said his 4,000 soldiers would stay.", [(4000, "")]),
    ("The President directed the deployment of about 2,000 soldiers from Fort Bragg to Poland.",
     [(2000, "")]),                                        # no side for "the President" in a news text
    ("Russia's deployment of 100,000 troops worries Kyiv.", [(100000, R)]),
    ("About 30,000 troops from 27 countries are taking part in Cold Response, a NATO exercise in Norway.",
     [(30000, "NATO")]),
    ("The Russian-led Collective Security Treaty Organization has deployed 2,030 troops to Kazakhstan.",
     [(2030, "CSTO")]),
    ("Russian aviation has hit 62 facilities and shot down two Su-27 aircraft.", [(2, U)]),
])
def test_more_ways_a_side_is_named(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


def test_a_deployment_the_speakers_president_directs_is_the_speakers_sides(nlp):
    from core.extract.speakers import voices

    text = ("Briefing by Pentagon Press Secretary Daniel Reyes.\nMR. REYES: Today the President directed the "
            "deployment of about 2,000 soldiers from Fort Bragg to Poland.")
    claims = _claims(nlp, text, voices=voices(text, side="United States"))
    assert [(c.value, c.side, c.claimant) for c in claims] == [(2000, US, "Daniel Reyes")]


def test_his_soldiers_are_the_dictionarys_persons_countrys(nlp):
    from core.extract.actors import DictionaryEntry
    from core.extract.speakers import voices

    text = ("President Oleg Sokolov insisted that his country had sent no troops, though officials said Russian "
            "armour was crossing its territory. He said his 45,000 soldiers would remain at home.")
    entries = [DictionaryEntry(canonical="Oleg Sokolov", aliases=("Sokolov",), kind="person", country="Belarus",
                               role="president")]
    claims = _claims(nlp, text, voices=voices(text, entries=entries))
    assert [(c.value, c.side) for c in claims] == [(45000, BY)]


# who gives a figure: a person who states what a body estimates; a report the figure is "of";
# "he" after a name NER missed; an abbreviated rank does not end the sentence
@pytest.mark.parametrize(("text", "expected"), [
    ("U.S. intelligence estimates that between 2,000 and 4,000 Russian troops have died, Lt. Gen. Scott "
     "Berrier told the committee on Tuesday.", ["Scott Berrier"]),
    ("Nikol Pashinyan told parliament that 105 Armenian troops had been killed, while Baku said 50 of its "
     "servicemen had died.", ["Nikol Pashinyan", "Baku"]),        # guard: Baku's own clause
    ("Kremlin spokesman Dmitry Peskov on Tuesday dismissed Western media reports of 100,000 Russian soldiers "
     "massed near Ukraine.", ["Western media reports"]),
    ("Biden said Russia had 150,000 troops near Ukraine, up from an estimate of 100,000 last month.",
     ["Biden", "Biden"]),                                         # guard: an estimate nobody is named for
    ("Kyrylo Budanov, head of Ukraine's military intelligence, told the Military Times that Russia had 92,000 "
     "troops near the border. He said Moscow had also brought about 1,200 tanks.",
     ["Kyrylo Budanov", "Kyrylo Budanov"]),
])
def test_who_gives_a_figure_others_name(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


def test_an_abbreviated_rank_does_not_end_a_sentence():
    from core.extract.pipeline import build_pipeline

    doc = build_pipeline()("The briefing ended. Lt. Col. Ivan Petrov said 300 soldiers had left. Capt. Ann Lee agreed.")
    assert [s.text for s in doc.sents] == [
        "The briefing ended.", "Lt. Col. Ivan Petrov said 300 soldiers had left.", "Capt. Ann Lee agreed."]


# a side's own redeployment in its statement; a report's source phrase stops before the figure it gives
def test_forces_a_side_redeploys_in_its_own_statement_are_its_own(nlp):
    from core.extract.speakers import Voices

    text = ("In the course of the inspection, more than 10,000 servicemen and up to 1,200 units of military "
            "equipment have been redeployed to training grounds in Crimea.")
    claims = _claims(nlp, text, voices=Voices(home="Ministry of Defence of the Russian Federation"))
    assert [(c.value, c.side) for c in claims] == [(10000, R), (1200, R)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Reports in the Western media of 110,000 Russian troops concentrated near Ukraine are a provocation.",
     ["reports in the Western media"]),
    ("Analysts at the International Institute for Strategic Studies estimate that 600,000 troops are deployed.",
     ["analysts at the International Institute for Strategic Studies"]),     # guard: no figure in the phrase
])
def test_a_reports_source_phrase_stops_before_its_figure(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a body named by its kind alone speaks for the state the text names before it: its own losses
@pytest.mark.parametrize(("text", "expected"), [
    ("Eleven soldiers were killed when jihadists attacked a convoy in northern Burkina Faso, the army said.",
     [(11, "Burkina Faso")]),
    ("Eleven soldiers were killed when jihadists attacked a convoy, the army said.", [(11, "")]),   # guard
])
def test_a_bodys_state_is_its_own_losses_side(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a figure someone proposes is theirs; a project named after its kind; "the President" is no minister
@pytest.mark.parametrize(("text", "expected"), [
    ("Minister of Defence Sergei Shoigu proposed increasing the size of the Armed Forces to 1.5 million "
     "servicemen.", ["Sergei Shoigu"]),
    ("One year into the war, the open-source project Oryx has confirmed the loss of 1,720 Russian tanks.",
     ["Oryx"]),
    ("Minister of Defence Sergei Shoigu proposed a larger army. The President supported the proposal and "
     "noted that 150,000 reservists were now deployed.", ["Vladimir Putin"]),
])
def test_a_proposal_a_project_and_another_office(nlp, text, expected):
    from core.extract.actors import DictionaryEntry
    from core.extract.speakers import voices

    entries = [DictionaryEntry("Vladimir Putin", ("Putin",), "person", "Russia", "president")]
    claims = _claims(nlp, text, voices=voices(text, side="President of Russia", entries=entries))
    assert [c.claimant for c in claims] == expected


# whose forces a sentence counts, read from what they do or what happens to them
@pytest.mark.parametrize(("text", "expected"), [
    # a member of a named force
    ("The island fields about 150,000 soldiers, against some 1 million troops in China's People's "
     "Liberation Army.", [(150000, ""), (1000000, "China")]),
    ("About 5,000 troops in the town have left, the mayor said.", [(5000, "")]),                # guard: a place
    # the force a change verb grows or shrinks, as its subject or as the one ordered to change
    ("Chad's military has shrunk to about 30,000 personnel, according to a study.", [(30000, "Chad")]),
    ("The president has ordered Kazakhstan's armed forces to grow by 15,000 troops, according to a decree.",
     [(15000, "Kazakhstan")]),
    ("The convoy has shrunk to about 40 tanks.", [(40, "")]),                                  # guard: no force
    # forces that besiege or invade a country are its adversary's
    ("More than 100,000 troops were encircling Ukraine, the president said.", [(100000, R)]),
    ("More than 100,000 troops were encircling the city, the president said.", [(100000, "")]),  # guard
    # losses a force suffers within "a total of" or "an average of" are its own
    ("Russian forces suffered an average of 900 casualties a day in March, British intelligence said.",
     [(900, R)]),
    # the country forces withdraw from is where they were, not whose they are
    ("Canada will withdraw its roughly 400 military personnel from Latvia, the ministry said.",
     [(400, "Canada")]),
])
def test_side_from_what_forces_do(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


def test_soldiers_who_surrender_are_captured(nlp):
    claims = _claims(nlp, "About 300 soldiers surrendered to the rebels on Tuesday, the group said.")
    assert [(c.value, c.category) for c in claims] == [(300, "captured")]
    claims = _claims(nlp, "About 300 soldiers took part in the parade on Tuesday, the army said.")
    assert [(c.value, c.category) for c in claims] == [(300, "force_size")]                # guard


# "the group said", "the mission said": the organisation named before, its name without a bracketed acronym
@pytest.mark.parametrize(("text", "expected"), [
    ("Fighters of the Arakan Army overran a border post on Sunday, killing 40 soldiers, the armed group said.",
     [(40, "Arakan Army")]),
    ("The United Nations Mission in South Sudan (UNMISS) will cut 1,000 of its 17,000 troops this year, "
     "according to a plan approved by the Security Council, the mission said.",
     [(1000, "United Nations Mission in South Sudan"), (17000, "United Nations Mission in South Sudan")]),
    ("The rebels killed 40 soldiers, the group said.", [(40, "group")]),                 # guard: none named
])
def test_a_group_or_mission_said_is_the_one_named_before(nlp, text, expected):
    assert [(c.value, c.claimant) for c in _claims(nlp, text)] == expected


def test_an_african_union_mission_is_the_african_unions_side(nlp):
    claims = _claims(nlp, "The African Union Mission in Somalia (AMISOM) has about 22,000 troops, the mission said.")
    assert [(c.value, c.side) for c in claims] == [(22000, "African Union")]


# a maker or donor named before equipment is not its owner; a spokesman for a side speaks for it
@pytest.mark.parametrize(("text", "expected"), [
    ("Russian forces destroyed six American-built tanks near Bakhmut, the ministry said.", [(6, U)]),
    ("Russia said its forces had destroyed four French-made howitzers in the south.", [(4, U)]),
    ("Russia said its forces had destroyed four French howitzers in the south.", [(4, "France")]),   # guard
    ("A spokesman for Ukraine's southern defence forces said they had killed 120 occupiers overnight.",
     [(120, R)]),
])
def test_a_maker_is_no_owner_and_a_spokesman_speaks_for_his_side(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a group's name the tagger splits into an adjective and a noun, and a spelling of the wires
@pytest.mark.parametrize(("text", "expected"), [
    ("The coalition said its air strikes had killed an estimated 2,000 Islamic State militants in Raqqa.",
     [(2000, "Islamic State")]),
    ("Iraqi forces said they had killed about 300 Islamic State militants around Tal Afar.", [(300, "Islamic State")]),
    ("Kenyan troops killed 25 al-Shabab fighters in a raid, the army said.", [(25, "al-Shabaab")]),
])
def test_a_split_or_respelt_group_name_is_its_side(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a source at the end of a long sentence, past an adjectival participle; "its defence ministry" in full
@pytest.mark.parametrize(("text", "expected"), [
    ("Rebel forces have been reinforced by about 900 fighters who trained in Russia, along with 40 tanks, "
     "Igor Plotnitsky, leader of the self-proclaimed Luhansk People's Republic, said in a video posted Sunday.",
     ["Igor Plotnitsky", "Igor Plotnitsky"]),
    ("Iran struck back on Monday, and its defence ministry said it had destroyed 12 Israeli drones.",
     ["Iran's defence ministry"]),
])
def test_a_late_source_and_an_owned_ministry(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# the phrase between the last comma and a trailing "said" is its subject, when the parse looks further back
@pytest.mark.parametrize(("text", "expected"), [
    ("Three Georgian soldiers were killed and five wounded in the east over the past day as rebel units shelled "
     "army positions near the village of Tkvarcheli, the press service of Georgia's Defence Ministry said on Sunday.",
     ["press service of Georgia's Defence Ministry", "press service of Georgia's Defence Ministry"]),
    ("Four Israeli soldiers were killed near Rafah, the army said.", ["Israeli army"]),                # guard
])
def test_a_trailing_source_after_the_last_comma(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# weapons a list shares one "launched by" with; equipment a side goes aboard or strikes with
@pytest.mark.parametrize(("text", "expected"), [
    ("French frigates shot down 12 drones, three cruise missiles and one ballistic missile launched by the "
     "Houthis on Friday, the French military said.", [(12, "Houthis"), (3, "Houthis"), (1, "Houthis")]),
    ("British special forces flew into the capital aboard four Chinook helicopters on Sunday.", [(4, UK)]),
    ("The United States will supply Poland with 250 Abrams tanks.", [(250, "Poland")]),           # guard
])
def test_a_lists_launcher_and_what_a_side_flies_aboard(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a group compounded with a country's name is the group; a phrase "in" a place, not the place; a
# described speaker's "his"; the state a named group fights (when it fights one); a handing over with no receiver;
# a group's own army
@pytest.mark.parametrize(("text", "expected"), [
    ("Saudi air defences intercepted nine drones launched by Yemen's Houthi rebels, the coalition said.",
     [(9, "Houthis")]),
    ("Saudi air defences intercepted nine drones launched by Yemen's rebels, the coalition said.",
     [(9, "Yemen")]),                                                               # guard: no group named
    ("Kazakhstan's peacekeeping contingent in Nagorno-Karabakh, deployed under the truce of 5 May 2021 with "
     "450 troops, has left.", [(450, "Kazakhstan")]),
    ("About 300 of his fighters were killed in the raid, Hamas military chief Mohammed Deif said.",
     [(300, "Hamas")]),
    ("Around 2,000 of his men have died since May, the Islamic State commander Abu Omar told reporters.",
     [(2000, "Islamic State")]),
    ("PKK militants killed at least 12 soldiers near the border, a local official said.", [(12, "Turkey")]),
    ("Boko Haram gunmen killed at least 12 soldiers near Lake Chad, residents said.", [(12, "")]),  # guard: several
    ("Denmark will send 19 F-16 fighter jets to Ukraine, the prime minister said. Norway will also supply "
     "six more jets, its ministry said.", [(19, U), (6, U)]),
    ("Denmark will send 19 F-16 fighter jets to Ukraine. Norway has also bought six jets, its ministry said.",
     [(19, U), (6, "Norway")]),                                                   # guard: a purchase
    ("Nagorno-Karabakh's defence army said 14 of its soldiers had been wounded.", [(14, "Nagorno-Karabakh")]),
])
def test_a_named_group_a_phrases_head_a_described_speaker_and_a_receiver_before(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a role named in the next sentence by a name NER tags in part; an organisation after a hyphenated
# description; a tally an organisation keeps
@pytest.mark.parametrize(("text", "expected"), [
    ("Russia could move 30,000 troops to the border within weeks, the head of Estonia's foreign intelligence "
     "service said on Monday. Kaupo Rosin added that 5,000 of them were already in Belarus.",
     ["Kaupo Rosin", "Kaupo Rosin"]),
    ("The al-Qaeda-affiliated group JNIM said it had killed 45 soldiers near Djibo.", ["JNIM"]),
    ("At least 300 soldiers have died in the fighting, according to an AFP tally.", ["AFP"]),
    ("At least 300 soldiers have died in the fighting, according to a new tally.", ["new tally"]),   # guard
])
def test_a_role_named_next_a_described_group_and_a_tallys_keeper(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# equipment flown to a party at war is the receiver's, as if sent; a UN mission's forces are the UN's
@pytest.mark.parametrize(("text", "expected"), [
    ("Canada has flown 1,500 anti-tank missiles to Kyiv, its defence minister said.", [(1500, U)]),
    ("The United States airlifted 300 Stinger missiles to Ukraine last week.", [(300, U)]),
    ("Russia has flown 12 Su-30 fighter jets to airfields in Belarus.", [(12, R)]),           # guard: a place
    ("Marines flew into the embassy compound aboard four Osprey aircraft, the Pentagon said.", [(4, US)]),  # guard
    ("MINUSMA said seven of its peacekeepers had been killed near Kidal.", [(7, "United Nations")]),
    ("UNIFIL, the UN force in southern Lebanon, said two of its soldiers had been wounded.",
     [(2, "United Nations")]),
    ("The UN said seven soldiers had been killed near Kidal.", [(7, "")]),                 # guard: not a side
])
def test_flown_equipment_and_a_un_missions_forces(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# military aircraft and ships by their kind, militia and guerrilla fighters; not an airline's planes
@pytest.mark.parametrize(("text", "expected"), [
    ("The navy has sent two frigates and a destroyer to the strait, the ministry said.", [(2, "frigates")]),
    ("The army said 40 militiamen and 12 guerrillas had been killed in the clashes.",
     [(40, "militiamen"), (12, "guerrillas")]),
    ("Russia moved six strategic bombers to the base, satellite images show.", [(6, "bombers")]),
    ("The airline has grounded 30 planes and 200 pilots.", []),                                # guard: civil
    ("The splinter factions now number some 2,800 combatants, the report said.", [(2800, "combatants")]),
])
def test_aircraft_ships_and_irregulars_by_kind(nlp, text, expected):
    assert [(c.value, c.unit) for c in _claims(nlp, text)] == expected



# an analysis the tagger lemmatises oddly still goes back to its author; "the channel said" to the
# broadcaster named before
@pytest.mark.parametrize(("text", "expected"), [
    ("The rebels have massed about 5,000 fighters near the city, according to satellite analysis by the Conflict "
     "Observatory.", ["Conflict Observatory"]),
    ("The army has lost 40 tanks, Sky News reported on Monday. It also lost 12 helicopters, the channel said.",
     ["Sky News", "Sky News"]),
])
def test_an_analysis_and_a_channel_go_back_to_their_authors(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a figure in a relative clause on the one who reports is not what they report; a person's reported
# speech stops at a sentence where a body or country reports of its own
@pytest.mark.parametrize(("text", "expected"), [
    ("Fighting resumed on Monday. Turkey, which has about 3,000 soldiers in the area, said it would mediate.",
     [""]),
    ("The ministry, which said 300 soldiers had died, refused to comment further.", ["ministry"]),   # guard
    ("Defence Minister Ana Lopez said the army had lost 40 soldiers. Brazil, which keeps 900 troops on the "
     "border, said it was watching closely.", ["Ana Lopez", ""]),
    ("Defence Minister Ana Lopez said the army had lost 40 soldiers. Another 900 troops were on the way.",
     ["Ana Lopez", "Ana Lopez"]),                                                   # guard: she goes on
])
def test_a_reporters_own_description_and_where_reported_speech_stops(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a force made of another force takes the side the other is named with
@pytest.mark.parametrize(("text", "expected"), [
    ("Three brigades of Syrian soldiers withdrew from the town overnight.", [(3, "Syria")]),
    ("Three brigades of the city's defenders withdrew from the town overnight.", [(3, "")]),    # guard
])
def test_a_force_of_a_named_force(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# losses that raise a count are not who counts them
@pytest.mark.parametrize(("text", "expected"), [
    ("Two soldiers were killed near the border, the army said. Their deaths bring to 410 the number of "
     "soldiers killed since March.", ["army", ""]),
    ("The ministry raised to 410 the number of soldiers killed since March.", ["ministry"]),       # guard
    # nor is a deployment that brings a total to a figure: "which" is no estimator
    ("The Pentagon sent 300 more soldiers to Latvia, which brings the total number of US troops in the "
     "Baltics to about 2,400.", ["", ""]),
])
def test_losses_are_no_ones_estimate(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a source the parse leaves without a subject: the name between the comma and "said"; then a
# description of it ("the London-based monitor") goes back to that name
@pytest.mark.parametrize(("text", "expected"), [
    ("More than 40 soldiers were killed in an attack on army posts around Raqqa, the Levant Observatory for "
     "Human Rights said on Sunday, citing its sources. The London-based monitor said 25 gunmen also died.",
     ["Levant Observatory for Human Rights", "Levant Observatory for Human Rights"]),
    ("Forty soldiers died in a raid on an outpost near Hama, the commander of the garrison said.",
     ["commander of the garrison"]),                                                # guard: a role as before
])
def test_a_trailing_source_without_a_subject(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a description with a name in apposition or compounded onto it is that name; not a platform
@pytest.mark.parametrize(("text", "expected"), [
    ("The armed coalition, the NDF-K, said it had killed 30 government soldiers.", ["NDF-K"]),
    ("Belarus's BelTA news agency reported that 300 soldiers had crossed the border.", ["BelTA"]),
    ("A Telegram channel close to the group said 300 soldiers had crossed the border.",
     ["Telegram channel close to the group"]),
    ("The International Crisis Group said 300 soldiers had crossed the border.",
     ["International Crisis Group"]),                                                   # guard: a name itself
])
def test_a_named_description(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# figures someone put out are theirs; "the army" after the IDF named is the IDF
@pytest.mark.parametrize(("text", "expected"), [
    ("At least 1,200 soldiers have died since May, according to data compiled by the Kiel Institute.",
     ["Kiel Institute"]),
    ("The IDF said 14 soldiers had been killed on Friday. Another 30 troops were wounded in the north, the "
     "army said.", ["IDF", "IDF"]),
    ("The IDF said 14 soldiers had been killed. Egypt closed the crossing, and 30 Egyptian troops were "
     "wounded, the army said.", ["IDF", "Egyptian army"]),                          # guard: another state between
    ("At least 1,200 soldiers have died since May, according to figures seen by Reuters.",
     ["figures seen by Reuters"]),                                                  # guard: not who put them out
])
def test_published_figures_and_a_named_army(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# an age is no count
@pytest.mark.parametrize(("text", "expected"), [
    ("The army said three soldiers died on Sunday. The soldiers, aged 22 and 24, were killed by a roadside "
     "bomb.", [3]),
    ("The 31 soldiers killed by the bomb were buried on Friday.", [31]),               # guard
])
def test_ages_are_no_claims(nlp, text, expected):
    assert [c.value for c in _claims(nlp, text)] == expected


# "the ministry" counts for the body it goes back to: its side is that body's, not that of a
# country the sentence before happens to name
@pytest.mark.parametrize(("text", "expected"), [
    ("Russia's defence ministry said on Monday that its air defences had shot down 12 drones. Ukrainian units "
     "lost up to 200 servicemen near Kupiansk, the ministry said. In all, the enemy has lost 9,000 troops "
     "in the area, according to the ministry.", [(12, "Ukraine"), (200, "Ukraine"), (9000, "Ukraine")]),
])
def test_a_short_source_has_the_side_of_its_full_name(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a bare figure after "and" and a name, its verb left out; a force named with its side in the
# clause before, where the place left is no side
@pytest.mark.parametrize(("text", "expected"), [
    ("Belgium has about 300 soldiers in Niger and the United States roughly 1,000.",
     [(300, "Belgium"), (1000, "United States")]),
    ("Italy has about 900 soldiers in Lebanon, up from 650.", [(900, "Italy"), (650, "Italy")]),     # guard
    ("The last Dutch soldiers left Afghanistan on Sunday, ending a mission that at its height involved 1,900 "
     "troops.", [(1900, "Netherlands")]),
    ("Iran fired about 200 drones at Israel overnight, the army said. British forces helped shoot down more "
     "than 20 drones, a British official said.", [(200, "Iran"), (20, "Iran")]),      # guard: not the shooter's
])
def test_a_gapped_owner_and_a_force_in_the_clause(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a part of an earlier count has that count's source
@pytest.mark.parametrize(("text", "expected"), [
    ("Philippine forces counted 40 Chinese vessels near the atoll on Sunday, the military said. Of the "
     "vessels, 12 were warships.", ["Philippine forces", "Philippine forces"]),
    ("The General Staff said 900 soldiers had been killed. Of those, 300 died near Bakhmut.",
     ["General Staff", "General Staff"]),
    ("The General Staff said 900 soldiers had been killed. Another 300 died near Bakhmut.",
     ["General Staff", ""]),                                                     # guard: not a part
])
def test_a_part_has_the_source_of_its_whole(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# fighters named by where they come from are the side that sends them or that they fight for
@pytest.mark.parametrize(("text", "expected"), [
    ("Some 1,200 Chadian fighters have been flown to Benghazi by Egypt, the monitor said.", [(1200, "Egypt")]),
    ("About 400 Peruvian former soldiers were hired to fight for the Houthis.", [(400, "Houthis")]),
    ("Britain flew 900 British troops to Estonia.", [(900, "United Kingdom")]),            # guard: their own
    ("Officials put the number of Chadian fighters in the city at 1,200.", [(1200, "Chad")]),  # guard: no sender
])
def test_fighters_sent_or_fighting_for_another(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a count of regular soldiers does not take the side of an earlier count of fighters, nor the reverse
@pytest.mark.parametrize(("text", "expected"), [
    ("Army units backed by local militias killed 60 Boko Haram fighters in Borno state, the Nigerian army "
     "said. Four soldiers were also killed. A separate air strike killed 20 militants.",
     [(60, "Boko Haram"), (4, "Nigeria"), (20, "Boko Haram")]),
])
def test_regular_and_irregular_forces_keep_their_sides(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# "N of the <unit>" is a part too; figures compounded with the body that put them out are its
@pytest.mark.parametrize(("text", "expected"), [
    ("Russia launched 400 drones overnight, Ukraine's air force said. Air defences destroyed 380 of the drones.",
     ["Ukraine's air force", "Ukraine's air force"]),
    ("The IDF said 90 soldiers had been killed since May. According to army figures, 400 soldiers were wounded.",
     ["IDF", "IDF"]),
    ("According to Pentagon data, 300 soldiers were wounded in the attack.", ["Pentagon"]),
    ("Its figure of 15,000 soldiers was disputed.", [""]),                           # guard: no body compounded
])
def test_a_part_of_the_counted_and_a_bodys_figures(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a part of a sender's own stock handed over to a party at war is the receiver's
@pytest.mark.parametrize(("text", "expected"), [
    ("Norway will send 20 of its older Leopard tanks to Ukraine, the defence minister said.", [(20, "Ukraine")]),
    ("Norway will keep 20 of its older Leopard tanks in storage, the defence minister said.", [(20, "Norway")]),  # guard
])
def test_a_part_of_a_stock_handed_over(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a report is its author's only when it is put out by them, not described or seen; a cited report
# is its author's; "the official" is the official named before, whatever they did there
@pytest.mark.parametrize(("text", "expected"), [
    ("The army could field 90,000 troops by spring, according to an intelligence assessment seen by a German "
     "official.", ["intelligence assessment seen by a German official"]),
    ("The army could field 90,000 troops by spring, according to a report compiled by the Riga Institute.",
     ["Riga Institute"]),
    ("At least 60 soldiers have died, an opposition lawmaker said, citing a briefing by the Defence "
     "Intelligence Agency.", ["Defence Intelligence Agency"]),
    ("The force may reach 90,000 troops, according to an assessment described by a Pentagon official. The "
     "plan moves 40 battalions to the border, the official said.",
     ["assessment described by a Pentagon official", "Pentagon official"]),
])
def test_who_put_a_report_out_and_the_official_named_before(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a spelled number hyphened to a word is part of a compound word; a singular force word before
# "and" modifies the later unit; a toll "of" a unit counts that unit
@pytest.mark.parametrize(("text", "expected"), [
    ("Two soldiers were wounded in a one-way drone strike on the base.", [(2, "soldiers")]),
    ("A three-star general visited the 400 marines stationed there.", [(400, "marines")]),
    ("The outpost houses some 250 Army and Navy personnel.", [(250, "personnel")]),
    ("The drills involve 90 aircraft and helicopters.", [(90, "aircraft")]),                 # guard: first noun
    ("The convoy carried 700 soldiers and police officers.", [(700, "soldiers")]),           # guard: a plural head
    ("The losses bring the toll of soldiers killed in the ground offensive against the militia in Darfur to "
     "310.", [(310, "soldiers")]),
    ("The attack raised the death toll to 41.", [(41, "deaths")]),                            # guard: no "of"
])
def test_compound_words_coordinated_modifiers_and_a_toll_of_a_unit(nlp, text, expected):
    assert [(c.value, c.unit) for c in _claims(nlp, text)] == expected


# "the mission" is the mission named before, not whoever acted last; a count pooled "from" several
# countries is no one country's
@pytest.mark.parametrize(("text", "expected"), [
    ("The UN mission in the Central African Republic (MINUSCA) is under strain. This year the mission "
     "deployed about 14,000 personnel.", [(14000, "United Nations")]),
    ("UNIFIL said three of its peacekeepers were hurt when an Israeli drone struck a post. The mission has "
     "about 10,000 troops.", [(3, "United Nations"), (10000, "United Nations")]),
    ("The African Union mission, which has about 18,000 troops from Uganda, Kenya and Burundi, will shrink.",
     [(18000, "African Union")]),
    ("About 4,000 troops from Uganda are deployed in the south.", [(4000, "Uganda")]),                  # guard
])
def test_the_mission_and_a_pooled_count(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# equipment sold, received or listed as part of a whole: the buyer's, the receiver's, the whole's
@pytest.mark.parametrize(("text", "expected"), [
    ("Washington cleared the sale of 40 F-35 jets to Warsaw in a deal worth $4 billion, officials said.",
     [(40, "Poland")]),
    ("Romania received the first 18 Leopard tanks from Germany in March.", [(18, "Romania")]),
    ("Germany sent 18 Leopard tanks to Lithuania from its own stocks.", [(18, "Germany")]),              # guard
    ("Kyiv said it had sunk a quarter of Russia's Black Sea Fleet since the start of the war, including "
     "12 landing ships.", [(12, "Russia")]),
])
def test_sold_received_and_listed_equipment(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# the source's own side: a body of a state's named force; "we've got" as "we have"
@pytest.mark.parametrize(("text", "expected"), [
    ("The PLA Southern Theater Command said 30 warships took part in the drills.", [(30, "China")]),
    ("US officials said 30 warships took part in the drills.", [(30, "")]),                            # guard
    ("\"We've got about 900 troops in Estonia,\" the British defence secretary said.", [(900, "United Kingdom")]),
    ("Syrian National Army commanders said 12 of their fighters were killed.", [(12, "Syrian National Army")]),
    ("The Karabakh Defense Army said 31 of its servicemen were killed.", [(31, "Nagorno-Karabakh")]),
])
def test_a_named_state_forces_body_and_named_groups(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# who gives a figure: the fuller source a short one repeats, a state in a clause of its own, the
# soldiers a report cites, who keeps a tally, the named group its fighters speak for
@pytest.mark.parametrize(("text", "expected"), [
    ("Sudan has 30,000 troops in the region, according to a report by African Union monitors. The monitors "
     "put the RSF at about 40,000 fighters.", ["African Union", "African Union"]),
    ("Finland will send 2,000 more troops to its eastern border, Defence Minister Antti Hakkanen said on Monday, "
     "as Helsinki warned that about 5,000 Russian soldiers were massing nearby.", ["Antti Hakkanen", "Helsinki"]),
    ("Le Monde, citing French soldiers and commanders, reported that 40 soldiers had been wounded.",
     ["French soldiers and commanders"]),
    ("The open-source tally maintained by the Volya project lists 900 destroyed tanks. A further 300 tanks were "
     "captured, according to the same count.", ["Volya project", "Volya project"]),
    ("Rebels of the MNLA said they had killed 40 government soldiers.", ["MNLA"]),
    ("Soldiers of the 3rd Brigade said they had killed 40 rebels.", ["soldiers of the 3rd Brigade"]),  # guard
    ("The rebels handed their rifles to a United Nations mission. Some 5,000 fighters have disarmed, the UN "
     "mission said.", ["UN mission"]),                                     # guard: a name of its own
])
def test_a_fuller_source_a_clause_of_its_own_a_tally_and_a_group(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a count with its noun left out: after a hedge that opens the sentence, a count noun that names no
# unit, "forces number N" tagged as a noun; and "terrorists" killed are a count of fighters
@pytest.mark.parametrize(("text", "expected"), [
    ("Kyiv said Belarus had 20 battalion tactical groups near the border. A further six were on their way, "
     "officials said.", [(20, "battalion tactical groups"), (6, "battalion tactical groups")]),
    ("About 3,000 Chinese soldiers are in the valley, the ministry said. Analysts had put the number sent "
     "there at about 5,000.", [(3000, "soldiers"), (5000, "soldiers")]),
    ("Japan's armed forces number 247,000, down from 260,000 a decade ago.", [(247000, "forces"), (260000, "forces")]),
    ("The army said it had neutralised 37 terrorists in the north.", [(37, "terrorists")]),
    ("A further six people were hurt.", []),                                            # guard: no count before
])
def test_counts_with_their_noun_left_out_and_terrorists(nlp, text, expected):
    assert [(c.value, c.unit) for c in _claims(nlp, text)] == expected


# irregular fighters a state's voice counts are not that state's own; "his office" is the office of
# the person named last
@pytest.mark.parametrize(("text", "expected"), [
    ("Nigeria's army said it had killed 40 terrorists in Borno state.", [(40, "", "Nigeria's army")]),
    ("The Nigerian army said troops had killed 40 militants in Borno state.", [(40, "", "Nigerian army")]),
    ("Boko Haram said 40 fighters were killed in Borno state.", [(40, "Boko Haram", "Boko Haram")]),    # guard
    ("NATO's secretary general, Mark Rutte, said Russia had 120,000 troops near the border. His office later "
     "said the figure was 100,000.", [(120000, "Russia", "Mark Rutte"), (100000, "Russia", "Mark Rutte's office")]),
])
def test_a_states_count_of_irregulars_and_his_office(nlp, text, expected):
    assert [(c.value, c.side, c.claimant) for c in _claims(nlp, text)] == expected


# a small number after a name is part of a model's name; a receiver as a bare indirect object; "N
# others" counts what came before; a force's apposition names its side; a force "of N troops" is the
# approver's; "the 2,000" again counts what the 2,000 counted
@pytest.mark.parametrize(("text", "expected"), [
    ("Britain will deploy 600 troops along with Challenger 2 tanks.", [(600, "troops", F, UK)]),
    ("Germany will send Ukraine 14 tanks, officials said.", [(14, "tanks", F, U)]),
    ("Germany will send Lithuania 14 tanks, officials said.", [(14, "tanks", F, "Germany")]),          # guard
    ("Nine soldiers were killed and four others wounded in the ambush.", [(9, "soldiers", K, ""), (4, "soldiers", W, "")]),
    ("Russia fired 30 missiles at Lviv. The strike killed 35 people and wounded 134 others.",     # guard
     [(30, "missiles", F, R)]),
    ("Twelve members of the Border Security Force, Bangladesh's frontier force, were killed.",
     [(12, "members", K, "Bangladesh")]),
    ("About 500 Ground Self-Defense Force personnel are stationed on the island.", [(500, "personnel", F, "Japan")]),
    ("SADC leaders approved a standby force of 5,000 troops.",
     [(5000, "troops", F, "Southern African Development Community")]),
])
def test_model_names_indirect_receivers_others_and_approved_forces(nlp, text, expected):
    assert [(c.value, c.unit, c.category, c.side) for c in _claims(nlp, text)] == expected


def test_a_definite_repeat_counts_what_the_same_figure_counted(nlp):
    text = ("The Pentagon has put 2,000 troops on alert, and 900 more personnel have deployed. "
            "Are the 900 on top of the 2,000?")
    assert [(c.value, c.unit) for c in _claims(nlp, text)] == [
        (2000, "troops"), (900, "personnel"), (900, "personnel"), (2000, "troops")]


# an office's country speaks for the one who holds it; criminals are no party's forces
@pytest.mark.parametrize(("text", "expected"), [
    ("Peru's Defence Minister Walter Astudillo said 4,000 troops had been sent to the region.", [(4000, "Peru")]),
    ("US officials said 4,000 troops had been sent to the region.", [(4000, "")]),                   # guard
    ("The minister said 14 cartel gunmen and two soldiers had been killed.", [(2, "")]),
    ("Troops killed 19 gunmen in the north.", [(19, "")]),                                           # guard
])
def test_an_offices_country_and_criminals(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# the EU's naval mission is the EU's
@pytest.mark.parametrize(("text", "expected"), [
    ("The European Union's naval mission, Atalanta, has escorted 500 merchant vessels. The commander said the mission had "
     "only three frigates, from Spain, Italy and France.", [(3, "European Union", "commander")]),
])
def test_the_eus_mission(nlp, text, expected):
    assert [(c.value, c.side, c.claimant) for c in _claims(nlp, text)] == expected


# ", X said, while ..." : the report ends where a clause of contrast begins
@pytest.mark.parametrize(("text", "expected"), [
    ("At least 40 soldiers have been killed since the surprise attack on Friday, the army said, while the number "
     "of civilians killed rose to more than 500.", ["army"]),
    ("At least 40 soldiers have been killed since the offensive began, while the number of civilians killed "
     "rose to more than 300, the ministry said.", ["ministry"]),                                         # guard
])
def test_a_report_ends_where_a_contrast_begins(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a number after a weekday is a day only with a month after it
@pytest.mark.parametrize(("text", "expected"), [
    ("On Monday 12 soldiers were killed in the north.", [12]),
    ("On Monday 12 February 150 troops arrived.", [150]),                                           # guard
    ("On 24 February 150 tanks crossed the border.", [150]),                                         # guard
])
def test_a_number_after_a_weekday(nlp, text, expected):
    assert [c.value for c in _claims(nlp, text)] == expected


# a relative clause with no relative word that reports the figure names its source
@pytest.mark.parametrize(("text", "expected"), [
    ("Officials told the committee that 3,000 marines are now in the region, up from the 1,200 the Navy "
     "announced in May.", ["officials", "Navy"]),
    ("Kenya's defence ministry released the names of 45 soldiers it said had died in the clashes.",
     ["Kenya's defence ministry"]),
    ("Reuters reported that the 300 marines the commander said he would deploy had landed.", ["commander"]),  # guard
    ("Officials said the 1,200 troops the Navy sent have arrived.", ["officials"]),                  # guard
])
def test_a_bare_relative_clause_that_reports_the_figure(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a unit word hyphened to the next word modifies it; honours given "to" the counted; a pretend war
@pytest.mark.parametrize(("text", "expected"), [
    ("The mission draws 12,000 soldiers from 40 troop-contributing nations.", [12000]),
    ("The prime minister handed medals to 30 soldiers of the brigade on Friday.", []),
    ("The king gave state decorations to 45 sailors, six of them posthumously.", []),
    ("In the simulation, the navy lost two destroyers and 300 sailors.", []),
    ("In one war game, 4,000 marines were killed in the first week.", []),
    ("Russia deployed 30 anti-aircraft systems and 400 troops.", [30, 400]),                         # guard
    ("The army sent 30 tanks to 500 troops in the east.", [30, 500]),                                # guard
    ("Some 5,000 troops took part in the exercise.", [5000]),                                        # guard
    ("Russia has 50,000 troops in the region, raising fears of a scenario in which Kyiv falls.", [50000]),  # guard
])
def test_hyphened_unit_words_honours_and_pretend_wars(nlp, text, expected):
    assert [c.value for c in _claims(nlp, text)] == expected


# "X, citing Y, said": Y; a grouping is a force; "the unit" is the one named before
@pytest.mark.parametrize(("text", "expected"), [
    ("The think tank, citing Ukraine's army chief Oleksandr Syrskyi, said Russia had 580,000 troops in Ukraine.",
     [("Russia", "Oleksandr Syrskyi")]),
    ("Officials said Russia's grouping near Kharkiv had grown to about 50,000 personnel.", [("Russia", "officials")]),
    ("Germany opened its new brigade in Lithuania on Monday. The unit is expected to grow to about 5,000 "
     "soldiers.", [("Germany", "")]),
    ("Lithuania welcomed Germany's new brigade on Monday. The unit is expected to grow to about 5,000 soldiers.",
     [("Germany", "")]),                                                                             # guard
    ("The think tank said, citing satellite images, that Russia had 580,000 troops in Ukraine.",
     [("Russia", "think tank")]),                                                                   # guard
    ("The new brigade is expected to grow to 5,000 soldiers.", [("", "")]),                          # guard
])
def test_a_source_citing_another_a_grouping_and_the_unit(nlp, text, expected):
    assert [(c.side, c.claimant) for c in _claims(nlp, text)] == expected


# "the enemy" of a source a demonym names
@pytest.mark.parametrize(("text", "expected"), [
    ("The enemy has lost up to 900 servicemen over the past day, the Russian Defence Ministry said.", ["Ukraine"]),
    ("The enemy lost 14 tanks near Pokrovsk, the Ukrainian General Staff reported.", ["Russia"]),    # guard
    ("US officials said the enemy lost 300 fighters.", [""]),                                         # guard
])
def test_the_enemy_of_a_source_a_demonym_names(nlp, text, expected):
    assert [c.side for c in _claims(nlp, text)] == expected


# a group's name ending a longer name; "Its" after a name that ends in "Group"
@pytest.mark.parametrize(("text", "expected"), [
    ("The Sagaing People's Defence Force said it had killed 40 regime soldiers.", ["Myanmar"]),
    ("Rebels said they had killed 84 Russian Wagner Group fighters near Kidal.", ["Wagner Group"]),
    ("The Wagner Group said on Friday it was leaving the country. Its 1,500 fighters will go to Russia.",
     ["Wagner Group"]),
    ("The Uganda People's Defence Forces said they had killed 34 rebels.", [""]),                  # guard
    ("Hezbollah leader Hassan Nasrallah claimed that the group had 100,000 fighters.", ["Hezbollah"]),  # guard
])
def test_a_groups_name_inside_a_longer_name(nlp, text, expected):
    assert [c.side for c in _claims(nlp, text)] == expected


# the receiver of a list handed over, hung on its last item
@pytest.mark.parametrize(("text", "expected"), [
    ("The Pentagon has cleared a sale of 32 F-35 stealth jets and 50 support kits to Poland.", ["Poland"]),
    ("Congress approved a sale of 18 attack helicopters and 60 engines to Egypt.", ["Egypt"]),
    ("Washington approved the sale of 24 fighter jets and 12 training kits to Greece.", ["Greece"]),   # guard
    ("Russia moved 40 tanks and 30 howitzers to Belarus.", ["Russia", "Russia"]),                    # guard
])
def test_the_receiver_of_a_list_handed_over(nlp, text, expected):
    assert [c.side for c in _claims(nlp, text)] == expected


# equipment committed to a party is that party's; a handing over that names no receiver goes where a
# transfer, told as a noun, went just before
@pytest.mark.parametrize(("text", "expected"), [
    ("Ministers said that Spain and Portugal had committed a combined 24 armoured vehicles to Ukraine.", ["Ukraine"]),
    ("The alliance completed the transfer of 20 tanks to Taiwan last week. Japan, which pledged 12 of the same "
     "tanks in May, has also delivered all of them.", ["Taiwan", "Taiwan"]),
    ("Britain committed 800 troops to the NATO mission in Estonia.", ["United Kingdom"]),      # guard: forces
])
def test_equipment_committed_or_handed_over_after_a_transfer(nlp, text, expected):
    assert [c.side for c in _claims(nlp, text)] == expected


# a news agency's dateline is a sentence of its own, not the subject of the story's first one
@pytest.mark.parametrize(("text", "expected"), [
    ("NAIROBI, Kenya (AP) - Rebel forces said Monday they had captured about 2,000 Ethiopian soldiers.",
     [("Ethiopia", "rebel forces")]),
    ("KIGALI (Reuters) - Rwanda said on Friday it had begun deploying 1,000 troops to Mozambique.",
     [("Rwanda", "Rwanda")]),
    ("TEHRAN, April 14 (AFP) -- Iran launched 170 drones at Israel overnight, Israeli officials said.",
     [("Iran", "Israeli officials")]),                                                             # guard
    ("Rwanda said on Friday it had begun deploying 1,000 troops to Mozambique.", [("Rwanda", "Rwanda")]),  # guard
])
def test_a_datelines_place_is_no_source(text, expected):
    from core.extract.pipeline import build_pipeline  # the sentence boundaries of the extraction pipeline

    assert [(c.side, c.claimant) for c in _claims(build_pipeline(), text)] == expected


@pytest.mark.parametrize(("text", "first"), [
    ("SEOUL, Nov. 13 (Yonhap) -- More than 10,000 troops have been sent.", "SEOUL, Nov. 13 (Yonhap) --"),
    ("(Reuters) - An alliance of armed groups said it had captured 41 soldiers.", "(Reuters) -"),
    # a newspaper's dateline: no agency, one or two places, or a place and its region
    ("KANDAHAR/KABUL — Officials said 300 fighters had surrendered.", "KANDAHAR/KABUL —"),
    ("FORT HOOD, Texas — About 3,500 soldiers returned home.", "FORT HOOD, Texas —"),
    ("ADEN - The coalition said it had intercepted 12 drones.", "ADEN -"),
    ("BOGOTÁ — The group has about 6,000 members.", "BOGOTÁ —"),
    ("NATO-led forces - about 40,000 troops - held the line.", "NATO-led forces - about 40,000 troops - held the line."),  # guard
    ("The army (IDF) - which counted 30 - was there.", "The army (IDF) - which counted 30 - was there."),   # guard
])
def test_a_dateline_is_a_sentence_of_its_own(text, first):
    from core.extract.pipeline import build_pipeline

    assert next(iter(build_pipeline()(text).sents)).text == first


# a reporting verb the parse hangs on the sentence's root noun, with its clause after it, has that
# noun for subject; the source's words stop before the verb, whatever figures follow
@pytest.mark.parametrize(("text", "expected"), [
    ("A senior EU military official estimated on Friday that 4,000 Russian troops had been killed in two weeks "
     "of fighting.", ["senior EU military official"]),
    ("A senior EU official said on Friday that 4,000 Russian troops had been killed in two weeks of fighting.",
     ["senior EU official"]),                                                        # guard: parsed as a verb
])
def test_a_source_the_parse_makes_the_root_noun(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# one cited "as saying" is the source of what is said
@pytest.mark.parametrize(("text", "expected"), [
    ("The daily Izvestia briefly ran a story on Tuesday citing the General Staff as saying that 4,200 "
     "servicemen had been killed.", ["General Staff"]),
    ("TASS reported on Sunday, citing the Southern Military District as saying that 150 soldiers had been "
     "captured.", ["Southern Military District"]),                 # guard: `cited_source` read it already
])
def test_one_cited_as_saying(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# irregular fighters counted as members of an armed group the side lists do not know are that group's
@pytest.mark.parametrize(("text", "expected"), [
    ("The army said it killed 35 fighters of the Sahel-based Ansar Dine in the raid.", ["Ansar Dine"]),
    ("Troops killed 18 militants of the banned Baloch Liberation Army (BLA) on Sunday.", ["Baloch Liberation Army"]),
    ("Police said 9 Abu Sayyaf gunmen were killed in the clash.", ["Abu Sayyaf"]),
    ("Rebels said 30 fighters of Aleppo were killed.", [""]),                                      # guard: a place
    ("Kyiv said 300 fighters of the Wagner Group were killed.", ["Wagner Group"]),                 # guard: listed
    ("The ministry said 40 Russian fighters were killed.", ["Russia"]),                            # guard
    ("China flew 34 J-16 fighters near the island.", ["China"]),                                   # guard: jets
    ("Russia has flown 1,800 fighters of its Africa Corps into Libya.", ["Russia"]),               # guard: owned
])
def test_fighters_of_a_named_armed_group(nlp, text, expected):
    assert [c.side for c in _claims(nlp, text)] == expected


# members of a force, and fighters as their enemies name them, count with a casualty word or as members
# of a force; a bare count of members is no claim
@pytest.mark.parametrize(("text", "expected"), [
    ("The army said 60 members of the rebel group were killed in the hills.", [(60, "members", K)]),
    ("About 300 members of the Ogaden Liberation Army are camped near the river, officials said.",
     [(300, "members", F)]),                                                    # guard: read so before too
    ("Troops neutralised 14 assailants after the checkpoint was attacked.", [(14, "assailants", K)]),
    ("The insurgents lost 85 cadres in a week of fighting, the ministry said.", [(85, "cadres", K)]),
    ("Police said 22 bandits were killed in Zamfara.", [(22, "bandits", K)]),
    ("The alliance has 32 members and meets twice a year.", []),                              # guard
    ("Twelve members of parliament visited the base on Friday.", []),                         # guard
    ("More than 400 party cadres attended the rally in the capital.", []),                    # guard
])
def test_members_and_fighters_named_by_their_enemies(nlp, text, expected):
    assert [(c.value, c.unit, c.category) for c in _claims(nlp, text)] == expected


# members of an armed group the side lists do not know take its name as their side; not members of
# a body that may be a state's, nor a one-word name that is no acronym
@pytest.mark.parametrize(("text", "expected"), [
    ("Officials said 124 members of the separatist Ogaden National Liberation Front were killed.",
     ["Ogaden National Liberation Front"]),
    ("The army said 40 members of the PKK were killed in the raid.", ["PKK"]),
    ("A commander said 900 members of the elite Special Tasks Service had been killed or wounded.", [""]),  # guard
    ("The army said 14 members of the 9th Front were killed.", [""]),                        # guard: no name
    ("The navy said all 53 crew members of the submarine KRI Nanggala were dead.", [""]),    # guard: a vessel
])
def test_members_of_a_named_armed_group(nlp, text, expected):
    assert [c.side for c in _claims(nlp, text)] == expected


def test_a_hyphenated_group_name_is_whole(nlp):
    claims = _claims(nlp, "Soldiers killed ten fighters of the Lashkar-e-Jhangvi near the border.")
    assert [(c.value, c.side) for c in claims] == [(10, "Lashkar-e-Jhangvi")]


# a number that names, not counts: a bulletin's number, a formation's number before its capitalised name,
# and a model's variant number
@pytest.mark.parametrize(("text", "expected"), [
    ("Order No. 27 of the 5th Division was read to the troops.", []),
    ("Soldiers of the 72 Brigade and 24 Brigade repelled the assault.", []),
    ("The air force will receive 18 Embraer 190-100 jets next year.", [18]),
    ("Russia sent 3 brigades and 40 battalions.", [3, 40]),                                   # guard: counts
    ("Between 2,000-3,000 troops crossed the border.", [3000]),                               # guard: a range
])
def test_numbers_that_name(nlp, text, expected):
    assert [c.value for c in _claims(nlp, text)] == expected


# the subject of "sustain", "suffer" or "receive" undergoes the injuries or wounds that are its object
@pytest.mark.parametrize(("text", "expected"), [
    ("Four marines sustained light injuries in the blast.", [W]),
    ("Nine soldiers suffered shrapnel wounds during the shelling.", [W]),
    ("The brigade received 40 tanks last month.", [F]),                                        # guard
])
def test_injuries_a_count_sustains(nlp, text, expected):
    assert [c.category for c in _claims(nlp, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The UN counted 640 civilian deaths in the region in May.", []),
    ("The army reported 40 deaths among its soldiers in May.", [40]),                         # guard
])
def test_civilian_deaths_are_no_claim(nlp, text, expected):
    assert [c.value for c in _claims(nlp, text)] == expected


# the dead or wounded "among" a force are its side's
@pytest.mark.parametrize(("text", "expected"), [
    ("The Estonian army, which said it had killed about 250 Wagner fighters, confirmed 12 deaths among its troops.",
     [(250, "Wagner Group"), (12, "Estonia")]),
    ("Kyiv reported 300 casualties among Russian soldiers near the town.", [(300, "Russia")]),
])
def test_losses_among_a_force(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# in a speaker's turn: personnel a third person has are not the speaker's side; a source that is the
# speaker's own ("our records") leaves the speaker as the one who speaks, and their side
@pytest.mark.parametrize(("text", "expected"), [
    ("Briefing by Defence Minister Oleg Sokolov.\nMR. SOKOLOV: According to our intelligence, they have "
     "concentrated over 90,000 troops there.", [(90000, "")]),
    ("Briefing by Defence Minister Oleg Sokolov.\nMR. SOKOLOV: We have deployed 20,000 troops along the border.",
     [(20000, BY)]),                                                                             # guard
    ("Briefing by Defence Minister Oleg Sokolov.\nMR. SOKOLOV: Our records show we lost 31 soldiers last year.",
     [(31, BY)]),
])
def test_whose_personnel_a_speaker_counts(nlp, text, expected):
    from core.extract.speakers import voices

    claims = _claims(nlp, text, voices=voices(text, side="Belarus"))
    assert [(c.value, c.side) for c in claims] == expected


# a force noun in a group's own name ("the Arakan Army") says nothing of the group's kind: fighters
# counted after it take its side; a state's army does not lend its side to irregulars counted after it
@pytest.mark.parametrize(("text", "expected"), [
    ("The Arakan Army said it had taken the town. Analysts say it now fields at least 40,000 fighters.",
     [(40000, "Arakan Army")]),
    ("Eleven soldiers were killed in the attack, Chad's army said. About 40 assailants were killed as troops "
     "fought back.", [(11, "Chad"), (40, "")]),
])
def test_a_force_noun_in_a_groups_name(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# what a count belongs to names its side, a named force of a state by its acronym too; the subject
# of "lose" is whose the losses are ("our army": the speaker's)
@pytest.mark.parametrize(("text", "expected"), [
    ("Jets destroyed 12 rocket launchers belonging to the Houthi militia near the coast.", [(12, "Houthis")]),
    ("Officials said 9 FAMa soldiers were killed near Gao.", [(9, "Mali")]),
    ("The rebels said that 20 UPDF soldiers had been captured.", [(20, "Uganda")]),
    ("The Ukrainian army said it lost 40 soldiers in the assault.", [(40, U)]),
    ("Moscow dismissed the allegation that our army has lost 2,000 soldiers.", [(2000, "")]),   # guard: no speaker
])
def test_what_a_count_belongs_to_and_who_lost_it(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


def test_our_army_has_lost_is_the_speakers_side(nlp):
    from core.extract.speakers import Voices

    text = "Our units killed 70 enemy servicemen. The report that our army has lost 2,000 soldiers is false."
    claims = _claims(nlp, text, voices=Voices(home="Ministry of Defence of the Russian Federation"))
    assert [(c.value, c.side) for c in claims] == [(70, U), (2000, R)]


# a figure in the "that" clause of a claim, an allegation or a report is its author's
@pytest.mark.parametrize(("text", "expected"), [
    ("The claim by the Armenian side that 2,000 soldiers were lost is a fabrication, the ministry said.",
     ["Armenian side"]),
    ("Moscow dismissed Kyiv's claim that it had killed 300 Russian soldiers near the town.", ["Kyiv"]),
    ("The information spread by the separatists that our army has lost 900 soldiers is a lie.", ["separatists"]),
    ("The ministry rejected the allegation that 40 soldiers had deserted.", [""]),       # guard: no author
])
def test_the_author_of_a_claim_that(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# "said by telephone" has a subject of its own: the speaker, not the telephone; "claimed the lives of"
# reports nothing, it kills
@pytest.mark.parametrize(("text", "expected"), [
    ("A rebel spokesman, Musa Keita, said by telephone that 30 soldiers had been captured.", ["Musa Keita"]),
    ("The shelling claimed the lives of 14 soldiers, according to the Estonian army.", ["Estonian army"]),
    ("Fourteen soldiers were killed by the militants, the army said.", ["army"]),          # guard: a passive's agent
])
def test_manner_and_idiom_are_no_source(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


def test_irregulars_an_armed_group_reports_are_its_own(nlp):
    # the soldiers the insurgents killed are not the Taliban's, whoever's they are
    claims = _claims(nlp, "A Taliban spokesman said that insurgents had killed 25 foreign soldiers.")
    assert [(c.value, c.side) for c in claims] == [(25, "")]


# who gives a figure when the parse does not say: the name before ", <role>," whatever the parse hung
# it on; the person apposed to the counted noun's phrase, not the counted noun; a role named in the next
# sentence by the role apposed to a name, or by "made the remarks"; a person inside the role's own
# phrase, after a preposition or a side's name NER calls a person, does not stop that
@pytest.mark.parametrize(("text", "expected"), [
    ("About 400 marines are holding the shipyard in Kherson, Ilya Marchuk, commander of the 59th brigade, "
     "said on Sunday.", ["Ilya Marchuk"]),
    ("The Russians have massed up to 40,000 troops in the Zaporizhzhia direction, the chief of Ukraine's Southern "
     "Command, Andriy Kovalchuk, said in an interview on Friday.", ["Andriy Kovalchuk"]),     # "chief" is a title
    # guards, right before too: the same with other parses
    ("Russia has gathered some 30,000 troops near Sumy, the head of Ukraine's border service, Oleh Danyliuk, "
     "said in a televised interview.", ["Oleh Danyliuk"]),
    ("About 90 Russian tanks were destroyed near the village of Novoselivka, a Ukrainian army spokesman said "
     "on Monday. Petro Kuzyk, spokesman for the Southern Command, told the radio that the attack had failed.",
     ["Petro Kuzyk"]),
    ("Ukraine's army chief said on Tuesday that about 6,000 soldiers had been killed since the spring, the "
     "first figure Kyiv has released. Gen. Andriy Hnatov made the remarks at a memorial service in Lviv.",
     ["Andriy Hnatov"]),
    ("About 6,000 soldiers have been killed, a senior aide to President Volodymyr Zelenskyy said on Friday. "
     "Ihor Zhovkva told reporters the figure was a rough one.", ["Ihor Zhovkva"]),
    # guards: a person named in the sentence itself; "gave" an interview is no statement of the figure
    ("About 6,000 soldiers have been killed, Ukraine's army chief told Oleh Kovalenko on Tuesday. "
     "Gen. Andriy Hnatov made the remarks at a memorial.", ["Ukraine's army chief"]),
    ("Ukraine's army chief said on Tuesday that about 6,000 soldiers had been killed. Gen. Andriy Hnatov "
     "gave an interview to a Lviv paper last month.", ["Ukraine's army chief"]),
])
def test_a_speaker_the_parse_leaves_out_or_names_next(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a force of a force named with its side further on; the losses of a force so named; what "our
# troops" received is the speaker's
@pytest.mark.parametrize(("text", "expected"), [
    ("Up to 80 servicemen of the 25th brigade of the Armed Forces of Ukraine were destroyed by our artillery.",
     [(80, U)]),
    ("Since February the losses of the Armed Forces of Ukraine have exceeded 120,000 servicemen.", [(120000, U)]),
    ("This year our troops received 900 new and modernised tanks.", [(900, R)]),
    ("This year the Polish army received 90 new tanks.", [(90, "Poland")]),                  # guard: named
])
def test_a_force_of_a_force_and_what_our_troops_received(nlp, text, expected):
    from core.extract.speakers import Voices

    claims = _claims(nlp, text, voices=Voices(home="Ministry of Defence of the Russian Federation"))
    assert [(c.value, c.side) for c in claims] == expected


# a short source goes back to a fuller name of it: one whose name words hold the short one's noun,
# not a description that shares only the noun; "the assessment" to the assessment named before, not
# to whoever reported on it
@pytest.mark.parametrize(("text", "expected"), [
    ("According to the Operational Command South, the occupiers left their positions. Near the river, our "
     "soldiers destroyed 12 enemy tanks, the command said.", ["Operational Command South"]),
    ("An alliance of rebel groups said it had taken the town. The Northern Freedom Alliance said that 30 soldiers "
     "had surrendered.", ["Northern Freedom Alliance"]),
    ("The army has lost half its tanks, according to a leaked Pentagon assessment, a source told the paper on "
     "Monday. It has also lost 900 armoured vehicles, the assessment found.", ["Pentagon"]),   # its author
])
def test_a_short_source_and_its_fuller_name(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


def test_the_enemy_of_a_short_source_whose_fuller_name_says_no_side(nlp):
    # guard, right before too: resolving "the command" to its fuller name keeps whose enemy it speaks of
    text = ("According to the Operational Command South, Ukrainian troops held the line near Kherson. Near the "
            "river, our soldiers destroyed 12 enemy tanks, the command said.")
    assert [(c.value, c.side, c.claimant) for c in _claims(nlp, text)] == [(12, R, "Operational Command South")]


# forces a side's action involves are that side's, where the parse hangs "involving" on the action
# or on the place after it
@pytest.mark.parametrize(("text", "expected"), [
    ("Russian forces repelled a Ukrainian assault in the Huliaipole area involving up to 900 soldiers backed by "
     "tanks, the ministry said.", [(900, U)]),
    ("The army halted a Russian attack involving some 2,000 troops near Vuhledar.", [(2000, R)]),
    ("An exercise involving 3,000 troops began on Monday.", [(3000, "")]),                # guard: no side named
])
def test_forces_an_action_involves(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# "put the number of soldiers killed at 34"; "a source in the defence industry told TASS": an anonymous
# source after the figure's comma; "one of its members, the Arakan Army, said": the member named
@pytest.mark.parametrize(("text", "expected"), [
    ("A monitoring group put the number of Turkish soldiers killed at 34.",
     ["monitoring group"]),
    ("The air force has so far received 12 new fighter jets, a source in the aviation industry told Interfax.",
     ["source in the aviation industry"]),
    ("A rebel alliance said it had taken the base. One of its members, the Arakan Army, said that it had seized "
     "six tanks.", ["Arakan Army"]),
])
def test_an_estimate_an_anonymous_source_and_a_named_member(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a source set as "by <author>'s estimate" or "by a <body> count", as "according to" sets one; and the
# body that tells a figure "in a report", when the parse makes its verb a reduced relative
@pytest.mark.parametrize(("text", "expected"), [
    ("The rebels, by an EU estimate, had between 4,000 and 6,000 fighters.", ["EU"]),
    ("The militia, by Amnesty International's count, lost 120 fighters in the siege.", ["Amnesty International"]),
    ("By our count, the army lost 300 tanks.", [""]),                                           # guard: the speaker
    ("Twelve soldiers were killed by a drone near the bridge, the army said.", ["army"]),         # guard: an agent
    ("A UN panel estimated in a confidential report that 1,200 mercenaries were deployed in Mali.", ["UN panel"]),
    ("It said in a statement that 40 soldiers had been killed.", [""]),                         # guard: "it"
])
def test_a_source_by_its_estimate_and_a_body_reporting_in_a_report(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# "add" whose object is the count adds forces and reports nothing; the "added" that reports is the source's
@pytest.mark.parametrize(("text", "expected"), [
    ("General Ivan Dorosh said on Monday that the front holds. Moscow plans to add another 90,000 troops by "
     "summer, he added.", ["Ivan Dorosh"]),
    ("The army will add 20,000 soldiers, the minister added.", ["minister"]),
    ("About 300 soldiers were wounded, the ministry added.", ["ministry"]),                      # guard
])
def test_adding_forces_is_no_report_of_them(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# a count a range cue opens ("suffered between 20,000 and 25,000 casualties") is its verb's object
# though the parse hangs the noun on "between"; not the publisher's, whose text it is
@pytest.mark.parametrize(("text", "expected"), [
    ("Moscow has likely suffered between 20,000 and 25,000 casualties since the summer, of whom 8,000 have been "
     "killed.", [(25000, R), (8000, R)]),
    ("Russia has likely suffered between 90,000 and 100,000 casualties since the start of the war.", [(100000, R)]),
    ("Belarus has deployed 3,000 troops near the border.", [(3000, BY)]),                          # guard: plain
])
def test_a_range_is_its_verbs_object(nlp, text, expected):
    from core.extract.speakers import Voices

    voices = Voices(home="Ministry of Defence (United Kingdom)")
    assert [(c.value, c.side) for c in _claims(nlp, text, voices=voices)] == expected


# equipment bought "for" a side is that side's; bought with no "for", the buyer's
@pytest.mark.parametrize(("text", "expected"), [
    ("Norway has purchased 40 armoured vehicles for Ukraine.", [(40, U)]),
    ("Poland has bought 250 tanks from South Korea.", [(250, "Poland")]),                        # guard
])
def test_equipment_bought_for_a_side(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# "wants to expand his army to 80,000 soldiers": whose army "his" is, the person named before, not
# the one who says so
def test_a_force_brought_to_a_figure_is_the_possessors(nlp):
    from core.extract.speakers import Voices

    voices = Voices(people=(("Alexander Lukashenko", "Belarus"), ("Lukashenko", "Belarus")))
    text = "Officials in Kyiv said Lukashenko wants to expand his army to 80,000 soldiers."
    assert [(c.value, c.side) for c in _claims(nlp, text, voices=voices)] == [(80000, BY)]


# a force's proper name in an "of" phrase says whose its ships are
@pytest.mark.parametrize(("text", "expected"), [
    ("Ukrainian drones have damaged 12 ships of the Russian Pacific Fleet.", [(12, R)]),
    ("Ukrainian drones have damaged 12 ships of the fleet.", [(12, "")]),                      # guard: no side
])
def test_ships_of_a_named_fleet(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# people who join or enlist in a force are its side; "the army" with no side is the speaker's own
@pytest.mark.parametrize(("text", "home", "expected"), [
    ("Since March, some 60,000 contract soldiers have joined the army, the ministry said.",
     "Ministry of Defence of the Russian Federation", [(60000, R)]),
    ("About 1,500 reservists have enlisted in the Lithuanian army.", "", [(1500, "Lithuania")]),
    ("About 200 soldiers joined the protest in the capital.", "", [(200, "")]),                 # guard: no force
])
def test_people_who_join_a_force(nlp, text, home, expected):
    from core.extract.speakers import Voices

    assert [(c.value, c.side) for c in _claims(nlp, text, voices=Voices(home=home))] == expected


# "the Minister" after a meeting "with Defence Minister X" is X, not whoever held the meeting
@pytest.mark.parametrize(("text", "expected"), [
    ("Emmanuel Macron met Defence Minister Sebastien Lecornu on Monday. The Minister said that 2,000 reservists "
     "had been called up.", ["Sebastien Lecornu"]),
    ("Andrei Belousov spoke at the board meeting. The minister said that 2,000 reservists had been called up.",
     ["Andrei Belousov"]),                                                                        # guard: as before
    ("Volodymyr Zelenskyy held a phone call with President Joe Biden. The President said that 40 more howitzers "
     "had arrived.", ["Volodymyr Zelenskyy"]),                   # guard: "the President" is who spoke, as before
])
def test_the_minister_is_the_one_named_minister(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# "they" who fire or deploy is whom the text named as the subject before; equipment a side's own
# report says "was shot down", naming no one who did it, is that side's enemy's
@pytest.mark.parametrize(("text", "expected"), [
    ("Since the offensive began, Russian units have crossed the river. Since Monday, they have fired more than "
     "300 missiles at the city.", [(300, R)]),
    ("Two attack helicopters and six drones were shot down over the region.", [(2, U), (6, U)]),
    ("Two attack helicopters were shot down by Ukrainian air defence.", [(2, "")]),          # guard: one named
])
def test_who_they_are_and_losses_no_one_inflicted(nlp, text, expected):
    from core.extract.speakers import Voices

    voices = Voices(home="Ministry of Defence of the Russian Federation")
    assert [(c.value, c.side) for c in _claims(nlp, text, voices=voices)] == expected


# what an estimate puts a pronoun or a relative pronoun at: what it stands for; not someone named
# before it, when what it stands for is a force of no side
@pytest.mark.parametrize(("text", "expected"), [
    ("The spokesman said Ukrainian losses were far heavier, putting them at 4,100 servicemen killed.", [(4100, U)]),
    ("He warned against underrating the Houthis, whom he put at about 20,000 fighters.", [(20000, "Houthis")]),
    ("Malian officers said their 20,000 soldiers would defeat the rebels, whom they put at about 3,000 fighters.",
     [(20000, "Mali"), (3000, "")]),                                                  # guard: the rebels are no Mali's
])
def test_what_an_estimate_puts_a_pronoun_at(nlp, text, expected):
    from core.extract.speakers import Voices

    voices = Voices(home="Ministry of Defence of the Russian Federation")
    assert [(c.value, c.side) for c in _claims(nlp, text, voices=voices)] == expected


# aid "for" a party, then "the package includes ...": the package's equipment goes where the aid goes
def test_a_package_after_aid_for_a_party(nlp):
    text = ("The United States announced $300 million in security assistance for Ukraine. The package includes 50 "
            "armoured vehicles and 20 howitzers.")
    assert [(c.value, c.side) for c in _claims(nlp, text)] == [(50, U), (20, U)]


# "it" or "they" that strike with equipment, or whose forces form units: who they are
@pytest.mark.parametrize(("text", "home", "expected"), [
    ("Russian officials said the attack had failed. The Ukrainian navy said on Friday that it had struck the landing "
     "ship with three sea drones.", "", [(3, U)]),
    ("Our forces have formed six new brigades since the spring.", "Ministry of Defence of Ukraine", [(6, U)]),
])
def test_who_strikes_with_it_and_our_forces_form(nlp, text, home, expected):
    from core.extract.speakers import Voices

    assert [(c.value, c.side) for c in _claims(nlp, text, voices=Voices(home=home))] == expected


# equipment handed over: "provided Ukraine with 90 howitzers"; "send a company of 10 tanks to Ukraine";
# what a sum "in security assistance for Ukraine" includes; "promised" and "offered" hand over too
@pytest.mark.parametrize(("text", "expected"), [
    ("The Pentagon said the United States has provided Ukraine with 90 howitzers.", [(90, U)]),
    ("Spain is ready to send a company of 10 Leopard tanks to Ukraine.", [(10, U)]),
    ("The president announced $500 million in security assistance for Ukraine, including 60 armoured vehicles "
     "and 20 howitzers.", [(60, U), (20, U)]),
    ("Canada has promised 8 tanks to Ukraine. Norway has offered 12 more tanks.", [(8, U), (12, U)]),
    ("Spain has sent a company of 300 soldiers to Latvia.", [(300, "Spain")]),             # guard: its own
])
def test_equipment_handed_over_in_more_words(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# "its soldiers", the source named after the figure: the subject before the pronoun in its sentence
@pytest.mark.parametrize(("text", "expected"), [
    ("Russian military deaths are near 90,000, according to U.S. officials. Ukrainian deaths are near 50,000, and "
     "80,000 of its soldiers have been wounded, the officials said.", [(90000, R), (50000, U), (80000, U)]),
    ("The Israeli army said 45 of its soldiers were killed.", [(45, "Israel")]),                # guard: the source's
])
def test_its_soldiers_before_a_trailing_source(nlp, text, expected):
    assert [(c.value, c.side) for c in _claims(nlp, text)] == expected


# a surname alone goes back to the full name written before it, where the tagger saw no person
@pytest.mark.parametrize(("text", "expected"), [
    ("Deputy Defence Minister Oksana Hrytsenko wrote on Facebook on Sunday that the figure was rising. According "
     "to Hrytsenko, 300 soldiers were wounded.", ["Oksana Hrytsenko"]),
    ("The Pentagon said the United States has provided Ukraine with 90 howitzers.", ["Pentagon"]),   # guard: no "The"
])
def test_a_surname_and_the_name_before_it(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


# "it" that reports in a "when" clause is the subject of the clause it hangs on
@pytest.mark.parametrize(("text", "expected"), [
    ("Kyiv claims a far higher toll. Moscow last updated its figure on Wednesday, when it said 498 of its servicemen "
     "had died.", ["Moscow"]),
    ("The ministry, which said 30 soldiers had died, gave no names.", ["ministry"]),            # guard: relative
])
def test_it_in_a_when_clause_reports_for_the_clauses_subject(nlp, text, expected):
    assert [c.claimant for c in _claims(nlp, text)] == expected


@pytest.mark.parametrize(("text", "side"), [
    # the last guess: the side named nearest the figure, in its sentence, then before it, then after
    ("At least twelve soldiers died when their convoy hit a mine in Chad's eastern province on Friday.", "Chad"),
    ("Nine soldiers were killed on Tuesday, officials said. The attack was the deadliest on Niger's army this year.",
     "Niger"),
    ("The navy lost two patrol boats on Friday. Officials in Manila said the search continued.", "Philippines"),
    ("Five peacekeepers were wounded on Sunday. Kenya's contingent was hit hardest.", "Kenya"),
    # passed over: a place or an opponent after "near", "with"; a state for irregulars; two sides joined
    ("About 5,000 troops will take part in drills near the Polish border.", ""),
    ("Eleven soldiers were killed in fighting with Houthi fighters on Friday.", ""),
    ("Troops killed 30 militants in an operation in Somalia's south.", ""),
    ("In drills held by Russia and Belarus, 9,000 soldiers took part.", ""),
    # ... and a force a pronoun owns, whoever "you" is
    ("You have 4,000 tanks, and Ukraine has none.", ""),
    ("You have thousands of tanks, and Ukraine has none.", ""),
])
def test_the_last_guess_is_the_side_named_nearest(nlp, text, side):
    (claim,) = _claims(nlp, text)
    assert claim.side == side
    assert (NEARBY_SIDE_FLAG in claim.flags) == bool(side)


def test_a_repeat_that_reads_its_side_replaces_the_nearest_name(nlp):
    claims = _claims(nlp, "Some 8,000 troops arrived on Monday. The deployment worried Chad. "
                          "The 8,000 Nigerien troops will stay a month.")
    assert [(c.side, c.flags) for c in claims] == [("Niger", ("side_from_repeat",)), ("Niger", ())]


def test_a_nearby_names_side_gives_way_to_a_read_repeat_in_a_later_run_too():
    """`repeats_share_sides` runs again over the joined pieces of a long article, after the first
    run has dropped its in-document marks: a side only a nearby name gave still gives way."""
    from core.extract.claims.assembly import repeats_share_sides

    nearby = Claim(start=0, end=5, sentence="", value=8000.0, unit="troops", category="force_size", side="Chad",
                   flags=(NEARBY_SIDE_FLAG,))
    read = Claim(start=900, end=905, sentence="", value=8000.0, unit="troops", category="force_size", side="Niger")
    assert [(c.side, c.flags) for c in repeats_share_sides([nearby, read])] == [
        ("Niger", ("side_from_repeat",)), ("Niger", ())]
