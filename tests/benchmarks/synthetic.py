"""A synthetic library of any size, written through the app's own import path.

`ensure_synthetic_library(series=100_000)` returns the path of a library file with that many
series, ~10 credits and ~3 reviews per series, ~1.5 people per series (reused across series
with a skewed popularity, so some person pages list hundreds of roles), characters, a few dozen
genres and networks, companies, awards, relations, interviews, disagreeing claims and,
optionally, notes with tags, ratings and statuses.

Everything is generated from `random.Random` seeded per batch, so the same arguments always
give the same library, and written with `db.importing.library_writer.write_library`, one
document (and one transaction) per `SERIES_PER_DOCUMENT` series, so memory stays bounded and
the benchmark measures the store exactly as the app fills it.

Files are cached under tests/benchmarks/results/cache/ (gitignored), keyed by size, seed and
GENERATOR_VERSION; bump the version whenever the generated content changes.

Manual use: python -m tests.benchmarks.synthetic --series 1000 --notes 100 --out /tmp/lib.sqlite
"""

from __future__ import annotations

import argparse
import fcntl
import json
import random
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.database import create_library
from db.importing.library_json import LibraryDocument
from db.importing.library_writer import write_library
from db.library_format import RECORD_FIELDS, SERIES_CHILDREN
from tests.benchmarks import words

Record = dict[str, Any]

# Bump when the generated content changes, so cached files from an older generator are not used.
GENERATOR_VERSION = 1
DEFAULT_SERIES = 100_000
DEFAULT_SEED = 20260101
# 1.5 people per series gives 150,000 people at 100k series; with ~10 credits per series each
# person averages ~7 roles, and the skewed choice below gives a few people hundreds.
PEOPLE_PER_SERIES = 1.5
# Series per document and transaction: big enough that per-transaction costs vanish, small
# enough that one batch of dicts stays a few tens of MB.
SERIES_PER_DOCUMENT = 2_000
PEOPLE_PER_DOCUMENT = 20_000
NOTES_PER_DOCUMENT = 2_000
# Exponent of the popularity skew: person index = people * u**SKEW; higher means a few stars.
POPULARITY_SKEW = 1.6

CACHE_DIR = Path(__file__).resolve().parent / "results" / "cache"
SYNTHETIC_SOURCE = "synthetic-generator"
WRITE_PATH_LABEL = "<synthetic library>"

Progress = Callable[[str], None]


def record(record_kind: str, /, **values: Any) -> Record:
    """A record of `record_kind` with every field present, as the importer's validator leaves it.
    """
    clean: Record = {}
    for spec in RECORD_FIELDS[record_kind]:
        default = list(spec.default) if spec.type is list else spec.default
        clean[spec.name] = values.pop(spec.name, default)
    if record_kind == "series":
        for name, _ in SERIES_CHILDREN:
            clean[name] = values.pop(name, [])
    elif record_kind == "note":
        clean["revisions"] = values.pop("revisions", [])
    if values:
        raise TypeError(f"unknown fields for a {record_kind}: {', '.join(sorted(values))}")
    return clean


def _outlet_source_key(outlet: str) -> str:
    return "outlet-" + "".join(ch.lower() if ch.isalnum() else "-" for ch in outlet).strip("-")


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + ("" if noun.endswith("s") else "es")
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith("f"):
        return noun[:-1] + "ves"
    return noun + "s"


@dataclass(frozen=True)
class PersonName:
    key: str
    name: str
    sort_name: str


