"""The harness's process helpers and its loopback login, against real processes and a live server."""

import os
import re
import subprocess
import sys

import pytest

from bench.cli import ROOT, parse_args
from bench.loopback import LoopbackClient
from bench.processes import child_pids, free_port, proc_status_kib, run_command


def test_run_command_reports_time_peak_rss_and_exit_code(capsys):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "intranet.settings.test"}
    result = run_command(["version"], env, ROOT)
    assert result.returncode == 0
    assert re.search(r"^ +\d+s \| 5\.2", capsys.readouterr().out, re.MULTILINE)  # echoed, time-stamped
    assert result.peak_rss_kib > 1000  # a Python process with Django loaded: more than 1 MiB
    assert result.seconds > 0
    failed = run_command(["no_such_command"], env, ROOT)
    assert failed.returncode != 0


def test_child_pids_and_proc_status():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in child_pids(os.getpid())
        assert proc_status_kib(child.pid, "VmHWM") > 0
    finally:
        child.kill()
        child.wait()
    assert proc_status_kib(child.pid, "VmHWM") is None


def test_free_port_is_on_loopback_and_usable():
    port = free_port()
    assert 1024 < port < 65536


def test_quick_wins_over_the_makefiles_employees():
    assert parse_args(["--employees", "50000", "--quick"]).employees == 2000
    assert parse_args([]).employees == 50000
    with pytest.raises(SystemExit):
        parse_args(["--employees", "50001"])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_loopback_login_through_the_real_form(live_server, person):
    client = LoopbackClient(int(live_server.url.rsplit(":", 1)[1]), timeout=30)
    client.login("sanne", "geheim-wachtwoord-123")
    home = client.get("/")
    assert home.status == 200
    assert "Goed je te zien, Sanne" in home.body.decode()
    with pytest.raises(RuntimeError):
        LoopbackClient(client.port, timeout=30).login("sanne", "fout")
