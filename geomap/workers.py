"""Worker processes that end when the process that started them dies, however it dies.

A `kill -9` of a batch gives its workers no chance to be told: on Linux the kernel sends them a
signal when their parent exits (prctl PR_SET_PDEATHSIG); everywhere a watchdog thread sees their
parent change (an orphan is adopted by another process) and ends them. A local Dask cluster's
workers watch their nanny; the nannies end by themselves once the scheduler, which lives in the
run's process, is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading

# How often the watchdog looks at its parent, in seconds.
WATCH_EVERY = 0.5
_PR_SET_PDEATHSIG = 1
_watching: set[int] = set()  # pids of processes already set up (a forked child is not)


def end_with_parent() -> None:
    """End this process when its parent does (once per process; later calls do nothing)."""
    if os.getpid() in _watching:
        return
    _watching.add(os.getpid())
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died while the signal was being asked for
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="end-with-parent").start()


def _watch(parent: int) -> None:
    event = threading.Event()
    while not event.wait(WATCH_EVERY):
        if os.getppid() != parent:
            os._exit(1)
