"""Stories matched by bands we cut ourselves give what datasketch's MinHashLSH gave (#12)."""

from __future__ import annotations

import random

from datasketch import MinHash, MinHashLSH

from dateline.dedup.articles import SCHEME, minhash_signature
from dateline.dedup.stories import (
    BANDS,
    NUM_PERM,
    ROWS,
    THRESHOLD,
    Known,
    Signature,
    assign_stories,
    band_keys,
    similarity,
)

STORY = (
    "The harbour authority of a small coastal republic closed its northern port on Monday "
    "after a fuel tanker ran aground during a storm, officials said. Two tugboats were sent "
    "to pull the vessel free, but the crew was evacuated by helicopter when the hull began "
    "to leak. The transport minister said the port would stay closed until divers had "
    "inspected the channel, and fishermen were told to keep clear of the area."
)
OTHER = (
    "Parliament in an inland kingdom approved a new budget on Tuesday after a week of debate, "
    "raising spending on schools and rural roads while cutting subsidies for diesel fuel. "
    "Opposition members walked out before the vote, saying the plan would hurt farmers, and "
    "the finance minister promised a review of the fuel measures within six months."
)
EDITED = STORY.replace("on Monday", "on Monday morning") + " More to follow."


def test_bands_and_rows_are_what_datasketch_chooses_for_the_threshold() -> None:
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)


def test_band_keys_one_per_band_and_none_for_an_empty_signature() -> None:
    keys = band_keys(minhash_signature(STORY))
    assert len(keys) == BANDS
    assert all(0 <= k < 2**63 for k in keys)  # a BIGINT column holds them
    assert band_keys(()) == ()


def test_a_near_copy_joins_the_stored_story_and_another_story_does_not() -> None:
    stored = [Known(article_id="a1", story_id="s1", signature=minhash_signature(STORY))]
    new = [("a2", minhash_signature(EDITED)), ("a3", minhash_signature(OTHER))]
    assert similarity(new[0][1], stored[0].signature) >= THRESHOLD
    assert assign_stories(new, stored) == ["s1", "a3"]


def test_copies_within_one_chunk_join_the_first_in_input_order() -> None:
    new = [
        ("b", minhash_signature(OTHER)),
        ("a", minhash_signature(STORY)),
        ("c", minhash_signature(EDITED)),
        ("d", minhash_signature(OTHER + " Reporting by the desk.")),
        ("e", ()),  # no words: a story of its own, never a candidate
    ]
    assert assign_stories(new, []) == ["b", "a", "a", "b", "e"]


def _varied_corpus(seed: int) -> list[tuple[str, Signature]]:
    """Edited copies of a few stories, edited so much that many pairs score near THRESHOLD."""
    rng = random.Random(seed)
    words = (STORY + " " + OTHER).split()
    bases = [" ".join(rng.sample(words, 60)) for _ in range(6)]
    corpus = []
    for n in range(160):
        kept = rng.choice(bases).split()
        rate = rng.uniform(0.0, 0.15)
        edited = [rng.choice(words) if rng.random() < rate else w for w in kept]
        corpus.append((f"{n:03}-{rng.randrange(10**6)}", minhash_signature(" ".join(edited))))
    return corpus


def _datasketch_stories(new: list[tuple[str, Signature]]) -> list[str]:
    """The stories datasketch's MinHashLSH index gave, as dateline assigned them before #12."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    hashes: dict[str, MinHash] = {}
    stories: dict[str, str] = {}
    for article_id, signature in new:
        minhash = MinHash(num_perm=NUM_PERM, hashvalues=list(signature), scheme=SCHEME)
        best: tuple[float, str] | None = None
        for other in lsh.query(minhash):
            score = minhash.jaccard(hashes[other])
            if score >= THRESHOLD and (best is None or (score, other) > best):
                best = (score, other)
        stories[article_id] = stories[best[1]] if best else article_id
        hashes[article_id] = minhash
        lsh.insert(article_id, minhash)
    return [stories[article_id] for article_id, _ in new]


def _missed_by_bands(corpus: list[tuple[str, Signature]], stories: list[str]) -> int:
    """How many articles start a story though an earlier one scores over THRESHOLD."""
    return sum(
        story == article_id
        and any(similarity(signature, earlier) >= THRESHOLD for _, earlier in corpus[:n])
        for n, ((article_id, signature), story) in enumerate(zip(corpus, stories, strict=True))
    )


def test_the_same_stories_as_datasketchs_index_stored_or_in_one_chunk() -> None:
    for seed in range(3):
        corpus = _varied_corpus(seed)
        expected = _datasketch_stories(corpus)
        assert 1 < len(set(expected)) < len(corpus) / 2  # many joins, and several stories
        assert _missed_by_bands(corpus, expected) > 0  # the banding decides some, not only scores
        assert assign_stories(corpus, []) == expected  # one chunk
        half = len(corpus) // 2  # the first half stored (all its rows offered), then the rest
        stored = [Known(article_id=a, story_id=s, signature=sig)
                  for (a, sig), s in zip(corpus[:half], expected, strict=False)]  # fmt: skip
        assert assign_stories(corpus[half:], stored) == expected[half:]
