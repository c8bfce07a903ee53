"""The events lexicon, loaded once from the data files beside this module.

verbs.tsv (generated from the PETRARCH-2 CAMEO dictionary) and lexicon.tsv (ours, which wins
for the same lemma) map a trigger lemma, optionally with words around it, to a CAMEO code;
cameo.tsv gives each code its PLOVER type, mode, Goldstein score and label; plover_scores.tsv
the PLOVER manual's score per type; cues.tsv the modality and support-verb cues.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: a trigger, what must stand around it, and its CAMEO code."""

    code: str
    side: str = ""  # "" (the lemma alone), obj, subj or mod
    words: tuple[frozenset[str], ...] = ()  # each group needs one of its words present
    alone: bool = True  # nouns: an event by itself, or only when a support verb carries it


@dataclass(frozen=True, slots=True)
class Code:
    """A CAMEO code with its PLOVER type, mode, Goldstein score and label."""

    code: str
    type: str  # "" for CAMEO 01/02, which PLOVER does not code
    mode: str | None
    goldstein: float
    label: str


def _rows(name: str) -> Iterator[dict[str, str]]:
    lines = (line for line in _read(name).splitlines() if line and not line.startswith("#"))
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _read(name: str) -> str:
    return resources.files("dateline.events").joinpath("data", name).read_text(encoding="utf-8")


@cache
def load_words(name: str) -> frozenset[str]:
    """Return the words of a one-word-a-line data file (# starts a comment)."""
    lines = (line.split("#")[0].strip() for line in _read(name).splitlines())
    return frozenset(line for line in lines if line)


def _words(text: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(group.split("|")) for group in text.split())


@cache
def load_lexicon() -> dict[tuple[str, str], tuple[Entry, ...]]:
    """Return (lemma, part of speech) -> entries, most specific first."""
    table: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    ours: set[tuple[str, str]] = set()  # keys where our own bare entry replaces the generated
    for row in (*_rows("lexicon.tsv"), *_rows("lexicon_mined.tsv")):
        key = (row["lemma"], row["pos"])
        if not row["side"]:
            ours.add(key)
        entry = Entry(row["code"], row["side"], _words(row["words"]), row["alone"] != "no")
        table[key].append(entry)
    weak = load_words("weak_verbs.txt")
    for row in _rows("verbs.tsv"):
        key = (row["lemma"], "VERB")
        if key in ours or row["side"] == "subj" or (not row["side"] and row["lemma"] in weak):
            continue  # ours win; subject patterns name actor kinds we match otherwise
        table[key].append(Entry(row["code"], row["side"], _words(row["words"])))
    return {key: tuple(sorted(v, key=_specificity, reverse=True)) for key, v in table.items()}


def _specificity(entry: Entry) -> int:
    return len(entry.words)


@cache
def load_codes() -> dict[str, Code]:
    """Return CAMEO code -> Code."""
    return {
        row["code"]: Code(
            code=row["code"],
            type=row["type"],
            mode=row["mode"] or None,
            goldstein=float(row["goldstein"]),
            label=row["label"],
        )
        for row in _rows("cameo.tsv")
    }


@cache
def load_plover_scores() -> dict[str, float]:
    """Return PLOVER type -> the PLOVER manual's conflict-cooperation score."""
    return {row["type"]: float(row["plover_score"]) for row in _rows("plover_scores.tsv")}


@cache
def load_cues() -> dict[str, dict[str, str]]:
    """Return role -> {word: signal} from cues.tsv."""
    cues: dict[str, dict[str, str]] = defaultdict(dict)
    for row in _rows("cues.tsv"):
        cues[row["role"]][row["word"]] = row["signal"]
    return dict(cues)


def code_info(code: str) -> Code | None:
    """Return the Code for `code`, falling back to its 3-digit then root parent."""
    codes = load_codes()
    return codes.get(code) or codes.get(code[:3]) or codes.get(code[:2])
