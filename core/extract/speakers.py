"""Who speaks where: the turns of a transcript and the one voice of an address.

A briefing, a press call or a news conference is a run of turns, each opened
by a label: "MS. PSAKI:", "THE PRESIDENT:", "SENIOR ADMINISTRATION OFFICIAL:",
"Q" for a reporter (White House style), or "Vladimir Putin:", "Aide to the
President Yury Ushakov:", "Question:" (Kremlin style, often run together in
one paragraph). `turns` finds them (`core/data/speaker_labels.csv`) and names
each turn's speaker:
- a reporter's question turn is `REPORTER`, and so is a later turn of a
  reporter who introduced themselves in one ("Question: Ksenia Golovanova,
  Interfax. ..." then "Ksenia Golovanova: ...");
- "THE PRESIDENT" (or "THE VICE PRESIDENT") is the person the actor dictionary
  gives that role in the publisher's country (`home_country`: a country, or the
  one a publisher's name gives, "President of Ukraine", "The White House");
  `Voices.holder_of` reads a bare "the President" or "the Head of State" in
  the text the same way;
- a label with a surname ("MS. PSAKI", "VICE PRESIDENT HARRIS") is the full name
  the title or the text gives ("Press Briefing by Press Secretary Jen Psaki"),
  else the dictionary's person with that alias, else the surname;
- a label with a full name ("President of Russia Vladimir Putin") is the name,
  its office words left out;
- any other label is a role, lower-cased: "senior administration official".

`voice` names the person who gives an address, a speech or remarks from the
document's title ("Address by the President of Ukraine", "Remarks by President
Biden on ..."): the one claimant of what the document says, unless a sentence
names another; when the document has no such title, the title its text opens
with (`heading`). `question_ranges` are the question turns, where a reporter, not
the document, speaks (no event and no claim of the publisher's there).
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Sequence

from core import DATA_DIR
from core.extract.actors import DictionaryEntry, metonyms
from core.extract.countries import country_for

_DATA = DATA_DIR
# The claimant of a figure in a reporter's question.
REPORTER = "reporter (question)"
# Office and courtesy words left out of a speaker's name (the claims' title list).
_TITLES_FILE = _DATA / "claim_titles.txt"
# How far into a text its opening title may run (`heading`).
_HEADING_CHARS = 300
# Labels, or bare mentions, of the head of state or deputy of the publisher's country, and the
# role each is in the actor dictionary; "the Head of State" is how the Ukrainian presidency's
# texts name the President.
_ROLE_LABELS = {"the president": "president", "president": "president",
                "the vice president": "vice president", "vice president": "vice president",
                "the head of state": "president", "head of state": "president"}
_CONNECTORS = frozenset({"of", "to", "the", "for", "and"})
# a name word; an Arabic name's article is joined to it ("al-Harbi")
_NAME_WORD = re.compile(r"(?:a[ln]-|e[ln]-)?[A-ZÀ-Þ][a-zß-ÿ]+(?:[-'’][A-ZÀ-Þ]?[a-zß-ÿ]+)*\.?")   # "Stéphane"
# A dash that opens a turn in an interview's text ("— Correspondent: ...", "— Ilham Aliyev: ...").
_TURN_DASH = re.compile(r"[—–]\s*")


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: `text[start:end]`, opened by `label`, spoken by `speaker`."""

    start: int
    end: int
    label: str
    speaker: str
    question: bool = False


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    table: dict[str, list[re.Pattern[str]]] = {}
    with (_DATA / "speaker_labels.csv").open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    for kind, pattern in csv.reader(lines):
        table.setdefault(kind, []).append(re.compile(pattern))
    return {kind: tuple(found) for kind, found in table.items()}


