"""List the verbs and event nouns with actor arguments that code no event (issue #8, item 4).

Reads the English pages of three collections of real news under ../shared/eval/ that are not
the events development set: news-sample/ (the `.html` of each page, the `.txt` where a page
has no `.html`), scrapinghub-aeb/html/ and trafilatura-eval/html/. Pages of news-sample/ that
news-gold/ codes are skipped by their id (only the gold files' names are looked at, never
their contents): the lexicon must grow from other pages than those it is measured on.

Each page goes through dateline's whole pipeline. A verb (or noun) counts when its subject or
object names one of the reading's actors, or a PERSON/ORG/GPE/NORP entity, and it codes no
event: it is no trigger ("none"), its entry is CAMEO 01/02, which PLOVER does not code
("untyped"), or it is a trigger whose event the stage dropped ("dropped"). Printed, most frequent
first: lemma, part of speech, why, count, pages, and two example clauses. Deciding what each
one codes is left to a person, as rows of src/dateline/events/data/lexicon_mined.tsv.

    .venv/bin/python scripts/mine_event_words.py --limit 60 --top 120
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from dateline import read
from dateline.errors import InputError
from dateline.events.coder import find_triggers, group_triggers
from dateline.events.lexicon import code_info, load_cues
from dateline.events.roles import resolve
from dateline.reading import Reading

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "prep", "poss", "compound", "amod"})
NOUN_ARGUMENT_DEPS = frozenset({"poss", "compound", "amod", "prep"})
# A noun is listed when it looks like the name of an act: a deverbal ending ("invasion",
# "deployment", "withdrawal", "shelling"), or carried by a support verb ("staged a sit-in"),
# or aimed at or done by a party ("the blockade of Gaza", "a raid by X", "Israel's blockade").
# Nouns of people, bodies and places ("Israel's government", "a Shiite mosque") are left out.
EVENT_SUFFIXES = ("tion", "sion", "ment", "al", "ure", "age", "ing", "ade", "ance", "ence")
ACT_PREPS = frozenset({"against", "by", "on", "with", "between", "of", "over", "to", "from"})
# Verbs that report words (the quotes layer's cues) name no act of their own unless our
# lexicon gives them one ("warn", "accuse" are triggers there and so are not skipped).
SPEECH_CUES = frozenset(
    line.strip()
    for line in (ROOT / "src" / "dateline" / "quotes" / "speech_cues.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
)
CLAUSE_CHARS = 200  # characters of a sentence printed around the word


@dataclass(slots=True)
class Finding:
    """One lemma's uncoded uses: how many, on how many pages, and the first examples."""

    count: int = 0
    pages: set[str] = field(default_factory=set)
    examples: list[str] = field(default_factory=list)


def gold_ids() -> frozenset[str]:
    """Return the ids of the news-sample pages the events development set codes (by name)."""
    return frozenset(p.name.removesuffix(".gold.json") for p in EVAL.glob("news-gold/*.gold.json"))


def news_sample_pages() -> Iterator[Path]:
    """Yield each news-sample page not in the development set: its .html, else its .txt."""
    skip = gold_ids()
    for txt in sorted(EVAL.glob("news-sample/*.txt")):
        if txt.stem in skip:
            continue
        html = txt.with_suffix(".html")
        yield html if html.exists() else txt


def pages(folder: str) -> Iterator[Path]:
    """Yield the page files of one collection, in a fixed order."""
    if folder == "news-sample":
        yield from news_sample_pages()
    else:
        yield from sorted((EVAL / folder / "html").glob("*.gz"))


def _raw(path: Path) -> tuple[str, bytes]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        name = path.name.removesuffix(".gz")
        return str(path.with_name(name if "." in name else f"{name}.html")), gzip.decompress(data)
    return str(path), data


def english_readings(folder: str, limit: int) -> Iterator[Reading]:
    """Yield the readings of the first `limit` English pages of a collection."""
    kept = 0
    for path in pages(folder):
        source, raw = _raw(path)
        try:  # one page at a time, so a page with no article skips only itself
            reading = read(source, raw)
        except InputError as err:
            print(f"# skipped {err}", file=sys.stderr)
            continue
        except Exception as err:  # one stage's bug must not end a long run: reported, skipped
            print(f"# failed {source}: {type(err).__name__}: {err}", file=sys.stderr)
            continue
        if reading.doc is None or reading.article is None or reading.article.language != "en":
            continue
        yield reading
        kept += 1
        if kept >= limit:
            return


def names_actor(reading: Reading, token: Token) -> bool:
    """Does the token (or its compounds and modifiers) name an actor or a named party?"""
    if token.dep_ == "prep" or token.dep_ == "agent":
        return any(names_actor(reading, c) for c in token.children if c.dep_ == "pobj")
    near = [token, *(c for c in token.children if c.dep_ in ("compound", "amod", "poss"))]
    if any(t.ent_type_ in ENTITY_TYPES for t in near):
        return True
    return token.pos_ in ("NOUN", "PROPN") and resolve(reading, token) is not None


