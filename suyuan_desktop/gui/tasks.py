"""Background work, Anki-style: a plain function runs off the GUI thread; its result or error comes
back on the GUI thread. Database writes go to one single-thread pool (serialised, in order);
reads, PDF work and sync go to an I/O pool. Long tasks may take a ``Progress`` for progress and
cooperative cancellation (as Orange3 does)."""
from __future__ import annotations

import itertools
import logging
import threading
import weakref
import traceback
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Cancelled(Exception):
    pass


class Progress:
    """Handed to long tasks: report progress, check for cancellation."""

    def __init__(self, emit: Callable[[int, str], None]):
        self._emit = emit
        self._cancel = threading.Event()

    def report(self, percent: int, message: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._emit(percent, message)

    __call__ = report  # core services take a plain ``progress(percent, message)`` callable

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    """One per runner, living on the GUI thread for the runner's whole life; every job reports
    through it with its number. (A QObject per job, deleted with deleteLater after its result,
    crashed the event loop in ~QObject now and then when the job had run heavy Python code, such
    as creating a station, in the worker thread.)"""

    done = Signal(int, object)
    failed = Signal(int, object, str)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, number: int, fn, args, kwargs, signals: _Signals):
        super().__init__()
        self.number, self.fn, self.args, self.kwargs, self.signals = number, fn, args, kwargs, signals
        self.setAutoDelete(True)

    @Slot()
    def run(self):
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self.signals.failed.emit(self.number, exc, traceback.format_exc())
        else:
            self.signals.done.emit(self.number, result)


def _alive(callback) -> bool:
    """False when the callback is a method of a widget Qt has deleted meanwhile (a case closed,
    another opened, while its data was still loading): its result has nowhere to go."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class TaskRunner(QObject):
    """``run_write`` for database writes (one at a time, in order), ``run`` for everything else."""

    busy_changed = Signal(bool)
    _instances: "weakref.WeakSet[TaskRunner]" = weakref.WeakSet()

    def __init__(self, parent=None):
        super().__init__(parent)
        TaskRunner._instances.add(self)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._io = QThreadPool(self)
        self._io.setMaxThreadCount(3)
        # search as you type: its own thread, so a keystroke never queues behind a slow count,
        # the deadline list or a sync; and only the newest request of a channel runs at all
        self._latest_pool = QThreadPool(self)
        self._latest_pool.setMaxThreadCount(1)
        self._latest: dict[str, int] = {}
        self._signals = _Signals(self)
        self._signals.done.connect(self._finished_ok)
        self._signals.failed.connect(self._finished_err)
        self._signals.progress.connect(self._progressed)
        self._jobs: dict[int, tuple] = {}  # number -> (on_done, on_error, on_progress, on_cancelled)
        self._numbers = itertools.count(1)

    def _submit(self, pool, fn, on_done, on_error, on_progress, with_progress, *args, on_cancelled=None, **kwargs):
        number = next(self._numbers)
        self._jobs[number] = (on_done, on_error, on_progress, on_cancelled)
        progress = None
        if with_progress:
            emit = self._signals.progress.emit
            progress = Progress(lambda percent, message: emit(number, percent, message))
            kwargs["progress"] = progress
        self.busy_changed.emit(True)
        pool.start(_Job(number, fn, args, kwargs, self._signals))
        return progress

    def _finished_ok(self, number: int, result) -> None:
        on_done = self._jobs.pop(number, (None,) * 4)[0]
        self.busy_changed.emit(bool(self._jobs))
        if on_done and _alive(on_done):
            on_done(result)

    def _finished_err(self, number: int, exc, tb: str) -> None:
        _, on_error, _, on_cancelled = self._jobs.pop(number, (None,) * 4)
        self.busy_changed.emit(bool(self._jobs))
        if isinstance(exc, Cancelled):
            if on_cancelled:
                on_cancelled()
            return
        if on_error:
            if _alive(on_error):
                on_error(exc)
        else:
            from . import messages
            messages.show_error(exc, tb)

    def _progressed(self, number: int, percent: int, message: str) -> None:
        job = self._jobs.get(number)
        if job and job[2]:
            job[2](percent, message)

    def run(self, fn: Callable[..., Any], *args, on_done=None, on_error=None, on_progress=None,
            with_progress=False, on_cancelled=None, **kwargs):
        return self._submit(self._io, fn, on_done, on_error, on_progress, with_progress, *args,
                            on_cancelled=on_cancelled, **kwargs)

    def run_latest(self, channel: str, fn: Callable[..., Any], *args, on_done=None, on_error=None, **kwargs):
        """Run fn on the channel's thread unless a newer request for the channel arrives before it
        starts (then it is dropped silently: typing 张, 张伟 runs only the search for 张伟)."""
        ticket = self._latest.get(channel, 0) + 1
        self._latest[channel] = ticket

        def newest_only(*a, **kw):
            if self._latest.get(channel) != ticket:
                raise Cancelled()
            return fn(*a, **kw)
        return self._submit(self._latest_pool, newest_only, on_done, on_error, None, False, *args, **kwargs)

    def run_write(self, fn: Callable[..., Any], *args, on_done=None, on_error=None, **kwargs):
        return self._submit(self._writer, fn, on_done, on_error, None, False, *args, **kwargs)

    def wait(self, msecs: int = 30000) -> bool:
        return (self._writer.waitForDone(msecs) and self._io.waitForDone(msecs)
                and self._latest_pool.waitForDone(msecs))

    @classmethod
    def wait_all(cls, msecs: int = 30000) -> None:
        """Let every runner's jobs finish (before a station's store is closed under them)."""
        for runner in list(cls._instances):
            try:
                runner.wait(msecs)
            except RuntimeError:  # its C++ side is already gone: nothing can be running
                pass

    @property
    def pending(self) -> int:
        return len(self._jobs)