@lru_cache(maxsize=1)
def office_words() -> frozenset[str]:
    """Honorifics and office words, lower case (`claim_titles.txt`): left out of a
    speaker's name here, and of a claimant's in `core.extract.claims`."""
    lines = _TITLES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _openings(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end of label, label, is a question) of every label, in text order."""
    patterns = _patterns()
    found: list[tuple[int, int, str, bool]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip()
        stripped = stripped[dash.end():] if (dash := _TURN_DASH.match(stripped)) else stripped
        lead = offset + len(line) - len(stripped)
        question = next((m for p in patterns.get("question", ()) if (m := p.match(stripped))), None)
        speaker = None if question else next((m for p in patterns.get("speaker", ()) if (m := p.match(stripped))
                                              and _plausible_label(m.group("label"), text, lead)
                                              and ("role" not in p.groupindex or _holds_office(m.group("role")))),
                                             None)
        if question is not None:
            found.append((lead, lead + question.end(), "Q", True))
        elif speaker is not None:
            found.append((lead, lead + speaker.end(), _holder_named_aside(speaker), False))
        for kind in ("inline_question", "inline_speaker"):
            for p in patterns.get(kind, ()):
                for m in p.finditer(line):
                    label = m.group("label").strip() if "label" in p.groupindex else "Q"
                    found.append((offset + m.start(), offset + m.end(), label, kind == "inline_question"))
        offset += len(line)
    kept: list[tuple[int, int, str, bool]] = []
    for opening in sorted(found):
        if not kept or opening[0] >= kept[-1][1]:              # no label inside a label
            kept.append(opening)
    return kept


def _holder_named_aside(match: re.Match[str]) -> str:
    """A label's speaker: the label, or the person named in brackets after it by courtesy title
    or rank ("THE MINISTER OF STATE IN THE MINISTRY OF DEFENCE (SHRI D. RAO)" -> "SHRI D. RAO");
    not what the brackets say of a named speaker ("HODGES (former commander ...)", "SENATOR
    REED (D-R.I.)")."""
    label = match.group("label").strip()
    aside = (match.groupdict().get("aside") or "").strip()
    words = aside.split()
    if len(words) >= 2 and _is_office(words[0]) and not _is_office(words[-1]) \
            and all(re.fullmatch(r"[A-ZÀ-Þ][\w'’-]*\.?", w) for w in words):
        return aside
    return label


def _is_office(word: str) -> bool:
    """An office or courtesy word (`office_words`), with or without its abbreviation's stop."""
    return word.lower().rstrip(".") in office_words()


def _plausible_label(label: str, text: str = "", at: int = 0) -> bool:
    """A label in title case of three words or more holds a rank or an office before the
    name ("Spokesperson Wang Lei", "Lieutenant General Sergei Vorontsov"); "Operation Peace
    Spring:" opens no turn. One word in title case is an office ("Minister:"), or the surname
    of a person the text names in full before the label's place `at` ("Zelensky:" after "...
    with President Volodymyr Zelensky"), not "Note:" nor a country's name."""
    words = label.split()
    if len(words) == 1 and label.istitle():
        return _is_office(label) or not country_for(label) and bool(
            re.compile(rf"\b{_NAME_WORD.pattern}[ \t]+{re.escape(label)}\b").search(text, 0, at))
    return len(words) < 3 or not label.istitle() or any(_is_office(w) for w in words[:-1])


def _holds_office(role: str) -> bool:
    """The office a label gives beside the name holds an office word or a role word
    (`claim_roles_named_later.txt`): "spokesman for the Eastern Group of Forces", "Chief of the
    Defence Staff", "The Secretary of State for Defence"."""
    return any(_is_office(word) or word.lower() in role_words() for word in role.split())


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Role nouns that name one person, lower case (`claim_roles_named_later.txt`): read here
    for labels, and by `core.extract.claims` for a role named before its holder."""
    lines = (_DATA / "claim_roles_named_later.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def label_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the speaker labels ("MS. PSAKI:", "Q", "Vladimir Putin:"): each
    is a sentence of its own, so that the parser does not read "PSAKI" as the subject
    of the turn's first sentence."""
    return [(start, end) for start, end, _, _ in _openings(text)]


def question_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of reporters' question turns (label included); no speaker is named."""
    return [(start, end) for start, end, _, question in _spans(text) if question]


def _spans(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, label, is a reporter's) of each turn: from its label to the next."""
    openings = _openings(text)
    reporters = _reporters(text, openings)
    return [(start, openings[index + 1][0] if index + 1 < len(openings) else len(text), label,
             question or label in reporters)
            for index, (start, _, label, question) in enumerate(openings)]


def turns(text: str, *, title: str = "", side: str = "", entries: Sequence[DictionaryEntry] = ()) -> tuple[Turn, ...]:
    """The speaker turns of a transcript, in text order; () for a text with none."""
    names: dict[str, str] = {}                 # a briefing repeats "MS. PSAKI:" hundreds of times
    found = []
    for start, end, label, question in _spans(text):
        if question:
            found.append(Turn(start, end, label, REPORTER, True))
            continue
        if label not in names:
            names[label] = speaker_name(label, title=title, text=text, side=side, entries=entries)
        found.append(Turn(start, end, label, names[label]))
    return tuple(found)


def _reporters(text: str, openings: Sequence[tuple[int, int, str, bool]]) -> set[str]:
    """Names that introduce a question ("Question: Ksenia Golovanova, Interfax ...")."""
    names = set()
    for _, label_end, _, question in openings:
        if question:
            match = re.match(r"\s*((?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+),", text[label_end:label_end + 80])
            if match:
                names.add(match.group(1))
    return names


def turn_at(found: Sequence[Turn], position: int, starts: Sequence[int] | None = None) -> Turn | None:
    """The turn holding character `position`, or None (a header, or no transcript);
    `starts`: the turns' starts, when the caller keeps them."""
    index = bisect_right(starts if starts is not None else [t.start for t in found], position) - 1
    return found[index] if index >= 0 and position < found[index].end else None


def speaker_name(label: str, *, title: str = "", text: str = "", side: str = "",
                 entries: Sequence[DictionaryEntry] = ()) -> str:
    """The person (or role) a turn's label names; see the module docstring."""
    clean = re.sub(r"\s+", " ", label.strip().strip("[]")).strip()
    role = _ROLE_LABELS.get(clean.lower())
    if role:
        words = [w.rstrip(".") for w in clean.split()]
        return holder(role, home_country(side), entries) or _named_with_office(words, title, text, clean) \
            or clean.lower()
    if clean.isupper():
        words = [w.rstrip(".") for w in clean.split()]
        surname = _title_case(words[-1])
        if len(words) < 2 or surname.lower() in office_words():
            # "THE SECRETARY GENERAL" after "Press conference by NATO Secretary General Jens Stoltenberg"
            named = _named_with_office(words, title, text, clean)
            if not named and len(words) == 1 and not _is_office(surname):
                # "HODGES" in an interview with "Lieutenant General (ret.) Ben Hodges"
                named = full_name(surname, title=title, text=text, entries=entries)
                named = "" if named == surname else named
            return named or clean.lower()   # "MODERATOR", "SENIOR ADMINISTRATION OFFICIAL"
        name = full_name(surname, title=title, text=text, entries=entries)
        given = [w for w in clean.split()[:-1] if not _is_office(w)]
        if name == surname and given and words[0].lower() in office_words():
            name = " ".join(_title_case(w) for w in (*given, surname))     # "SHRI DEVENDRA RAO"
        return name if name != surname or words[0].lower() in office_words() else clean.lower()
    words = clean.split()
    if len(words) == 1 and _is_office(clean):
        # "Minister:" in an interview with "Minister of Defence of Ukraine Oleksii Reznikov"
        return _named_with_office(words, title, text, clean) or clean.lower()
    if len(words) == 1:
        return full_name(clean, title=title, text=text, entries=entries)   # "Zelensky:" after "Volodymyr Zelensky"
    if len(words) > 1 and all(_is_office(w) for w in words[:-1]):
        # "Vice Adm. Kerrigan", "Minister Ortega": a rank or office and a surname
        return full_name(words[-1], title=title, text=text, entries=entries)
    if _is_office(words[0]) and len(words) > 2 and all(
            _NAME_WORD.fullmatch(w) and not _is_office(w) for w in words[1:]):
        return " ".join(words[1:])             # "Mr. Al-Harith Idriss Al-Harith Mohamed": all of the name
    return _first_name_run(clean) or clean


def _named_with_office(words: Sequence[str], title: str, text: str, label: str) -> str:
    """The person a label of an office ("THE SECRETARY GENERAL", "NATO SECRETARY GENERAL",
    "Minister") stands for: the name the document's title, else its header (what the text says
    before its first turn with `label`), gives after that office, straight or after what it is
    the office of ("NATO Secretary General Jens Stoltenberg", "Minister of Defence of Ukraine
    Oleksii Reznikov"), or before it and a comma ("Stéphane Dujarric, Spokesman for the
    Secretary-General"), or "". One word before the office may say whose ("NATO")."""
    office_words_of = list(words[1:] if words and words[0].lower() == "the" else words)
    whose = office_words_of[:1] if len(office_words_of) > 1 and not _is_office(office_words_of[0]) else []
    offices = office_words_of[len(whose):]
    if not offices or not all(w.lower() in office_words() for w in offices):
        return ""
    office = r"\s+".join(re.escape(w) for w in whose + offices)
    of_what = r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*?){0,3}"
    pattern = re.compile(rf"(?i:\b{office}){of_what}\s+((?:{_NAME_WORD.pattern}[ \t]+){{1,2}}{_NAME_WORD.pattern})")
    # or before it, after a comma: "Noon briefing by Stéphane Dujarric, Spokesman for the Secretary-General"
    named_first = re.compile(rf"((?:{_NAME_WORD.pattern}[ \t]+){{1,2}}{_NAME_WORD.pattern}),\s+(?:the\s+)?(?i:{office})\b")
    turn = re.search(rf"{re.escape(label)}\s*(?:\([^()\n]*\)\s*)?:", text)     # the label as a label, not in the title
    header = text[:turn.start() if turn else max(text.find(label), 0)]
    match = next((found for source in (title, header) for way in (pattern, named_first)
                  if (found := way.search(source))), None)
    return _first_name_run(match.group(1)).rstrip(".") if match else ""   # "... Jens Stoltenberg."


def _first_name_run(label: str) -> str:
    """The first run of two or three name words in a label, office and country words
    left out: "Aide to the President Yury Ushakov" -> "Yury Ushakov"; "Federal
    Chancellor of Germany Olaf Scholz Scholz OlafFederal ..." (a scraped tooltip) ->
    "Olaf Scholz"."""
    run: list[str] = []
    for word in label.split():
        plain = bool(_NAME_WORD.fullmatch(word)) and not _is_office(word) and not country_for(word)
        if plain and word not in run and len(run) < 3:
            run.append(word)
        elif len(run) >= 2:
            break
        else:
            run = [word] if plain else []
    return " ".join(run) if len(run) >= 2 else ""


def _title_case(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def full_name(surname: str, *, title: str = "", text: str = "", entries: Sequence[DictionaryEntry] = ()) -> str:
    """The longest name ending in `surname` that the title or the text gives, office
    words left out ("Press Secretary Jen Psaki" -> "Jen Psaki"); else the dictionary's
    person with that alias; else the surname."""
    forms: Counter[str] = Counter()
    pattern = re.compile(rf"((?:(?:{_NAME_WORD.pattern}|[A-Z]\.)\s+){{1,2}}){re.escape(surname)}\b")   # "Lloyd J. Austin"
    for source in (title, text):
        for match in pattern.finditer(source):
            given = [w for w in match.group(1).split() if not _is_office(w)
                     and w.lower() not in _CONNECTORS and not country_for(w)]
            if given:
                forms[" ".join(given[-2:] if len(given) > 1 and given[-1].endswith(".") else given[-1:])
                      + " " + surname] += 1
    if forms:
        return forms.most_common(1)[0][0]
    for entry in entries:
        if surname in entry.aliases and entry.kind == "person":
            return entry.canonical
    return surname


def role_of(label: str) -> str:
    """The dictionary role a bare role names ("the President", "the Head of State":
    "president"), or ""."""
    return _ROLE_LABELS.get(re.sub(r"\s+", " ", label.strip()).lower(), "")


def home_country(side: str) -> str:
    """The country a document's side is or names: "Russia", or "Russia" for a publisher
    given as "President of Russia (Kremlin)", "United States" for "The White House" (a seat
    of government, `actor_metonyms.csv`) or "U.S. Department of Defense"; "" when it names
    none ("The Moscow Times")."""
    if not side:
        return ""
    seat = metonyms().get(re.sub(r"^the\s+", "", side.strip(), flags=re.IGNORECASE).lower(), "")
    words = [w.strip("(),") for w in side.split()] + re.findall(r"[A-Za-z]+", side)
    return country_for(side) or seat or _first_country(words)


def _first_country(words: Sequence[str]) -> str:
    """The country the first of `words` that names one names, or ""."""
    return next((found for word in words if (found := country_for(word))), "")


def holder(role: str, country: str, entries: Sequence[DictionaryEntry]) -> str:
    """The one person the dictionary gives `role` in `country`, or ""."""
    found = {e.canonical for e in entries
             if e.kind == "person" and e.role.lower() == role
             and e.country == country}
    return found.pop() if len(found) == 1 else ""


def voice(title: str, *, side: str = "", entries: Sequence[DictionaryEntry] = ()) -> str:
    """The person who gives the address, speech or remarks a title names, or ""."""
    for pattern in _patterns().get("address", ()):
        match = pattern.search(title)
        if match is None:
            continue
        who = match.group("who").strip()
        if re.search(r"\band\b", who):
            return ""                          # "Remarks by President Biden and Chancellor Scholz"
        after_comma = [re.sub(r"^\s*the\s+", "", part) for part in title[match.start("who"):].rsplit(",", 1)[1:]]
        holder_words = after_comma[0].split() if after_comma else []
        if holder_words and _is_office(holder_words[0]) and (named := _first_name_run(after_comma[0])):
            # "Statement by the spokesman of the Coalition ..., Brigadier General Khalid al-Harbi": a rank
            # or office then a name ("..., Vinnytsia Oblast" names a place)
            return named
        if "," in who:
            return ""                          # "Remarks by President Biden, Warsaw" is cut at "Warsaw"
        for entry in entries:
            names = (entry.canonical, *entry.aliases)
            if entry.kind == "person" and any(re.search(rf"\b{re.escape(n)}\b", who) for n in names):
                return entry.canonical
        office = re.match(r"(?:the )?(president|vice president)(?: of (?:the )?(.+))?$", who, re.IGNORECASE)
        if office:
            country = country_for(office.group(2)) if office.group(2) else home_country(side)
            return holder(office.group(1).lower(), country or "", entries)
        named = speaker_name(who)              # "NSC Spokesperson Emily Horne" -> "Emily Horne"
        return named if named != who or len(who.split()) == 2 and who.istitle() else ""
    return ""


def heading(text: str) -> str:
    """The title a text opens with when it was given with its title inside it ("Address by
    President of Ukraine Volodymyr Zelenskyy, 12 March 2022. ..."), its date left out; "" when
    its opening reads as no address, speech or remarks."""
    for pattern in _patterns().get("heading", ()):
        if match := pattern.match(text[:_HEADING_CHARS]):
            return match.group("title")
    return ""


@dataclass(frozen=True)
class Voices:
    """Who speaks at each place of one document: its turns, the one voice of an
    address, each speaker's side, and the publisher's side (`home`)."""

    turns: tuple[Turn, ...] = ()
    voice: str = ""
    sides: tuple[tuple[str, str], ...] = ()
    home: str = ""
    people: tuple[tuple[str, str], ...] = ()     # a person's names and surname -> their country
    offices: tuple[tuple[str, str], ...] = ()    # a role at home ("president") -> the one person holding it

    @cached_property
    def side_of(self) -> dict[str, str]:
        return dict(self.sides)

    @cached_property
    def country_of(self) -> dict[str, str]:
        """`people` as a mapping, read once per document, not once per figure."""
        return dict(self.people)

    def holder_of(self, name: str) -> str:
        """The person a bare role names in the publisher's country ("the President" in a
        White House text is Joe Biden, "the Head of State" in a Ukrainian presidency's text
        Volodymyr Zelenskyy), or ""."""
        role = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).lower()
        return dict(self.offices).get(_ROLE_LABELS.get(role, role), "")

    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.turns]

    def in_turn(self, position: int) -> bool:
        """Whether a labelled turn holds `position` (not a header, nor an address)."""
        return turn_at(self.turns, position, self._starts) is not None

    def turn_start(self, position: int) -> int:
        """Where the turn holding `position` starts; 0 outside any turn."""
        turn = turn_at(self.turns, position, self._starts)
        return turn.start if turn is not None else 0

    def answerer(self, position: int) -> str:
        """Who answers the question turn holding `position`: the speaker of the next turn that
        is no question ("Q: General Milley, you said ... ? GENERAL MILLEY: ..."), or ""."""
        turn = turn_at(self.turns, position, self._starts)
        if turn is None or not turn.question:
            return ""
        following = bisect_right(self._starts, turn.start)
        answer = self.turns[following] if following < len(self.turns) else None
        return answer.speaker if answer is not None and not answer.question else ""

    def at(self, position: int) -> tuple[str, bool, str]:
        """(speaker, is a reporter's question, the speaker's side) at `position`;
        ("", False, home) where nobody in particular speaks."""
        turn = turn_at(self.turns, position, self._starts)
        if turn is not None and turn.question:
            return REPORTER, True, ""
        speaker = turn.speaker if turn is not None else self.voice
        return speaker, False, self.side_of.get(speaker, self.home)


