"""Run by test_full_disk.py inside a private mount namespace, on a tiny tmpfs: fill the disk,
then try to save a note and to export the notes there. Prints one JSON line with what
happened."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from db.check import check_library
from db.database import close_library, open_library
from db.errors import ShowshelfError
from db.exporting.notes_formats import export_notes
from db.models import Series
from db.notes import NoteState, NoteTarget, load_note, save_note


def main() -> None:
    library, filler = Path(sys.argv[1]), Path(sys.argv[2])
    open_library(library)
    target = NoteTarget("series", Series.get().id)
    save_note(target, NoteState("Before the disk filled up."))
    with open(filler, "wb") as handle:  # take every free block
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    outcome: dict[str, object] = {}
    try:
        save_note(target, NoteState("x" * 400_000))
        outcome["error"] = None
    except ShowshelfError as error:
        outcome["error"] = str(error)
    outcome["during"] = load_note(target).state.body  # type: ignore[union-attr]
    try:
        export_notes("md", library.parent / "My notes")
        outcome["export_error"] = None
    except ShowshelfError as error:
        outcome["export_error"] = str(error)
    outcome["left_beside"] = sorted(p.name for p in library.parent.iterdir()
                                    if not p.name.startswith(library.name)
                                    and p != filler)
    os.unlink(filler)
    close_library()
    database = open_library(library)
    outcome["after"] = load_note(target).state.body  # type: ignore[union-attr]
    outcome["problems"] = check_library(database)
    save_note(target, NoteState("Saved once there was room."))
    outcome["later"] = load_note(target).state.body  # type: ignore[union-attr]
    close_library()
    print(json.dumps(outcome))


if __name__ == "__main__":
    main()
