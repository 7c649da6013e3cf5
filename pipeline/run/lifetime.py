"""Child processes that end with the run: a pool worker or a table writer whose parent was
killed (SIGKILL, a CI timeout) would otherwise outlive it, blocked on its queues."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when its parent dies (Linux)
PARENT_POLL_SECONDS = 1.0  # elsewhere, how often a child checks that its parent is alive


def die_with_parent(parent: int) -> None:
    """End this process when the process `parent` ends (SIGKILL, SIGTERM, a CI timeout):
    otherwise a child blocked on its queues outlives the run forever. On Linux the
    kernel sends SIGKILL (prctl PR_SET_PDEATHSIG); elsewhere a daemon thread polls."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the signal was armed
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="zhfacts-parent-watch", daemon=True).start()