class SyntheticLibrary:
    """Deterministic documents for a library of `series` series and `notes` notes."""

    def __init__(self, series: int = DEFAULT_SERIES, notes: int = 0,
                 seed: int = DEFAULT_SEED) -> None:
        if series < 1:
            raise ValueError("a synthetic library needs at least one series")
        self.series_count = series
        self.notes_count = notes
        self.seed = seed
        self.people = self._make_people(max(20, round(series * PEOPLE_PER_SERIES)))
        self.titles: list[str] = []  # titles generated so far, for relations inside the library

    # --- documents --------------------------------------------------------------------------

    def documents(self) -> Iterator[LibraryDocument]:
        """Sources and people first, then series in batches, then notes."""
        yield LibraryDocument(sources=self._sources())
        for start in range(0, len(self.people), PEOPLE_PER_DOCUMENT):
            chunk = self.people[start:start + PEOPLE_PER_DOCUMENT]
            yield LibraryDocument(people=[
                record("person", key=p.key, name=p.name, sort_name=p.sort_name) for p in chunk])
        for start in range(0, self.series_count, SERIES_PER_DOCUMENT):
            stop = min(start + SERIES_PER_DOCUMENT, self.series_count)
            rng = random.Random(f"{self.seed}:series:{start}")
            yield LibraryDocument(series=[self._series(rng, index)
                                          for index in range(start, stop)])
        targets = self._note_targets()
        for start in range(0, len(targets), NOTES_PER_DOCUMENT):
            rng = random.Random(f"{self.seed}:notes:{start}")
            yield LibraryDocument(notes=[
                self._note(rng, start + offset, target)
                for offset, target in enumerate(targets[start:start + NOTES_PER_DOCUMENT])])

    def _sources(self) -> list[Record]:
        sources = [record("source", key=SYNTHETIC_SOURCE, kind="import",
                          title="Synthetic benchmark library")]
        sources += [record("source", key=_outlet_source_key(outlet), title=f"{outlet} reviews",
                           outlet=outlet) for outlet in words.OUTLETS]
        return sources

    # --- people -----------------------------------------------------------------------------

    def _make_people(self, count: int) -> list[PersonName]:
        rng = random.Random(f"{self.seed}:people")
        seen: set[str] = set()
        people: list[PersonName] = []
        while len(people) < count:
            first = rng.choice(words.FIRST_NAMES)
            last = rng.choice(words.LAST_NAMES)
            # Middle initials keep 150,000 names unique without inventing gibberish.
            middle = f" {rng.choice('ABCDEFGHJKLMNOPRSTVW')}." if rng.random() < 0.6 else ""
            name = f"{first}{middle} {last}"
            if name in seen:
                continue
            seen.add(name)
            people.append(PersonName(f"p{len(people):06d}", name, f"{last}, {first}{middle}"))
        return people

    def _pick_people(self, rng: random.Random, count: int) -> list[PersonName]:
        chosen: dict[str, PersonName] = {}
        while len(chosen) < count:
            person = self.people[int(len(self.people) * rng.random() ** POPULARITY_SKEW)]
            chosen.setdefault(person.key, person)
        return list(chosen.values())

    # --- series -----------------------------------------------------------------------------

    def _title(self, rng: random.Random) -> str:
        adjective = rng.choice(words.TITLE_ADJECTIVES)
        noun = rng.choice(words.TITLE_NOUNS)
        place = rng.choice(words.PLACES)
        shape = rng.randrange(10)
        if shape == 0:
            return f"The {adjective} {noun}"
        if shape == 1:
            return f"{noun} of {place}"
        if shape == 2:
            return f"{adjective} {noun}"
        if shape == 3:
            return f"The {noun} in {place}"
        if shape == 4:
            return f"{rng.choice(words.FIRST_NAMES)}'s {noun}"
        if shape == 5:
            return f"{rng.choice(words.NUMBER_WORDS)} {_plural(noun)}"
        if shape == 6:
            return f"{place} {noun}"
        if shape == 7:
            return f"The {rng.choice(words.LAST_NAMES)} {rng.choice(('Affair', 'Files', 'Case'))}"
        if shape == 8:
            article = "An" if adjective[0] in "AEIOUÉ" else "A"
            return f"{article} {adjective} {noun} in {place}"
        return f"{noun} & {rng.choice(words.TITLE_NOUNS)}"

    @staticmethod
    def _sort_title(title: str) -> str | None:
        for article in ("The ", "A ", "An "):
            if title.startswith(article):
                return title[len(article):]
        return None

    def _dates(self, rng: random.Random) -> tuple[str, str | None, int, int, str | None]:
        year = rng.randint(1955, 2025)
        precision = rng.random()
        if precision < 0.7:
            first = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        elif precision < 0.85:
            first = f"{year}-{rng.randint(1, 12):02d}"
        else:
            first = str(year)
        seasons = 1 if rng.random() < 0.35 else rng.randint(2, 12)
        episodes = seasons * rng.randint(4, 13)
        status = rng.choice(("ended", "ended", "returning", "cancelled", None))
        last = None if status == "returning" else str(min(2025, year + seasons - 1))
        return first, last, seasons, episodes, status

    def _series(self, rng: random.Random, index: int) -> Record:
        title = self._title(rng)
        first, last, seasons, episodes, status = self._dates(rng)
        country, language = rng.choice(words.COUNTRIES)
        network = rng.choice(words.NETWORKS)
        setting = rng.choice(words.PLACES)
        occupation = rng.choice(words.OCCUPATIONS)
        synopsis = (f"In {setting}, a {occupation} is pulled into a reckoning when "
                    f"{rng.choice(words.EVENTS)}, {rng.choice(words.AFTERMATHS)}.")
        people = self._pick_people(rng, rng.randint(8, 12))
        characters, credits = self._cast_and_crew(rng, people)
        series = record(
            "series", key=f"s{index:06d}", title=title, sort_title=self._sort_title(title),
            kind="miniseries" if seasons == 1 and rng.random() < 0.5 else "series",
            first_aired=first, last_aired=last, seasons=seasons, episodes=episodes,
            status=status, country=country, language=language, network=network,
            setting=setting, synopsis=synopsis,
            based_on=(f"the novel {self._title(rng)!r}" if rng.random() < 0.1 else None),
            sources=[SYNTHETIC_SOURCE],
            genres=[record("genre", name=name)
                    for name in rng.sample(words.GENRES, rng.choice((1, 2, 2, 3)))],
            companies=self._companies(rng, network),
            characters=characters, credits=credits,
            reviews=[self._review(rng) for _ in range(rng.choice((1, 2, 3, 3, 4, 5)))],
        )
        if rng.random() < 0.02:  # sources that disagree on the premiere date
            series["claims"] = [
                record("claim", field="first_aired", value=first, source=SYNTHETIC_SOURCE),
                record("claim", field="first_aired", value=str(int(first[:4]) + 1),
                       source=_outlet_source_key(rng.choice(words.OUTLETS)))]
        cast = [credit["person"] for credit in credits if credit["role"] == "cast"]
        if rng.random() < 0.06:
            series["awards"] = [self._award(rng, first, cast) for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.05:
            series["relations"] = [self._relation(rng)]
        if rng.random() < 0.03:
            series["interviews"] = [record(
                "interview", person=rng.choice(cast), outlet=rng.choice(words.OUTLETS),
                topic=f"Preparing for the role and filming in {setting}.")]
        self.titles.append(title)
        return series

    def _cast_and_crew(self, rng: random.Random, people: list[PersonName]
                       ) -> tuple[list[Record], list[Record]]:
        crew_roles = ["creator", "director", "writer"]
        if rng.random() < 0.3:
            crew_roles.insert(1, "creator")
        if rng.random() < 0.5:
            crew_roles.append("producer")
        crew, cast = people[:len(crew_roles)], people[len(crew_roles):]
        characters: list[Record] = []
        credits: list[Record] = []
        for number, person in enumerate(cast, start=1):
            name = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
            characters.append(record(
                "character", key=f"c{number}", name=name,
                description=f"A {rng.choice(words.OCCUPATIONS)} from {rng.choice(words.PLACES)}."))
            credits.append(record("credit", person=person.key, role="cast",
                                  character=f"c{number}"))
        if rng.random() < 0.2:  # a character nobody plays on screen (the victim, say)
            characters.append(record("character", key="c0", name=rng.choice(words.FIRST_NAMES),
                                     description="Seen only in photographs."))
        credits += [record("credit", person=person.key, role=role)
                    for person, role in zip(crew, crew_roles, strict=True)]
        return characters, credits

    def _companies(self, rng: random.Random, network: str) -> list[Record]:
        production = (f"{rng.choice(words.COMPANY_WORDS)} "
                      f"{rng.choice(words.COMPANY_SUFFIXES)}")
        companies = [record("company", name=production, role="production"),
                     record("company", name=network, role="network")]
        if rng.random() < 0.3:
            distributor = (f"{rng.choice(words.COMPANY_WORDS)} "
                           f"{rng.choice(words.COMPANY_SUFFIXES)}")
            if distributor != production:
                companies.append(record("company", name=distributor, role="distributor"))
        return companies

    def _review(self, rng: random.Random) -> Record:
        outlet = rng.choice(words.OUTLETS)
        verdict = rng.choices(("positive", "mixed", "negative"), weights=(5, 3, 2))[0]
        praised = rng.choice(words.PRAISE)
        criticised = rng.choice(words.CRITICISM)
        summary = {
            "positive": f"A confident season carried by {praised}.",
            "mixed": f"Worth it for {praised}, though {criticised} drags it down.",
            "negative": f"Not even {praised} can make up for {criticised}.",
        }[verdict]
        author = rng.choice(self.people).name if rng.random() < 0.6 else None
        return record("review", source=_outlet_source_key(outlet), outlet=outlet, author=author,
                      published=f"{rng.randint(1990, 2025)}-{rng.randint(1, 12):02d}",
                      verdict=verdict, praised=praised, criticised=criticised, summary=summary)

    def _award(self, rng: random.Random, first_aired: str, cast: list[str]) -> Record:
        return record("award", name=rng.choice(words.AWARD_NAMES),
                      category=rng.choice(words.AWARD_CATEGORIES),
                      year=int(first_aired[:4]) + 1,
                      result=rng.choice(("won", "nominated", "nominated")),
                      person=rng.choice(cast) if cast and rng.random() < 0.6 else None)

    def _relation(self, rng: random.Random) -> Record:
        in_library = self.titles and rng.random() < 0.6
        title = rng.choice(self.titles) if in_library else self._title(rng) + " (film)"
        kind = rng.choice(("inspired_by", "same_creator", "compared_with", "real_case"))
        return record("relation", kind=kind, title=title, year=rng.randint(1960, 2025),
                      detail="Often mentioned together by critics.")

    # --- notes ------------------------------------------------------------------------------

    def _note_targets(self) -> list[Record]:
        """Distinct targets: mostly series, some people and characters."""
        if self.notes_count <= 0:
            return []
        rng = random.Random(f"{self.seed}:note-targets")
        people = min(len(self.people), self.notes_count // 5)
        characters = min(self.series_count, self.notes_count // 10)
        series = min(self.series_count, self.notes_count - people - characters)
        targets = [{"kind": "series", "key": f"s{i:06d}"}
                   for i in rng.sample(range(self.series_count), series)]
        targets += [{"kind": "person", "key": p.key} for p in rng.sample(self.people, people)]
        # Every series has character c1 (its first cast credit): at least 4 people per series.
        targets += [{"kind": "character", "key": "c1", "series": f"s{i:06d}"}
                    for i in rng.sample(range(self.series_count), characters)]
        rng.shuffle(targets)
        return targets

    def _note(self, rng: random.Random, index: int, target: Record) -> Record:
        mentioned = self._pick_people(rng, 2)
        paragraphs = [
            f"# Thoughts, part {index % 7 + 1}",
            f"Watched it with friends. **{mentioned[0].name}** was the reason to stay; "
            f"{mentioned[1].name} deserved more scenes.",
            "- " + "\n- ".join(rng.sample(words.PRAISE, 3)),
            f"Didn't love {rng.choice(words.CRITICISM)}. " * rng.randint(1, 6),
        ]
        body = "\n\n".join(paragraphs)
        month = rng.randint(1, 12)
        created = f"2025-{month:02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00+00:00"
        updated = created.replace("2025-", "2026-", 1) if rng.random() < 0.5 else created
        tags = rng.sample(words.TAGS, rng.choice((0, 1, 1, 2, 3, 4)))
        rating = rng.randint(1, 10) if rng.random() < 0.8 else None
        status = rng.choice(("plan", "watching", "watched", "watched", "dropped", None))
        revisions: list[Record] = []
        if rng.random() < 0.2 and updated != created:  # an earlier draft kept in the history
            revisions = [
                record("revision", body=paragraphs[0], rating=None, status="watching",
                       tags=[], saved=created),
                record("revision", body=body, rating=rating, status=status, tags=tags,
                       saved=updated)]
        return record("note", id=f"{rng.getrandbits(128):032x}", target=target, body=body,
                      rating=rating, status=status, tags=tags, created=created, updated=updated,
                      revisions=revisions)


# --- building and caching ---------------------------------------------------------------------

@dataclass(frozen=True)
class BuildReport:
    path: Path
    series: int
    notes: int
    seconds: float
    size_bytes: int


def build_synthetic_library(path: Path, series: int = DEFAULT_SERIES, notes: int = 0,
                            seed: int = DEFAULT_SEED, progress: Progress | None = None
                            ) -> BuildReport:
    """Create a new library file at `path` (which must not exist) filled with synthetic data.

    Unbinds any library bound before (create_library binds the new file while filling it).
    """
    generator = SyntheticLibrary(series, notes, seed)
    started = time.perf_counter()

    def fill(_database: object) -> None:
        written = 0
        for document in generator.documents():
            write_library(document, WRITE_PATH_LABEL)
            written += len(document.series)
            if progress is not None and document.series:
                progress(f"{written:,}/{series:,} series written "
                         f"({time.perf_counter() - started:.1f} s)")

    create_library(path, fill)
    seconds = time.perf_counter() - started
    return BuildReport(path, series, notes, seconds, path.stat().st_size)


def cached_library_path(series: int, notes: int, seed: int = DEFAULT_SEED) -> Path:
    return CACHE_DIR / f"synthetic-v{GENERATOR_VERSION}-{series}s-{notes}n-{seed}.sqlite"


def ensure_synthetic_library(series: int = DEFAULT_SERIES, notes: int = 0,
                             seed: int = DEFAULT_SEED, progress: Progress | None = None
                             ) -> Path:
    """The cached synthetic library of this size, built on first use (minutes at 100k).

    Callers must treat the file as read-only (copy it with the backup API to write into it).
    Concurrent callers wait for one build instead of building twice.
    """
    path = cached_library_path(series, notes, seed)
    if path.exists():
        return path
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with _exclusive_lock(path.with_name(path.name + ".lock")):
        if not path.exists():  # another process may have finished it while we waited
            report = build_synthetic_library(path, series, notes, seed, progress)
            report_path = path.with_name(path.stem + ".build.json")
            report_path.write_text(json.dumps({
                "series": series, "notes": notes, "seed": seed,
                "generator_version": GENERATOR_VERSION,
                "seconds": round(report.seconds, 2), "size_bytes": report.size_bytes,
            }, indent=2) + "\n", encoding="utf-8")
    return path


@contextmanager
def _exclusive_lock(lock_path: Path) -> Iterator[None]:
    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _print_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.synthetic",
                                     description="Build a synthetic Showshelf library.")
    parser.add_argument("--series", type=int, default=DEFAULT_SERIES)
    parser.add_argument("--notes", type=int, default=0)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path,
                        help="write a new library here (default: the benchmark cache)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.out is not None:
        if args.out.exists():
            parser.error(f"{args.out} already exists")
        path = build_synthetic_library(args.out, args.series, args.notes, args.seed,
                                       _print_progress).path
    else:
        path = ensure_synthetic_library(args.series, args.notes, args.seed, _print_progress)
    seconds = time.perf_counter() - started
    size_mb = path.stat().st_size / 1e6
    print(f"{path}: {args.series:,} series, {args.notes:,} notes, {size_mb:.1f} MB, "
          f"{seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
