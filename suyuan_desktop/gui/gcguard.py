"""Python's cyclic garbage collector runs in whichever thread happens to allocate when a threshold
is crossed: often a worker of the task runner, in the middle of SQLAlchemy or ReportLab work. If a
cycle it frees holds the last reference to a Qt object (a closed dialog and the lambdas connected
to it), that object is destroyed in the worker thread, which Qt does not allow, and the process
crashes later in the event loop. So, as Anki and Camelot do, the app turns automatic collection
off and collects on the GUI thread from a timer, with the same thresholds."""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiGarbageCollector(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        counts = gc.get_count()
        generation = -1
        for gen in range(3):
            if counts[gen] > self.thresholds[gen]:
                generation = gen
        if generation >= 0:
            gc.collect(generation)

    def stop(self) -> None:
        """Collect what is left on this thread and hand collection back to Python."""
        self.timer.stop()
        gc.collect()
        gc.enable()
