"""The fault schedule of `make loadtest --faults`: each service away for a while, in turn."""

import threading
import time
from dataclasses import dataclass, field


@dataclass
class Phase:
    name: str
    start: float = 0.0  # seconds since the load began
    end: float = 0.0


@dataclass
class Schedule:
    warmup: float = 20.0
    outage: float = 20.0
    recovery: float = 25.0
    phases: list = field(default_factory=list)

    def duration(self, kinds=3):
        return self.warmup + kinds * (self.outage + self.recovery) + 5


def run(schedule, started, actions, stop_event):
    """actions: [(name, stop, start)]; calls stop() then start() for each, at the planned times."""
    at = schedule.warmup
    for name, stop, start in actions:
        if not _sleep_until(started + at, stop_event):
            return
        phase = Phase(name, start=time.time() - started)
        stop()
        if not _sleep_until(started + at + schedule.outage, stop_event):
            start()
            return
        start()
        phase.end = time.time() - started
        schedule.phases.append(phase)
        at += schedule.outage + schedule.recovery


def _sleep_until(moment, stop_event):
    while time.time() < moment:
        if stop_event.is_set():
            return False
        time.sleep(0.1)
    return True


def in_background(schedule, started, actions):
    stop_event = threading.Event()
    thread = threading.Thread(target=run, args=(schedule, started, actions, stop_event), daemon=True)
    thread.start()
    return thread, stop_event
