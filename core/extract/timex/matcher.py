"""Matcher patterns kept as data (one JSON object a line in core/data/timex_*.jsonl,
and a pattern for each named day of the holidays table), and `AnchoredMatcher`,
which runs them only on the windows of a Doc where one of them can match."""
from __future__ import annotations

import re
from pathlib import Path

import srsly
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab


def load_patterns(path: Path, word_lists: dict[str, tuple[str, ...]] | None = None) -> list[dict]:
    """Matcher patterns, one JSON object a line: id, label, pattern, optional trim. A token
    test {"IN": "@name"} stands for the word list `word_lists["@name"]` (a list kept as data
    of its own, such as the time zones, that other code reads too)."""
    rows = list(srsly.read_jsonl(path))
    lists = word_lists or {}
    for row in rows if lists else ():
        for token in row["pattern"]:
            for attr, test in token.items():
                if isinstance(test, dict) and isinstance(test.get("IN"), str):
                    token[attr] = {**test, "IN": list(lists[test["IN"]])}
    return rows


def holiday_patterns(path: Path) -> list[dict]:
    """One pattern per named day in the holidays table ("Christmas Eve"), one for the weekend
    named by it ("Labor Day weekend", "the Thanksgiving weekend") and one for the day every year
    ("every Christmas")."""
    rows: list[dict] = []
    with path.open(encoding="utf-8") as handle:
        names = [line.split(",", 1)[0].strip() for line in handle if line.strip() and not line.startswith("#")][1:]
    for name in names:
        words = re.sub(r"s'(?= |$)", "s '", name.replace("'s", " 's")).split()  # "Patriots' Day": "Patriots", "'"
        pattern: list[dict[str, object]] = [{"LOWER": w} for w in words]
        pattern[0] = {"LOWER": words[0], "IS_TITLE": True}  # a proper name, "Christmas" not "christmas tree"
        rows.append({"id": f"holiday-{name}", "label": "DATE", "pattern": pattern})
        weekend = [{"LOWER": "the", "OP": "?"}, *pattern, {"LOWER": "weekend"}]  # "the Easter weekend"
        rows.append({"id": f"holiday-{name}-weekend", "label": "DATE", "pattern": weekend})
        every = [{"LOWER": {"IN": ["every", "each"]}}, *pattern]  # "every Christmas"
        rows.append({"id": f"holiday-{name}-every", "label": "SET", "pattern": every})
    return rows


def _build_matcher(vocab, rows: list[dict]) -> Matcher:
    matcher = Matcher(vocab, validate=True)
    for row in rows:
        matcher.add(row["id"], [row["pattern"]])
    return matcher


class AnchoredMatcher:
    """A `Matcher` run only on the windows of a Doc where one of its patterns can match.

    Every pattern has a required token with a literal test (LOWER or TEXT
    equal to, in a list, or matching a regex; LIKE_NUM). No match can miss
    its pattern's anchor token, and no pattern is longer than `width` tokens
    (the rules use only the "?" operator), so the windows of `width - 1`
    tokens either side of each anchor hit hold every match of the whole Doc:
    the same matches at a fraction of the cost (most tokens of an article are
    no time word). A pattern without such an anchor makes it match the whole Doc.
    """

    def __init__(self, vocab: Vocab, rows: list[dict]) -> None:
        self.matcher = _build_matcher(vocab, rows)
        self.width = max((len(row["pattern"]) for row in rows), default=1)
        self._lowers: set[str] = set()
        self._texts: set[str] = set()
        regexes: set[str] = set()
        self._like_num = False
        self._everywhere = any(op not in (None, "?") for row in rows for op in (t.get("OP") for t in row["pattern"]))
        for row in rows:
            anchors = [t for t in row["pattern"] if "OP" not in t and _anchor_kind(t)]
            anchor = min(anchors, key=_anchor_cost, default=None)
            kind = _anchor_kind(anchor) if anchor is not None else None
            if kind is None:
                self._everywhere = True
                continue
            attr, value = kind
            if attr == "LIKE_NUM":
                self._like_num = True
            elif isinstance(value, dict) and "REGEX" in value:
                regexes.add(value["REGEX"] if attr == "TEXT" else f"(?i:{value['REGEX']})")
            else:
                target = self._lowers if attr == "LOWER" else self._texts
                target.update(value["IN"] if isinstance(value, dict) else [str(value)])  # LOWER, TEXT: a str
        self._regex = re.compile("|".join(f"(?:{r})" for r in sorted(regexes))) if regexes else None

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if self._everywhere:
            return list(self.matcher(doc))
        windows: list[list[int]] = []
        reach = self.width - 1
        for token in doc:
            if not self._is_anchor(token):
                continue
            lo, hi = max(0, token.i - reach), min(len(doc), token.i + reach + 1)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = hi
            else:
                windows.append([lo, hi])
        # Windows are disjoint and in text order, and within one the Matcher
        # meets the tokens as in the whole Doc: the matches come in the same order.
        return [(match_id, lo + start, lo + end)
                for lo, hi in windows for match_id, start, end in self.matcher(doc[lo:hi])]

    def _is_anchor(self, token: Token) -> bool:
        text = token.text
        return (token.lower_ in self._lowers or text in self._texts or (self._like_num and token.like_num)
                or (self._regex is not None and self._regex.search(text) is not None))


def _anchor_kind(spec: dict) -> tuple[str, object] | None:
    """(attribute, value) of a token test usable as an anchor, else None. A
    regex that only looks ahead ("^(?!...)") accepts nearly any token: no anchor."""
    for attr in ("LOWER", "TEXT"):
        value = spec.get(attr)
        if isinstance(value, dict) and "REGEX" in value and value["REGEX"].startswith("^(?!"):
            continue
        if isinstance(value, str) or isinstance(value, dict) and ("IN" in value or "REGEX" in value):
            return attr, value
    if spec.get("LIKE_NUM") is True:
        return "LIKE_NUM", True
    return None


def _anchor_cost(spec: dict) -> tuple[int, int]:
    """How often a token test passes in running text, roughly: function words
    ("the", "of", "in") and numbers are everywhere, a month name is not."""
    attr, value = _anchor_kind(spec) or ("", None)
    if attr == "LIKE_NUM":
        return (50, 0)
    if isinstance(value, dict) and "REGEX" in value:
        return (10, 0)
    values = value["IN"] if isinstance(value, dict) else [value]
    common = sum(1 for v in values if str(v).lower() in STOP_WORDS)
    # the share of common words, not their count: a list of 35 month names holding "may"
    # is a rarer anchor than "the" alone
    return (round(100 * common / max(1, len(values))), len(values))
