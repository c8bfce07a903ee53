"""Entity mentions and their coreference: dateline's actors on the MEANTIME corpus.

    .venv/bin/python benchmarks/meantime_entities.py [--limit N]

Gold: ../shared/eval/meantime (see its SOURCE.md), the English intra-document annotation:
120 Wikinews stories (Airbus, Apple, GM, stock market) with ENTITY_MENTIONs linked by
REFERS_TO to entity instances typed PER, ORG, LOC, PRO (products), FIN (financial) or MIX.

Text: each story's tokens joined by spaces, one sentence a line, so gold token spans map to
character offsets exactly. The annotators marked entities only in the title, the date line and
the first four body sentences (sentences 0..5), so predictions after those are not scored.
dateline reads it with its own parse and find_actors stages (the clean stage is for web
pages; this text is already clean).

Class mapping: dateline's actors are agents: persons (PER) and organisations (ORG: companies,
governments, groups, media). PRO and FIN are not actors; MEANTIME's LOC holds both places
and states, and dateline reads a state as an actor only where it acts. So:
- mentions: gold = PER and ORG mentions; predicted = every actor mention except those of
  states (which MEANTIME files under LOC). Scored strict (same span) and lenient (overlap,
  one to one). MEANTIME also marks nominal and pronoun mentions ("the company", "he"); we
  report names (syntactic_type NAM) apart, as that is what the actors layer finds.
- coreference: gold chains = PER/ORG entity instances with two or more mentions. A chain is
  resolved when the gold mentions we found (lenient) all belong to one actor: reported over
  chains where we found two or more of its mentions, and over all chains (a chain whose
  mentions we missed counts as unresolved).
No published figure on this exact task is recorded in SOURCE.md, so none is printed beside ours.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.actors import find_actors
from dateline.nlp import parse
from dateline.reading import Reading

MEANTIME = (
    Path(__file__).resolve().parents[2]
    / "shared/eval/meantime/meantime_newsreader_english_oct15/intra-doc_annotation"
)
ACTOR_CLASSES = frozenset({"PER", "ORG"})
# The annotators marked entities in sentences 0..5 only (title, date line, the first four
# sentences of the body: counted over all 120 stories), so only those are scored.
ANNOTATED_SENTENCES = 5


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    entity: str  # the entity instance's m_id, or "" when none
    cls: str  # PER, ORG, LOC, PRO, FIN, MIX, or "" when unlinked
    syntactic: str  # NAM, NOM, PRO, ...


@dataclass
class Story:
    name: str
    text: str
    mentions: list[GoldMention]
    annotated_end: int  # MEANTIME marks entities only in the title and first sentences


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    lenient: int = 0
    gold_names: int = 0
    found_names: int = 0
    chains: int = 0
    chains_seen: int = 0  # two or more mentions found
    chains_resolved: int = 0
    by_class: dict[str, list[int]] = field(default_factory=dict)


def read_story(path: Path) -> Story:
    """Return the story's text (tokens by spaces, sentences by lines) and its gold mentions."""
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int]] = {}
    lines: list[str] = []
    line: list[str] = []
    sentence, at = "0", 0
    for token in root.iter("token"):
        if token.get("sentence") != sentence and line:
            lines.append(" ".join(line))
            line = []
        sentence = str(token.get("sentence"))
        word = token.text or ""
        offsets[str(token.get("t_id"))] = (at, at + len(word))
        at += len(word) + 1
        line.append(word)
    lines.append(" ".join(line))
    annotated = [
        offsets[str(t.get("t_id"))][1]
        for t in root.iter("token")
        if int(str(t.get("sentence"))) <= ANNOTATED_SENTENCES
    ]
    return Story(path.stem, "\n".join(lines), _gold_mentions(root, offsets), max(annotated))


def _gold_mentions(root: ET.Element, offsets: dict[str, tuple[int, int]]) -> list[GoldMention]:
    classes = {str(e.get("m_id")): str(e.get("ent_type", "")) for e in root.iter("ENTITY")}
    entity_of: dict[str, str] = {}
    for link in root.iter("REFERS_TO"):
        target = link.find("target")
        for source in link.findall("source"):
            if target is not None:
                entity_of[str(source.get("m_id"))] = str(target.get("m_id"))
    mentions = []
    for mention in root.iter("ENTITY_MENTION"):
        anchors = [offsets[str(a.get("t_id"))] for a in mention.iter("token_anchor")]
        if not anchors:
            continue
        m_id = str(mention.get("m_id"))
        entity = entity_of.get(m_id, "")
        mentions.append(
            GoldMention(
                start=min(a[0] for a in anchors),
                end=max(a[1] for a in anchors),
                entity=entity,
                cls=classes.get(entity, ""),
                syntactic=str(mention.get("syntactic_type", "")),
            )
        )
    return mentions