def has_actor_argument(reading: Reading, token: Token) -> bool:
    """Does the verb's subject or object, or the noun's owner or complement, name an actor?"""
    deps = SUBJECT_DEPS | OBJECT_DEPS if token.pos_ == "VERB" else NOUN_ARGUMENT_DEPS
    if token.pos_ == "VERB" and token.dep_ in ("acl", "relcl") and names_actor(reading, token.head):
        return True  # "the troops deployed to X": the modified noun is the verb's subject
    return any(c.dep_ in deps and names_actor(reading, c) for c in token.children)


def is_candidate(token: Token) -> bool:
    """Is the token a verb, or a common noun that may name an act?"""
    if not token.lemma_.isalpha():
        return False
    if token.pos_ == "VERB":
        return True
    if token.pos_ != "NOUN" or token.ent_type_:
        return False
    light = token.dep_ == "dobj" and token.head.lemma_.lower() in load_cues().get("light", {})
    return light or token.lemma_.lower().endswith(EVENT_SUFFIXES) or _aimed(token)


def _aimed(noun: Token) -> bool:
    return any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ACT_PREPS) for c in noun.children
    )


def uncoded(reading: Reading) -> Iterator[tuple[Token, str]]:
    """Yield each token with an actor argument that codes no event, and why."""
    doc = reading.require_doc()
    triggers = find_triggers(doc)
    coded = {e.trigger.start for e in reading.events if e.trigger is not None}
    spans = [(m.start, m.end) for e in reading.events for m in (e.evidence, *e.also)]
    why: dict[int, str] = {}
    for cluster in group_triggers(triggers):
        head = cluster.head.token
        info = code_info(cluster.head.code)
        told = head.idx in coded or any(a <= head.idx < b for a, b in spans)
        reason = "untyped" if info is None or not info.type else "dropped"
        for member in cluster.members:
            why[member.token.i] = "" if told else reason
    skip = SPEECH_CUES
    for token in doc:
        reason = why.get(token.i, "none")
        if not reason or not is_candidate(token):
            continue
        if reason == "none" and token.lemma_.lower() in skip:
            continue  # verbs that report words: no act of their own
        if has_actor_argument(reading, token):
            yield token, reason


def clause(token: Token) -> str:
    """Return the token's sentence, cut to CLAUSE_CHARS around it, the token in brackets."""
    sent = token.sent
    start = token.idx - sent.start_char
    text = sent.text
    marked = f"{text[:start]}[{token.text}]{text[start + len(token.text) :]}"
    lo = max(0, start - CLAUSE_CHARS // 2)
    return " ".join(marked[lo : lo + CLAUSE_CHARS].split())


def mine(folders: list[str], limit: int) -> dict[tuple[str, str, str], Finding]:
    """Return (lemma, part of speech, why) -> Finding over the English pages of the folders."""
    found: dict[tuple[str, str, str], Finding] = defaultdict(Finding)
    for folder in folders:
        read = 0
        for reading in english_readings(folder, limit):
            read += 1
            for token, reason in uncoded(reading):
                finding = found[(token.lemma_.lower(), token.pos_, reason)]
                finding.count += 1
                finding.pages.add(reading.source)
                name = Path(reading.source).name
                if len(finding.examples) < 2 and name not in _names(finding):
                    finding.examples.append(f"{name}: {clause(token)}")
        print(f"# {folder}: {read} English pages read", file=sys.stderr)
    return found


def _names(finding: Finding) -> set[str]:
    return {e.split(": ", 1)[0] for e in finding.examples}


def _rank(item: tuple[tuple[str, str, str], Finding]) -> tuple[int, tuple[str, str, str]]:
    return -item[1].count, item[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60, help="English pages per collection")
    parser.add_argument("--top", type=int, default=150, help="rows printed")
    parser.add_argument("--min-pages", type=int, default=2, help="pages a lemma must occur on")
    parser.add_argument(
        "--folders", nargs="+", default=["news-sample", "scrapinghub-aeb", "trafilatura-eval"]
    )
    args = parser.parse_args()
    found = mine(args.folders, args.limit)
    ranked = sorted(found.items(), key=_rank)
    ranked = [(k, f) for k, f in ranked if len(f.pages) >= args.min_pages][: args.top]
    print("lemma\tpos\twhy\tcount\tpages\texamples")
    for (lemma, pos, reason), finding in ranked:
        examples = " || ".join(finding.examples)
        print(f"{lemma}\t{pos}\t{reason}\t{finding.count}\t{len(finding.pages)}\t{examples}")


if __name__ == "__main__":
    main()
