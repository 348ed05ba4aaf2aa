"""Child processes of the harness: management commands (timed, with their peak RSS) and gunicorn."""

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class CommandResult:
    seconds: float
    peak_rss_kib: int
    returncode: int


def run_command(args, env, cwd):
    """Run `python manage.py <args>`, echo its output stamped with the seconds since the start (which
    shows where a long seed spends its time), and return its time and peak RSS.

    os.wait4 gives the resource usage of exactly this child (ru_maxrss in KiB on Linux), unlike
    getrusage(RUSAGE_CHILDREN), which would mix in every earlier child.
    """
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    try:
        for line in proc.stdout:
            for part in line.rstrip("\n").split("\r"):
                sys.stdout.write(f"  {time.monotonic() - started:6.0f}s | {part}\n")
            sys.stdout.flush()
    finally:
        proc.stdout.close()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return CommandResult(time.monotonic() - started, usage.ru_maxrss, proc.returncode)


def free_port():
    """A port nobody listens on right now (the kernel picks it; gunicorn binds it a moment later)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def proc_status_kib(pid, field):
    """A memory figure (VmHWM, VmRSS) of a process from /proc/<pid>/status, in KiB; None if gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def child_pids(parent_pid):
    """Direct children of a process, found through /proc/<pid>/stat (field 4 is the parent's pid)."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name (field 2) may contain spaces; it is wrapped in the last pair of parentheses.
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 1 and int(fields[1]) == parent_pid:
            children.append(int(entry.name))
    return children


class Gunicorn:
    """One sync gunicorn worker on 127.0.0.1: requests are sent one at a time, so one worker serves
    them all and its peak RSS is the serving process's."""

    def __init__(self, env, cwd, log_path, timeout=300):
        self.env, self.cwd, self.log_path, self.timeout = env, cwd, Path(log_path), timeout
        self.port = free_port()
        self.proc = None
        self.workers = set()

    def start(self):
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        args = [
            sys.executable,
            "-m",
            "gunicorn",
            "intranet.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            "1",
            "--worker-class",
            "sync",
            "--timeout",
            str(self.timeout),
            "--graceful-timeout",
            "5",
            "--no-control-socket",
            "--log-level",
            "warning",
            "--error-logfile",
            str(self.log_path),
        ]
        self.proc = subprocess.Popen(args, cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL)
        return self

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def remember_workers(self):
        if self.alive():
            self.workers.update(child_pids(self.proc.pid))
        return sorted(self.workers)

    def memory(self):
        """Peak (VmHWM) and current RSS in KiB of the worker(s) and the master, read before stopping."""
        workers = self.remember_workers()
        peaks = [value for pid in workers if (value := proc_status_kib(pid, "VmHWM")) is not None]
        return {
            "worker_peak_rss_kib": max(peaks) if peaks else None,
            "master_peak_rss_kib": proc_status_kib(self.proc.pid, "VmHWM") if self.proc else None,
            "workers": len(workers),
        }

    def stop(self):
        """SIGTERM, then SIGKILL after a grace period; any worker left behind is ended by its pid."""
        if self.proc is None:
            return
        self.remember_workers()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        for pid in self.workers:
            if self._is_our_worker(pid):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def _is_our_worker(self, pid):
        """A worker is a fork of the master: same command line, with our port in it (pids get reused)."""
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return False
        return f"127.0.0.1:{self.port}".encode() in cmdline and b"gunicorn" in cmdline
