"""Each article's bounded share of a build: text the tokenizer cannot choke on, and a time limit.

spaCy's tokenizer strips prefix and suffix marks one at a time, searching the rest of the token each
time, so a long run of marks with no space (16,000 `"` take half a minute) or a very long "word" costs
time that grows with the square of its length. ``bounded_text`` breaks such runs with spaces, keeping
the text's length, so every character offset (quote spans, the reader's highlights) stays where it was;
text people write has no such runs and is returned unchanged.

``time_limit`` bounds the analysis of an article (parse, quotes, actors): past ``ARTICLE_SECONDS`` the
work is interrupted with ``OverBudget``, and the build logs the article as failed with that reason and
goes on. The interruption is delivered by CPython's ``PyThreadState_SetAsyncExc`` from one watchdog
thread, so it works in any thread (the dashboard's script threads too); it takes effect when the
interpreter next runs Python code, so a single C call is never cut in half.
"""
from __future__ import annotations

import ctypes
import os
import re
import threading
import time
from contextlib import contextmanager

ARTICLE_SECONDS_ENV = "NEWSVOICES_ARTICLE_SECONDS"
MAX_MARK_RUN = 20      # marks in a row kept as they are ("!!!", "...", a row of dashes)
MAX_WORD_CHARS = 1000  # characters without a space kept as one token (long URLs fit)
_MARK_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_MARK_RUN + 1))
_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD_CHARS + 1))


def article_seconds() -> float:
    """The time one article may take to analyse (``NEWSVOICES_ARTICLE_SECONDS``, default 60; 0 = no limit)."""
    try:
        return float(os.environ.get(ARTICLE_SECONDS_ENV) or 60)
    except ValueError:
        return 60.0


def _blank_marks(match: re.Match) -> str:
    run = match.group(0)
    return run[:MAX_MARK_RUN] + " " * (len(run) - MAX_MARK_RUN)


def _break_word(match: re.Match) -> str:
    characters = list(match.group(0))
    for position in range(MAX_WORD_CHARS, len(characters), MAX_WORD_CHARS + 1):
        characters[position] = " "
    return "".join(characters)


def bounded_text(text: str) -> str:
    """``text`` with over-long mark runs and words broken by spaces; same length, same offsets."""
    if len(text) <= MAX_MARK_RUN or not (_MARK_RUN.search(text) or _LONG_WORD.search(text)):
        return text
    return _LONG_WORD.sub(_break_word, _MARK_RUN.sub(_blank_marks, text))


class OverBudget(BaseException):
    """The work ran past its time limit. A BaseException, so no ``except Exception`` on the way swallows it."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "took longer than the time one article may take to analyse"


class _Watchdog:
    """One thread per process that interrupts whichever threads have passed their deadline."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.deadlines: dict[int, tuple[float, float]] = {}  # thread id -> (deadline, seconds allowed)
        self.fired: set[int] = set()
        self.pid = -1

    def arm(self, seconds: float) -> int:
        thread_id = threading.get_ident()
        with self.condition:
            if self.pid != os.getpid():  # first use, or a forked child: the parent's thread is not here
                self.pid = os.getpid()
                self.deadlines.clear()
                self.fired.clear()
                threading.Thread(target=self._run, name="newsvoices-watchdog", daemon=True).start()
            self.deadlines[thread_id] = (time.monotonic() + seconds, seconds)
            self.fired.discard(thread_id)
            self.condition.notify()
        return thread_id

    def disarm(self, thread_id: int) -> None:
        with self.condition:
            self.deadlines.pop(thread_id, None)
            if thread_id in self.fired:  # raised, or about to be: take back one not yet delivered
                self.fired.discard(thread_id)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)

    def _run(self) -> None:
        with self.condition:
            while True:
                now = time.monotonic()
                for thread_id, (deadline, seconds) in list(self.deadlines.items()):
                    if deadline <= now:
                        del self.deadlines[thread_id]
                        self.fired.add(thread_id)
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                                                   ctypes.py_object(OverBudget))
                soonest = min((deadline for deadline, _ in self.deadlines.values()), default=None)
                self.condition.wait(None if soonest is None else max(0.0, soonest - time.monotonic()))


_watchdog = _Watchdog()


@contextmanager
def time_limit(seconds: float | None):
    """Raise ``OverBudget`` in this thread if the block runs longer than ``seconds`` (None or 0: no limit)."""
    if not seconds or seconds <= 0:
        yield
        return
    thread_id = _watchdog.arm(seconds)
    try:
        yield
    except OverBudget:
        raise OverBudget(f"took longer than {seconds:g} s to analyse (the time one article may take, "
                         f"set by {ARTICLE_SECONDS_ENV}); left out so the build could go on") from None
    finally:
        _watchdog.disarm(thread_id)
