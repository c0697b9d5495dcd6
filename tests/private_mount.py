"""Run a shell script with a tmpfs mounted at a folder, in a private mount namespace: tests
get a real separate (or tiny) filesystem without the machine seeing the mount. Needs root and
`unshare`, as CI has; elsewhere the calling test is skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run_on_tmpfs(folder: Path, script: str, *, size: str | None = None,
                 timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Mount a tmpfs (of `size`, e.g. "3m") at `folder`, then run `script` in the repository
    with it mounted; the completed process, or the test skipped when nothing can be mounted."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("mounting a filesystem needs root and unshare")
    options = f"-o size={size} " if size else ""
    completed = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount -t tmpfs {options}tmpfs '{folder}' && {script}"],
        capture_output=True, text=True, timeout=timeout, cwd=REPO, check=False)
    if "mount:" in completed.stderr or "unshare:" in completed.stderr:
        pytest.skip(f"cannot mount here: {completed.stderr.strip()}")
    return completed
