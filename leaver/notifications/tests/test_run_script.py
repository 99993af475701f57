"""`make run` starts the development server and the worker together (scripts/run.sh), and one
Ctrl-C stops both: no worker is left running behind the terminal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from leaver.testing import free_port

ROOT = Path(__file__).resolve().parents[3]


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _hear_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_the_server_and_the_worker(tmp_path):
    port = free_port()
    venv = Path(sys.executable).parent.parent  # the tests' own virtual environment
    env = {**os.environ, "DEBUG": "true", "PORT": str(port), "VENV": str(venv),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env,
                   check=True, timeout=120)
    log = tmp_path / "run.log"
    with log.open("w") as out:
        # As from a terminal: Ctrl-C is heard even when these tests were started in the
        # background (a shell's `&` ignores SIGINT, and Python keeps it ignored in children).
        process = subprocess.Popen(["/bin/bash", "scripts/run.sh"], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True,
                                   preexec_fn=_hear_ctrl_c)
    try:
        deadline = time.monotonic() + 60
        answered = False
        while time.monotonic() < deadline and not (answered and "Starting worker" in
                                                    log.read_text()):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    answered = r.status == 200
            except OSError:
                pass
            time.sleep(0.3)
        assert answered, log.read_text()
        assert "Starting worker" in log.read_text()
        # Ctrl-C in a terminal signals the whole foreground process group.
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)
        deadline = time.monotonic() + 15
        while _group_alive(process.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _group_alive(process.pid), log.read_text()
    finally:
        if _group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
