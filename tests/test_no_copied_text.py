"""No run of 12 or more words from the seed articles appears in our data, code or docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR

REPO = Path(__file__).resolve().parents[1]
RUN_LENGTH = 12
OUR_TEXT_SUFFIXES = {".py", ".json", ".md", ".toml", ".desktop", ".svg", ".txt", ".cfg"}
SKIPPED_DIRS = {".venv", ".git", "__pycache__", ".pytest_cache", ".ruff_cache", "build",
                ".hypothesis"}


def words(text: str) -> list[str]:
    # Curly quotes and dashes vary between copies of a sentence; compare the words alone.
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))


def runs(tokens: list[str], length: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + length]) for i in range(len(tokens) - length + 1)}


def our_files() -> list[Path]:
    return [path for path in REPO.rglob("*")
            if path.is_file() and path.suffix in OUR_TEXT_SUFFIXES
            and not SKIPPED_DIRS & set(path.relative_to(REPO).parts)]


def test_the_check_itself_catches_a_copied_run() -> None:
    article = words("One two three four five six seven eight nine ten eleven twelve thirteen")
    ours = words("Intro: two three four five six seven eight nine ten eleven twelve thirteen!")
    assert runs(article, RUN_LENGTH) & runs(ours, RUN_LENGTH)


def test_no_twelve_word_run_from_the_seed_articles() -> None:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed articles not present at {SEEDS_DIR}")
    article_runs: dict[tuple[str, ...], str] = {}
    for article in sorted(SEEDS_DIR.glob("*.txt")):
        for run in runs(words(article.read_text(encoding="utf-8")), RUN_LENGTH):
            article_runs[run] = article.name
    assert article_runs, "the seed articles yielded no text"
    copied = []
    for path in our_files():
        for run in runs(words(path.read_text(encoding="utf-8", errors="replace")), RUN_LENGTH):
            if run in article_runs:
                copied.append(f"{path.relative_to(REPO)}: '{' '.join(run)}' "
                              f"(from {article_runs[run]})")
    assert not copied, "copied from the seed articles:\n" + "\n".join(sorted(copied)[:20])
