"""Stories: near-duplicate bodies share a story id; different stories do not."""

from __future__ import annotations

import sys
from pathlib import Path

from dateline.batch import IngestOptions, ingest
from dateline.config import Settings
from dateline.dedup import minhash_signature
from dateline.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "batch"))
from batch_toy import TOY_STAGES

# A story written for this test, and two outlets' chrome around it.
STORY = (
    "The harbour authority of a small coastal republic closed its northern port on Monday "
    "after a fuel tanker ran aground during a storm, officials said. Two tugboats were sent "
    "to pull the vessel free, but the crew was evacuated by helicopter when the hull began "
    "to leak. The transport minister said the port would stay closed until divers had "
    "inspected the channel, and fishermen were told to keep clear of the area. Environmental "
    "groups asked the government to publish its spill plan. Neighbouring states offered "
    "booms and skimmers, and a regional coast guard vessel was on its way, the ministry said."
)
CHROME_A = (
    "<nav>Home World Business Sport Weather</nav>",
    "<footer>Copyright Daily Tide. Subscribe to our newsletter.</footer>",
)
CHROME_B = (
    "<header>Morning Ledger | Latest | Opinion | Podcasts</header>",
    "<aside>Most read: "
    "election results, transfer news</aside><footer>All rights reserved.</footer>",
)
OTHER = (
    "Parliament in an inland kingdom approved a new budget on Tuesday after a week of debate, "
    "raising spending on schools and rural roads while cutting subsidies for diesel fuel. "
    "Opposition members walked out before the vote, saying the plan would hurt farmers, and "
    "the finance minister promised a review of the fuel measures within six months."
)


def _page(chrome: tuple[str, str], body: str) -> str:
    return f"<html><body>{chrome[0]}<article><p>{body}</p></article>{chrome[1]}</body></html>"


def test_minhash_signature_is_stable_and_empty_for_no_words() -> None:
    assert minhash_signature(STORY) == minhash_signature(STORY)
    assert minhash_signature("  ... ") == ()


def test_same_story_from_two_outlets_is_one_story(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "tide.html").write_text(_page(CHROME_A, STORY))
    (tmp_path / "news" / "ledger.html").write_text(_page(CHROME_B, STORY))
    (tmp_path / "news" / "budget.html").write_text(_page(CHROME_A, OTHER))
    with Store(tmp_path / "s.duckdb") as store:
        ingest(
            [str(tmp_path / "news")],
            store,
            options=IngestOptions(stages=TOY_STAGES),
            settings=Settings(),
        )
        rows = dict(store.query("SELECT source, story_id FROM articles").rows)
    tide, ledger, budget = (
        rows[str(tmp_path / "news" / n)] for n in ("tide.html", "ledger.html", "budget.html")
    )
    assert len(rows) == 3  # three articles kept: copies are kept, grouped, not dropped
    assert tide == ledger
    assert budget != tide


def test_signatures_are_datasketchs_affine32_minhash() -> None:
    # Stores written when datasketch computed the signatures keep their stories only if the
    # values are the same, bit for bit.
    from datasketch import MinHash

    from dateline.dedup.articles import SCHEME, minhash_values
    from dateline.dedup.stories import NUM_PERM

    words = [w.encode() for w in STORY.split()]
    samples: list[list[bytes]] = [[], [b"a b c"], [STORY.encode(), OTHER.encode()], words]
    for items in samples:
        theirs = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
        theirs.update_batch(items)
        assert minhash_values(items).tolist() == theirs.digest().tolist()
    folded = STORY.casefold().replace(",", " ").replace(".", " ").split()
    shingles = {" ".join(folded[i : i + 3]).encode() for i in range(len(folded) - 2)}
    theirs = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    theirs.update_batch(sorted(shingles))
    assert list(minhash_signature(STORY)) == theirs.digest().tolist()


def test_signatures_import_neither_datasketch_nor_scipy() -> None:
    # Each reading process computes them; the two packages cost it 41 MiB (#12).
    import subprocess

    code = (
        "import sys; from dateline.dedup.articles import minhash_signature; "
        "minhash_signature('one two three four'); "
        "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