def iter_stories(limit: int | None) -> Iterator[Story]:
    """Yield the stories in a fixed order, at most `limit` of them."""
    paths = sorted(MEANTIME.glob("*/*.xml"))
    for path in paths[:limit] if limit else paths:
        yield read_story(path)


def score_story(story: Story, reading: Reading, tally: Tally) -> None:
    """Add one story's mention and coreference counts to the tally."""
    gold = [m for m in story.mentions if m.cls in ACTOR_CLASSES]
    predicted = [
        (m.start, m.end, actor.id)
        for actor in reading.actors
        if actor.type != "state"
        for m in actor.mentions
        if m.end <= story.annotated_end
    ]
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    spans = {(s, e) for s, e, _ in predicted}
    tally.strict += sum((g.start, g.end) in spans for g in gold)
    matched = _match_lenient(gold, predicted)
    tally.lenient += len(matched)
    for g in gold:
        counts = tally.by_class.setdefault(g.cls, [0, 0])
        counts[0] += 1
        counts[1] += g in matched
    names = [g for g in gold if g.syntactic == "NAM"]
    tally.gold_names += len(names)
    tally.found_names += sum(g in matched for g in names)
    _score_chains(gold, matched, tally)


def _match_lenient(
    gold: list[GoldMention], predicted: list[tuple[int, int, str]]
) -> dict[GoldMention, str]:
    """Pair gold and predicted mentions that overlap, one to one, in text order."""
    free = sorted(predicted)
    matched: dict[GoldMention, str] = {}
    for g in sorted(gold, key=_span_of):
        hit = next((p for p in free if p[0] < g.end and g.start < p[1]), None)
        if hit is not None:
            matched[g] = hit[2]
            free.remove(hit)
    return matched


def _span_of(mention: GoldMention) -> tuple[int, int]:
    return mention.start, mention.end


def _score_chains(gold: list[GoldMention], matched: dict[GoldMention, str], tally: Tally) -> None:
    chains: dict[str, list[GoldMention]] = {}
    for g in gold:
        if g.entity:
            chains.setdefault(g.entity, []).append(g)
    for mentions in chains.values():
        if len(mentions) < 2:
            continue
        tally.chains += 1
        actors = [matched[m] for m in mentions if m in matched]
        if len(actors) >= 2:
            tally.chains_seen += 1
            tally.chains_resolved += len(set(actors)) == 1


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def report(tally: Tally, stories: int) -> str:
    """Return the figures as printable lines."""
    lines = [f"MEANTIME English, intra-document annotation: {stories} stories"]
    for label, hits in (("strict (same span)", tally.strict), ("lenient (overlap)", tally.lenient)):
        p, r = _ratio(hits, tally.predicted), _ratio(hits, tally.gold)
        lines.append(
            f"  PER+ORG mentions, {label}: P {p:.3f}  R {r:.3f}  F1 {_f1(p, r):.3f}"
            f"  ({hits} of {tally.gold} gold, {tally.predicted} predicted)"
        )
    lines.append(
        f"  recall of names only (NAM): {_ratio(tally.found_names, tally.gold_names):.3f}"
        f"  ({tally.found_names} of {tally.gold_names})"
    )
    for cls, (gold, found) in sorted(tally.by_class.items()):
        lines.append(f"  recall {cls}: {_ratio(found, gold):.3f} ({found} of {gold})")
    lines.append(
        f"  coreference: {_ratio(tally.chains_resolved, tally.chains_seen):.3f} of the"
        f" {tally.chains_seen} chains with 2+ mentions found resolve to one actor;"
        f" {_ratio(tally.chains_resolved, tally.chains):.3f} of all {tally.chains} chains"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures; exit 0 when the data is absent."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N stories")
    args = parser.parse_args(argv)
    if not MEANTIME.is_dir():
        print(f"{MEANTIME} is absent: nothing to benchmark")
        return 0
    stories = list(iter_stories(args.limit))
    readings = (Reading(source=s.name, text=s.text) for s in stories)
    tally = Tally()
    for story, reading in zip(stories, parse.run_many(readings), strict=True):
        score_story(story, find_actors(reading), tally)
    print(report(tally, len(stories)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