def _described_country(name: str, header: str) -> str:
    """The country the words just before a speaker's name in the title or header give them:
    "Briefing by the spokesman of the General Staff of the Armed Forces of Ukraine, Oleksandr
    Shtupun" (Ukraine), "... and Lithuanian Minister of National Defence Arvydas Anusauskas"
    (Lithuania); not words said of another person before an "and" ("Secretary Antony Blinken
    and Ukrainian Foreign Minister Dmytro Kuleba" gives Blinken none); "" when none."""
    at = header.find(name) if name else -1
    if at < 0:
        return ""
    before = re.split(r"\band\b|\bwith\b|[;:]", header[header.rfind("\n", 0, at) + 1:at])[-1]
    return _first_country(list(reversed(re.findall(r"[A-Za-z][A-Za-z'-]*", before))))


def voices(text: str, *, title: str = "", side: str = "", entries: Sequence[DictionaryEntry] = ()) -> Voices:
    """The `Voices` of a document. A speaker's side is their country in the actor
    dictionary, or one their label names ("President of Russia Vladimir Putin"), or one the
    title or header names them with (`_described_country`), else the publisher's."""
    found = turns(text, title=title, side=side, entries=entries)
    countries = {e.canonical: e.country for e in entries}
    header = title + "\n" + text[:found[0].start] if found else ""
    sides: dict[str, str] = {}
    for turn in found:
        if not turn.question and turn.speaker not in sides:
            named = _first_country(turn.label.split())
            sides[turn.speaker] = countries.get(turn.speaker) or named or _described_country(turn.speaker, header) \
                or side
    the_voice = voice(title, side=side, entries=entries) or voice(heading(text), side=side, entries=entries)
    if the_voice:
        sides.setdefault(the_voice, countries.get(the_voice) or side)
    people = {name: e.country for e in entries
              if e.kind == "person" and e.country
              for name in (e.canonical, *e.aliases, e.canonical.split()[-1])}
    country = home_country(side)
    roles = {e.role.lower() for e in entries if e.kind == "person" and e.role and country and e.country == country}
    offices = {role: name for role in roles if (name := holder(role, country, entries))}
    return Voices(found, the_voice, tuple(sides.items()), side, tuple(sorted(people.items())),
                  tuple(sorted(offices.items())))
