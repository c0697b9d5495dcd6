"""Saving notes off the UI thread, in order, and waiting for them when it matters.

One worker thread runs `db.notes.save_note` for each submitted state, so typing never waits
for SQLite (a 100 KB note, the search index triggers, or another program holding the lock).
A single worker keeps saves in submission order; `flush()` waits for all of them (on close,
quit, and before the editor reads a note that may still be on its way to the disk).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for

from PySide6.QtCore import QCoreApplication, QObject, Signal

from db.errors import ShowshelfError
from db.models import database_proxy
from db.notes import NoteState, NoteTarget, SaveResult, save_note

# How long close/quit waits for saves in flight: longer than the library's busy timeout, so a
# save that waits for another program's lock still lands before we give up.
FLUSH_TIMEOUT_S = 10.0


class NoteSaver(QObject):
    """Submits saves to the worker; reports each outcome on the UI thread."""

    saved = Signal(object, object)  # NoteTarget, SaveResult
    failed = Signal(object, object, str)  # NoteTarget, the NoteState not saved, message

    # target, state, result | None, error | None
    _finished = Signal(object, object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="note-save")
        self._pending: list[Future[SaveResult]] = []
        self._finished.connect(self._report)  # queued: emitted on the worker thread
        self._closed = False

    def submit(self, target: NoteTarget, state: NoteState) -> Future[SaveResult]:
        if self._closed:
            # After shutdown (a last hide or focus change while the window goes away) the
            # save still happens, on this thread: text is never dropped.
            future: Future[SaveResult] = Future()
            try:
                future.set_result(self._save(target, state))
            except Exception as error:
                future.set_exception(error)
            return future
        future = self._executor.submit(self._save, target, state)
        self._pending = [f for f in self._pending if not f.done()] + [future]
        return future

    def _save(self, target: NoteTarget, state: NoteState) -> SaveResult:
        try:
            result = save_note(target, state)
        except ShowshelfError as error:
            self._finished.emit(target, state, None, str(error))
            raise
        except Exception as error:  # a save must never die silently
            self._finished.emit(target, state, None, f"could not save the note: {error}")
            raise
        self._finished.emit(target, state, result, None)
        return result

    def _report(self, target: NoteTarget, state: NoteState, result: SaveResult | None,
                error: str | None) -> None:
        if error is not None:
            self.failed.emit(target, state, error)
        else:
            self.saved.emit(target, result)

    def flush(self, timeout: float = FLUSH_TIMEOUT_S) -> bool:
        """Wait for every submitted save; True when all finished (saved or failed)."""
        pending = [f for f in self._pending if not f.done()]
        if pending:
            wait_for(pending, timeout=timeout)
        # Deliver the outcomes now (they are queued to this thread), so whoever flushed
        # sees the saved note without waiting for the event loop to come round.
        QCoreApplication.sendPostedEvents(self, 0)
        return all(f.done() for f in self._pending)

    def release_connection(self) -> None:
        """Finish pending saves and close the worker's connection (before the library changes:
        the next save opens one to whatever library is bound then)."""
        self.flush()
        if database_proxy.obj is not None and not self._closed:
            self._executor.submit(database_proxy.obj.close).result(timeout=FLUSH_TIMEOUT_S)

    def shutdown(self) -> None:
        """Finish pending saves and close the worker's own database connection."""
        if self._closed:
            return
        self._closed = True
        self.flush()
        if database_proxy.obj is not None:
            self._executor.submit(database_proxy.obj.close).result(timeout=FLUSH_TIMEOUT_S)
        self._executor.shutdown(wait=True)
