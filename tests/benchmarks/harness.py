"""The benchmark harness: figures, the context each benchmark gets, the runner and its report.

A benchmark module is `tests/benchmarks/bench_<name>.py` with `run(context: BenchContext) ->
list[Figure]`. The runner (`python -m tests.benchmarks`, `make bench`) calls every module (or the
ones named), prints an aligned table per module with each figure's target and OK/MISSED, and
writes `tests/benchmarks/results/<module>.json` with the figures, versions and machine.

A missed target is a result, not a failure: the run still exits 0. A benchmark that crashes
makes the run exit 1, so a broken benchmark cannot pass for a slow one.

GUI timings run in a child process (`run_gui_probe`) started the same way for the app and for
the bare-window baseline, so ratios compare like with like.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import platform
import sqlite3
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
PROJECT_ROOT = BENCH_DIR.parent.parent
BENCH_PREFIX = "bench_"

# The child reads this to know when its parent started it (CLOCK_MONOTONIC is shared by all
# processes on Linux, so the child can subtract it from its own monotonic clock).
PROBE_START_ENV = "SHOWSHELF_PROBE_START_NS"
# The child prints its one JSON report on a line starting with this marker, so anything else a
# library prints on stdout cannot be mistaken for the report.
PROBE_MARKER = "SHOWSHELF-PROBE "
# A GUI child that has not painted in this long is hung, not slow.
PROBE_TIMEOUT_S = 180.0

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Figure:
    """One measured number with its unit and, when there is one, the target it must meet."""

    name: str
    value: float
    unit: str  # "ms", "MB", "x", "s"
    target: float | None
    better: str = "lower"  # "lower": met when value <= target; "higher": value >= target

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        if self.better == "higher":
            return self.value >= self.target
        return self.value <= self.target


def percentiles(samples: Iterable[float]) -> tuple[float, float, float]:
    """(p50, p95, max) of the samples, nearest-rank; raises on an empty sequence."""
    ordered = sorted(samples)
    if not ordered:
        raise ValueError("percentiles of no samples")

    def rank(fraction: float) -> float:
        return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]

    return rank(0.50), rank(0.95), ordered[-1]


def _print_progress(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)


@dataclass
class BenchContext:
    """What a benchmark gets: the library size asked for and where to find or put things."""

    series: int
    notes: int = 10_000
    results_dir: Path = RESULTS_DIR
    progress: Progress = field(default=_print_progress, repr=False)

    def library_path(self, notes: int = 0) -> Path:
        """The cached synthetic library of `self.series` series and `notes` notes (read-only),
        at the current schema version."""
        from tests.benchmarks.synthetic import ensure_synthetic_library

        path = ensure_synthetic_library(series=self.series, notes=notes,
                                        progress=self.progress)
        upgrade_cached_library(path, self.progress)
        return path

    @staticmethod
    def percentiles(samples: Iterable[float]) -> tuple[float, float, float]:
        return percentiles(samples)


def _schema_version(path: Path) -> int:
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def upgrade_cached_library(path: Path, progress: Progress = _print_progress) -> None:
    """Migrate a cached library built before the newest migration, once, under the cache lock.

    The cache is keyed by size and generator version, not schema; without this, a benchmark
    opening it read-only fails and one opening it read-write migrates a shared file mid-run.
    """
    import fcntl

    from db import migrations
    from db.database import close_library, open_library

    if _schema_version(path) >= migrations.latest_version():
        return
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _schema_version(path) < migrations.latest_version():
            progress(f"migrating {path.name} to schema {migrations.latest_version()}")
            open_library(path)
            close_library()


# --- GUI child processes ----------------------------------------------------------------------

def run_gui_probe(script_or_module: str | Path, args: Sequence[str] = (),
                  env: Mapping[str, str] | None = None, *,
                  timeout: float = PROBE_TIMEOUT_S) -> dict[str, Any]:
    """Start a GUI probe in a fresh Python process and return the JSON report it prints.

    `script_or_module` is a path to a .py file or a dotted module name (run with -m). The child
    gets the start time in PROBE_START_ENV, taken just before the spawn, and
    QT_QPA_PLATFORM=offscreen unless `env` says otherwise; see tests/benchmarks/gui_probe.py for
    the child's side. The report gains "wall_ms": the parent's view of the whole run.
    """
    target = str(script_or_module)
    command = [sys.executable]
    command += [target] if target.endswith(".py") or os.sep in target else ["-m", target]
    command += list(args)
    child_env = dict(os.environ)
    child_env.setdefault("QT_QPA_PLATFORM", "offscreen")
    child_env["PYTHONPATH"] = os.pathsep.join(
        [str(PROJECT_ROOT), *filter(None, [child_env.get("PYTHONPATH")])])
    child_env.update(env or {})
    started = time.monotonic_ns()
    child_env[PROBE_START_ENV] = str(started)
    completed = subprocess.run(command, env=child_env, cwd=PROJECT_ROOT, capture_output=True,
                               text=True, timeout=timeout, check=False)
    wall_ms = (time.monotonic_ns() - started) / 1e6
    reports = [line[len(PROBE_MARKER):] for line in completed.stdout.splitlines()
               if line.startswith(PROBE_MARKER)]
    if completed.returncode != 0 or not reports:
        raise RuntimeError(
            f"GUI probe {' '.join(command[1:])} failed (exit {completed.returncode}, "
            f"{'no' if not reports else 'a'} report)\n{completed.stderr[-4000:]}")
    report: dict[str, Any] = json.loads(reports[-1])
    report["wall_ms"] = wall_ms
    return report


def run_gui_probes(script_or_module: str | Path, args: Sequence[str] = (),
                   env: Mapping[str, str] | None = None, *, runs: int = 5) -> list[dict[str, Any]]:
    """`runs` reports of the same probe, in order."""
    return [run_gui_probe(script_or_module, args, env) for _ in range(runs)]


def median_report(reports: Sequence[Mapping[str, Any]], key: str) -> float:
    """The median of one numeric key over several probe reports."""
    values = sorted(float(report[key]) for report in reports)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


# --- the run ----------------------------------------------------------------------------------

def available_modules() -> list[str]:
    """Short names of every benchmark module ("store" for bench_store.py), sorted."""
    return sorted(path.stem[len(BENCH_PREFIX):] for path in BENCH_DIR.glob(f"{BENCH_PREFIX}*.py"))


def _short_name(name: str) -> str:
    name = name.removesuffix(".py")
    return name[len(BENCH_PREFIX):] if name.startswith(BENCH_PREFIX) else name


def _format_number(value: float) -> str:
    if value == 0 or abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def format_table(figures: Sequence[Figure]) -> str:
    """An aligned table: name, value and unit, target, OK/MISSED (or '-' without a target)."""
    rows = [("figure", "value", "", "target", "result")]
    for figure in figures:
        if figure.target is None:
            target, result = "-", "-"
        else:
            sign = "≥" if figure.better == "higher" else "≤"
            target = f"{sign} {_format_number(figure.target)} {figure.unit}"
            result = "OK" if figure.met else "MISSED"
        rows.append((figure.name, _format_number(figure.value), figure.unit, target, result))
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    lines = []
    for row in rows:
        name, value, unit, target, result = row
        lines.append(f"  {name:<{widths[0]}}  {value:>{widths[1]}} {unit:<{widths[2]}}  "
                     f"{target:<{widths[3]}}  {result}".rstrip())
    return "\n".join(lines)


def _read_first_line(path: str, prefix: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


def machine_info() -> dict[str, Any]:
    """What the numbers were measured on (no host name: results are committed)."""
    memory = _read_first_line("/proc/meminfo", "MemTotal")
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu": _read_first_line("/proc/cpuinfo", "model name") or platform.processor(),
        "cpu_count": os.cpu_count(),
        "memory_total": memory,
    }


def versions() -> dict[str, str]:
    info = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    try:
        import PySide6
        from PySide6 import QtCore

        info["pyside6"] = PySide6.__version__
        info["qt"] = QtCore.qVersion()
    except ImportError:  # a headless benchmark machine can still time the store
        pass
    try:
        import peewee

        info["peewee"] = peewee.__version__
    except ImportError:
        pass
    return info


def write_results(module: str, context: BenchContext, figures: Sequence[Figure],
                  seconds: float) -> Path:
    context.results_dir.mkdir(parents=True, exist_ok=True)
    path = context.results_dir / f"{module}.json"
    document = {
        "module": f"{BENCH_PREFIX}{module}",
        "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "series": context.series,
        "notes": context.notes,
        "seconds": round(seconds, 2),
        "versions": versions(),
        "machine": machine_info(),
        "figures": [{**asdict(figure), "met": figure.met} for figure in figures],
    }
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    os.replace(temporary, path)  # a killed run never leaves half a result file
    return path


@dataclass(frozen=True)
class ModuleOutcome:
    module: str
    figures: tuple[Figure, ...]
    crashed: bool


def run_module(module: str, context: BenchContext) -> ModuleOutcome:
    """Import and run one benchmark module; print its table and write its results."""
    print(f"\n== {module} ({context.series:,} series) ==", flush=True)
    started = time.perf_counter()
    try:
        bench = importlib.import_module(f"tests.benchmarks.{BENCH_PREFIX}{module}")
        figures = list(bench.run(context))
        bad = [item for item in figures if not isinstance(item, Figure)]
        if bad:
            raise TypeError(f"run() must return Figures, got {bad[0]!r}")
    except Exception:
        traceback.print_exc()
        print(f"  CRASHED: {module} (no results written)", flush=True)
        return ModuleOutcome(module, (), crashed=True)
    seconds = time.perf_counter() - started
    print(format_table(figures), flush=True)
    path = write_results(module, context, figures, seconds)
    print(f"  ({seconds:.1f} s; {path.relative_to(PROJECT_ROOT)})", flush=True)
    return ModuleOutcome(module, tuple(figures), crashed=False)


def run(names: Sequence[str], context: BenchContext) -> int:
    """Run the named modules (all when none are named); exit status 1 only if one crashed."""
    known = available_modules()
    wanted = [_short_name(name) for name in names] or known
    unknown = [name for name in wanted if name not in known]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(known)}",
              file=sys.stderr)
        return 2
    outcomes = [run_module(name, context) for name in wanted]
    missed = [f"{outcome.module}: {figure.name}" for outcome in outcomes
              for figure in outcome.figures if figure.met is False]
    crashed = [outcome.module for outcome in outcomes if outcome.crashed]
    print()
    if missed:
        print("MISSED targets:\n  " + "\n  ".join(missed))
    else:
        print("Every target met." if not crashed else "No target missed among those that ran.")
    if crashed:
        print(f"CRASHED: {', '.join(crashed)}")
        return 1
    return 0
