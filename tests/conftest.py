"""Shared fixtures: paths to ../shared, the spaCy pipeline, and hand-built Docs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "hezbollah-rejects-us-overtures.txt"
SEED_GOLD = SHARED / "seed" / "hezbollah-rejects-us-overtures.gold.json"
EVAL = SHARED / "eval"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/*/expected.json"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared, or skip when the clone has none beside it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this clone")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    if not SEED.is_file():
        pytest.skip("the seed article is not in ../shared/seed")
    return SEED


@pytest.fixture(scope="session")
def eval_dir(shared: Path) -> Path:
    if not EVAL.is_dir():
        pytest.skip("../shared/eval is absent")
    return EVAL


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The English pipeline; tests using it are marked `model`."""
    from dateline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def vocab() -> spacy.vocab.Vocab:
    return spacy.blank("en").vocab


def make_doc(
    vocab: spacy.vocab.Vocab,
    words: Sequence[str],
    *,
    heads: Sequence[int] | None = None,
    deps: Sequence[str] | None = None,
    lemmas: Sequence[str] | None = None,
    pos: Sequence[str] | None = None,
    ents: Sequence[str] | None = None,
) -> Doc:
    """Build a parsed Doc by hand: heads are absolute token indices."""
    return Doc(
        vocab, words=list(words), heads=list(heads) if heads else None,
        deps=list(deps) if deps else None, lemmas=list(lemmas) if lemmas else None,
        pos=list(pos) if pos else None, ents=list(ents) if ents else None,
    )  # fmt: skip
