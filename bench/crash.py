"""A worker killed mid-run loses nothing: 3 gunicorn sync workers on PostgreSQL, 20 clients
sending 2,000 attendances, one worker killed with SIGKILL while they send.

Each client loads the form once (CSRF cookie and token, consent version), then sends its
attendances one after another; when a request fails on the connection (the killed worker's
requests do) it sends the same body again, same submission key, once, as a browser's retry or a
person's second click would. The master replaces the killed worker.

Target: every acknowledged submission (a 302 to its confirmation page) is stored, none is stored
twice, and every stored attendance was sent. Figures: `acknowledged`, `stored`, `lost`,
`duplicated`, plus what happened around the kill.
"""

import http.client
import os
import random
import secrets
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from _support import django_sandbox, emit, gunicorn_server, log
from form_post import form_path, form_session, post, prepare, submission

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))

from tools.pgcluster import PgCluster  # noqa: E402

WORKERS = 3
CLIENTS = 20
PER_CLIENT = 100  # 2,000 attendances
KILL_AFTER = 600  # acknowledged submissions before the kill: well inside the run


def _workers(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def _busy_workers(master: int, port: int) -> list[int]:
    """The workers holding an established connection on the server's port right now: each is
    in the middle of a request."""
    established = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            next(rows)
            for row in rows:
                fields = row.split()
                local_port = int(fields[1].rsplit(":", 1)[1], 16)
                if local_port == port and fields[3] == "01":  # 01: ESTABLISHED
                    established.add(fields[9])  # the socket's inode
    busy = []
    for pid in _workers(master):
        try:
            links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
        except OSError:
            continue
        if any(link.startswith("socket:[") and link[8:-1] in established for link in links):
            busy.append(pid)
    return busy


def _client(index, port, path, choices, state):
    rng = random.Random(f"crash-{index}")
    session = form_session(port, path)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for n in range(PER_CLIENT):
        key, body = submission(rng, index * 100_000 + n, session, choices)
        with state["lock"]:
            state["sent"].add(key)
        for attempt in (1, 2):  # the first send, and one retry on a connection error
            try:
                status, acked = post(connection, path, session, body)
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with state["lock"]:
                    state["errors"][f"{type(error).__name__} (intento {attempt})"] += 1
                    state["retries"] += attempt == 1
                continue
            with state["lock"]:
                if acked == key:
                    state["acked"].append(key)
                    state["acked_count"] += 1
                else:
                    state["errors"][f"HTTP {status}"] += 1
            break
    connection.close()


def run(url: str, data_dir: str, work: Path) -> dict:
    from django.db import connections

    from rendicion.participation.models import Attendance

    data = prepare()
    space, path = data["space"], form_path(data["space"])
    choices = {"localities": data["localities"], "groups": data["groups"]}
    connections.close_all()
    server_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rendicion.settings.base",
        "DATABASE_URL": url,
        "CONN_MAX_AGE": "60",
        "RATELIMIT_ENABLE": "false",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "RENDICION_DATA_DIR": data_dir,
    }
    state = {
        "lock": threading.Lock(),
        "sent": set(),
        "acked": [],
        "acked_count": 0,
        "errors": Counter(),
        "retries": 0,
    }
    killed = {}
    with gunicorn_server(env=server_env, workers=WORKERS, log_path=str(work / "gunicorn.log")) as (
        port,
        master,
    ):
        log(f"crash: gunicorn up on 127.0.0.1:{port}, {WORKERS} sync workers, {CLIENTS} clients")
        threads = [
            threading.Thread(target=_client, args=(i, port, path, choices, state))
            for i in range(CLIENTS)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        while state["acked_count"] < KILL_AFTER and any(t.is_alive() for t in threads):
            time.sleep(0.01)
        # Kill a worker in the middle of a request: one that holds a client's connection.
        victim = None
        while victim is None and any(t.is_alive() for t in threads):
            busy = _busy_workers(master, port)
            victim = busy[0] if busy else None
        if victim is not None:
            os.kill(victim, signal.SIGKILL)
            killed = {
                "pid": victim,
                "after_acknowledged": state["acked_count"],
                "was_serving_a_request": True,
            }
            log(f"crash: SIGKILL to worker {victim} after {state['acked_count']} acknowledged")
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
        workers_after = _workers(master)

    stored = list(Attendance.objects.filter(space=space).values_list("submission_key", flat=True))
    stored_keys = {str(key) for key in stored if key}
    acked = set(state["acked"])
    people = Attendance.objects.filter(space=space).values("document_number").distinct().count()
    lost = sorted(acked - stored_keys)
    duplicated = len(stored) - len(stored_keys) + (len(stored) - people)
    never_sent = sorted(stored_keys - state["sent"])
    result = {
        "target": (
            "a worker killed with SIGKILL mid-run: every acknowledged attendance stored, "
            "none twice, none that was not sent"
        ),
        "workers": WORKERS,
        "clients": CLIENTS,
        "sent": len(state["sent"]),
        "acknowledged": len(acked),
        "stored": len(stored),
        "lost": len(lost),
        "duplicated": duplicated,
        "stored_never_sent": len(never_sent),
        "retries": state["retries"],
        "errors": dict(state["errors"]),
        "killed": killed,
        "workers_after": len(workers_after),
        "seconds": round(seconds, 1),
    }
    result["ok"] = bool(killed and not lost and duplicated == 0 and not never_sent)
    return result


def main() -> int:
    os.environ.update(
        SECRET_KEY=secrets.token_urlsafe(64), RATELIMIT_ENABLE="false", CONN_MAX_AGE="60"
    )
    cluster = PgCluster()
    try:
        with tempfile.TemporaryDirectory(prefix="rendicion-bench-crash-") as work_dir:
            url = cluster.start()
            with django_sandbox(database_url=url) as data_dir:
                result = run(url, data_dir, Path(work_dir))
    finally:
        cluster.stop()
    emit(result)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
