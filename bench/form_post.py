"""The attendance form's POST under gunicorn (sync workers) and PostgreSQL, 50 concurrent clients.

Target: POST requests/s at least 0.5 times those of a trivial GET (/salud/) of the same server in
the same run, POST p99 under 200 ms, no errors, and the stored attendances equal the distinct
submissions acknowledged (no loss, no duplicates, retried POSTs included).

The per-client rate limit is off (RATELIMIT_ENABLE=false): every client is 127.0.0.1, and the
limit would otherwise answer 429 after 60 submissions a minute.

Load client: Debian's `wrk` (installed with apt-get when missing and root), with
bench/_form_post.lua; BENCH_CLIENT=python, or no wrk, uses a Python client instead
(processes × threads, http.client). BENCH_LOAD_SECONDS sets the length of each phase.
"""

import http.client
import json
import multiprocessing
import os
import random
import re
import resource
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

from _support import (
    cpu_seconds_between,
    django_sandbox,
    emit,
    ensure_wrk,
    gunicorn_server,
    log,
    percentile,
    process_tree_cpu_seconds,
)

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))

from tools.pgcluster import PgCluster  # noqa: E402

CLIENTS = 50
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "15"))
WARMUP_SECONDS = 3
RETRY_SHARE = 0.05  # POSTs sent again with the same submission_key
RETRY_BACK = 40  # a retried body is one of the last RETRY_BACK sent by the same wrk thread
WRK_THREADS = 2
PYTHON_PROCESSES = 4
TARGET_RATIO = 0.5
TARGET_P99_MS = 200
WORKERS = 2 * (os.cpu_count() or 1) + 1
CLIENT = os.environ.get("BENCH_CLIENT", "wrk")
LUA = BENCH_DIR / "_form_post.lua"
RATE_LIMIT_NOTE = (
    "off (RATELIMIT_ENABLE=false): all 50 clients are 127.0.0.1, and the per-address limit "
    "would answer 429 after 60 submissions a minute"
)

_FIRST = ["María", "José", "Luz Marina", "Juan Carlos", "Ana", "Luis", "Diana", "Óscar", "Iván"]
_LAST = ["Rodríguez", "Gómez", "Peña", "Muñoz", "Castañeda", "Suárez", "Díaz", "Ortiz"]
_SEXES = ["mujer"] * 48 + ["hombre"] * 33 + ["intersexual"] + ["no_responde"] * 18
_AGE_RANGES = ["18_28", "29_59", "60_plus", "no_answer"]


# Data ------------------------------------------------------------------------------------------


def prepare() -> dict:
    """The demo, an open space for the load and another for counting queries."""
    import datetime as dt

    from django.db import connection
    from django.utils import timezone

    from rendicion.core.selectors import entity_current
    from rendicion.demo.services import demo_load
    from rendicion.participation.forms import BOGOTA_LOCALITIES
    from rendicion.spaces.services import SpaceData, space_create
    from rendicion.stakeholders.selectors import stakeholder_group_names

    started = time.perf_counter()
    strategy = demo_load().strategy
    starts_at = timezone.now() + dt.timedelta(hours=1)  # the attendance form opens a week before
    spaces = [
        space_create(
            actor=None,
            strategy=strategy,
            data=SpaceData(kind="dialogue", title=title, starts_at=starts_at, modality="virtual"),
        )
        for title in ("Diálogo bajo carga", "Diálogo para contar consultas")
    ]
    for space in spaces:
        assert space.form_is_open("attendance"), space
    version = connection.cursor().connection.info.server_version
    log(f"form_post: demo and spaces ready in {time.perf_counter() - started:.1f} s")
    return {
        "space": spaces[0],
        "probe": spaces[1],
        "localities": BOGOTA_LOCALITIES,
        "groups": stakeholder_group_names(entity=entity_current()),
        "postgres": f"{version // 10000}.{version % 10000}",
    }


def form_path(space) -> str:
    return f"/espacios/{space.slug}/asistencia/"


def submission(rng: random.Random, n: int, session: dict, choices: dict) -> tuple[str, str]:
    """(submission key, urlencoded body) of one person's attendance; `n` makes it unique."""
    key = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    fields = {
        "csrfmiddlewaretoken": session["token"],
        "submission_key": key,
        "consent_version": session["consent_version"],
        "website": "",
        "full_name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {rng.choice(_LAST)}",
        "document_type": "CC",
        "document_number": str(1_000_000_000 + n),
        "email": f"persona{n}@example.invalid" if n % 2 else "",
        "phone": f"3{n % 1_000_000_000:09d}" if n % 3 else "",
        "sex": rng.choice(_SEXES),
        "locality": rng.choice(choices["localities"]),
        "stakeholder_group": rng.choice(["", *choices["groups"]]),
        "consent": "on",
    }
    if n % 10 == 0:
        fields["age_range"] = rng.choice(_AGE_RANGES)
    elif n % 25 == 1:  # a young person, with the guardian's authorisation
        fields.update(age=str(rng.randint(14, 17)), guardian_consent="on", document_type="TI")
    else:
        fields["age"] = str(rng.randint(18, 90))
    return key, urlencode(fields)


# HTTP helpers ------------------------------------------------------------------------------------


def hidden_input(page: str, name: str) -> str | None:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)
    value = tag and re.search(r'value="([^"]*)"', tag.group(0))
    return value.group(1) if value else None


def form_session(port: int, path: str) -> dict:
    """What a person's browser has after loading the form: the csrftoken cookie, the form's
    CSRF token (good for every submission of the session) and the consent version."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    page = response.read().decode()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: {response.status}")
    cookie = re.search(r"csrftoken=([^;]+)", " ".join(response.headers.get_all("Set-Cookie", [])))

    token, version = (
        hidden_input(page, "csrfmiddlewaretoken"),
        hidden_input(page, "consent_version"),
    )
    if not (cookie and token and version):
        raise RuntimeError(f"GET {path}: no CSRF cookie, CSRF token or consent version")
    return {"cookie": f"csrftoken={cookie.group(1)}", "token": token, "consent_version": version}


KEY_IN_LOCATION = re.compile(r"/registrada/([0-9a-f-]{36})/$")


def post(connection, path: str, session: dict, body: str) -> tuple[int, str | None]:
    """(status, acknowledged submission key or None)."""
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": session["cookie"],
    }
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    found = KEY_IN_LOCATION.search(response.getheader("Location") or "")
    return response.status, found.group(1) if found and response.status == 302 else None


def post_unanswered(port: int, path: str, sessions: list[dict], unanswered: list) -> dict:
    """Sends again, with the same submission key, every POST the load phase sent without
    seeing its answer (cut off when the phase ended, or failed): what a person does."""
    acked, failed = [], Counter()
    for session_index, key, body in unanswered:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            status, acked_key = post(connection, path, sessions[session_index], body)
        except (OSError, http.client.HTTPException) as error:
            failed[type(error).__name__] += 1
            continue
        finally:
            connection.close()
        if acked_key == key:
            acked.append(key)
        else:
            failed[str(status)] += 1
    return {"sent": len(unanswered), "acked": acked, "failed": dict(failed)}


# wrk client --------------------------------------------------------------------------------------


def wrk_run(wrk: str, *, port: int, mode: str, path: str, seconds: float, work: Path) -> dict:
    result_path = work / f"wrk-{mode}-{time.monotonic_ns()}.json"
    env = {
        **os.environ,
        "FORM_POST_MODE": mode,
        "FORM_POST_PATH": path,
        "FORM_POST_STATUS": "302" if mode == "post" else "200",
        "FORM_POST_DIR": str(work),
        "FORM_POST_RESULT": str(result_path),
    }
    command = [
        wrk,
        f"--threads={WRK_THREADS}",
        f"--connections={CLIENTS}",
        f"--duration={max(1, round(seconds))}s",
        "--timeout=10s",
        f"--script={LUA}",
        f"http://127.0.0.1:{port}{path}",
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0 or not result_path.exists():
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr[-2000:]}")
    result = json.loads(result_path.read_text())
    result_path.unlink()
    return result


def wrk_plan(sessions: int, per_thread: int, choices: dict) -> list[list[tuple]]:
    """Per wrk thread, the POSTs in the order it sends them: (session, key, body, is_retry).
    About RETRY_SHARE of them repeat one of the thread's last RETRY_BACK bodies, same key: some
    while the first one is still in flight on another connection, some after its answer."""
    plan = []
    for thread in range(WRK_THREADS):
        rng = random.Random(f"wrk-{thread}")  # seeds differ: keys never repeat by chance
        lines: list[tuple] = []
        for i in range(per_thread):
            if i > RETRY_BACK and rng.random() < RETRY_SHARE:
                session, key, body, _retry = lines[i - rng.randint(1, RETRY_BACK)]
                lines.append((session, key, body, True))
            else:
                n = thread * 10_000_000 + i
                session = (i * WRK_THREADS + thread) % sessions
                key, body = submission(rng, n, SESSIONS[session], choices)
                lines.append((session, key, body, False))
        plan.append(lines)
    return plan


def wrk_phase(wrk: str, *, port: int, mode: str, path: str, work: Path, plan=None) -> dict:
    raw = wrk_run(wrk, port=port, mode=mode, path=path, seconds=SECONDS, work=work)
    errors = {name: count for name, count in raw["errors"].items() if count}
    unexpected = Counter()
    for thread in raw["threads"]:
        unexpected.update(thread["unexpected"])
    phase = {
        "requests": raw["requests"],
        "completed": raw["requests"],
        "seconds": raw["duration_us"] / 1e6,
        "latency_ms": {
            name: round(raw["latency_us"][name] / 1000, 1) for name in ("p50", "p95", "p99", "max")
        },
        "socket_errors": errors,
        "unexpected_status": dict(unexpected),
    }
    if mode != "post":
        return phase
    acked, sent, retries, first_sent = [], set(), 0, {}
    for thread in raw["threads"]:
        lines = plan[thread["id"] - 1]
        sent_lines = lines[: thread["sent"]]
        retries += sum(1 for line in sent_lines if line[3]) + thread["wrapped"]
        for session, key, body, _retry in sent_lines:
            sent.add(key)
            first_sent.setdefault(key, (session, key, body))
        acked += (work / f"acks-{thread['id']}.txt").read_text().split()
    acked_set = set(acked)
    phase.update(
        acked=acked,
        sent_keys=sent,
        retries=retries,
        wrapped=sum(thread["wrapped"] for thread in raw["threads"]),
        unanswered=[first_sent[key] for key in sorted(sent - acked_set)],
    )
    return phase


# Python client (no wrk) -------------------------------------------------------------------------


def _python_thread(port, mode, path, deadline, client, choices, out):
    rng = random.Random(f"python-{client}")
    session = SESSIONS[client] if mode == "post" else None
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    latencies, unexpected, errors = [], Counter(), Counter()
    acked, sent, unanswered, retries, n, in_window = [], set(), [], 0, 0, 0
    pending = None  # a body to send again (a retry), with its key
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            if mode == "get":
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status, key = response.status, None
            else:
                if pending is None:
                    n += 1
                    key, body = submission(rng, client * 10_000_000 + n, session, choices)
                else:
                    (key, body), pending = pending, None
                    retries += 1
                sent.add(key)
                status, acked_key = post(connection, path, session, body)
        except (OSError, http.client.HTTPException) as error:
            errors[type(error).__name__] += 1
            connection.close()
            if mode == "post":
                unanswered.append((client, key, body))
            continue
        latencies.append(time.perf_counter() - started)
        in_window += time.monotonic() <= deadline
        if mode == "get":
            if status != 200:
                unexpected[str(status)] += 1
            continue
        if acked_key == key:
            acked.append(key)
            if rng.random() < RETRY_SHARE:
                pending = (key, body)  # as if the answer had not arrived: send it again
        else:
            unexpected[str(status)] += 1
            unanswered.append((client, key, body))
    connection.close()
    out.append(
        {
            "latencies": latencies,
            "in_window": in_window,
            "unexpected": unexpected,
            "errors": errors,
            "acked": acked,
            "sent": sent,
            "unanswered": unanswered,
            "retries": retries,
        }
    )


def _python_process(port, mode, path, deadline, clients, choices, queue):
    out: list[dict] = []
    threads = [
        threading.Thread(
            target=_python_thread, args=(port, mode, path, deadline, client, choices, out)
        )
        for client in clients
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(out)


def python_phase(*, port: int, mode: str, path: str, choices: dict, seconds=None) -> dict:
    from django.db import connections

    connections.close_all()  # forked processes must not share the database connection
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    started = time.monotonic()
    deadline = started + (seconds or SECONDS)
    processes = [
        context.Process(
            target=_python_process,
            args=(port, mode, path, deadline, range(p, CLIENTS, PYTHON_PROCESSES), choices, queue),
        )
        for p in range(PYTHON_PROCESSES)
    ]
    for process in processes:
        process.start()
    results = [item for _ in processes for item in queue.get(timeout=(seconds or SECONDS) + 120)]
    for process in processes:
        process.join()
    latencies = [value for item in results for value in item["latencies"]]
    errors, unexpected = Counter(), Counter()
    for item in results:
        errors.update(item["errors"])
        unexpected.update(item["unexpected"])
    phase = {
        # As wrk counts: the answers that arrived within the phase (the requests in flight at
        # its end are answered afterwards, and only their latencies are counted).
        "requests": sum(item["in_window"] for item in results),
        "completed": len(latencies),
        "seconds": deadline - started,
        "latency_ms": {
            name: round(percentile(latencies, fraction) * 1000, 1) if latencies else None
            for name, fraction in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("max", 1))
        },
        "socket_errors": dict(errors),
        "unexpected_status": dict(unexpected),
    }
    if mode == "post":
        acked = [key for item in results for key in item["acked"]]
        phase.update(
            acked=acked,
            sent_keys=set().union(*(item["sent"] for item in results)),
            retries=sum(item["retries"] for item in results),
            wrapped=0,
            unanswered=[line for item in results for line in item["unanswered"]],
        )
    return phase


# Queries of one request (Django's test client, in this process) ---------------------------------


def queries_per_request(probe, choices: dict) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    path = form_path(probe)
    counts, sql = {}, {}
    session = {"token": "x", "consent_version": None}
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.status_code
    counts["get_form"] = len(captured)
    session["consent_version"] = hidden_input(response.content.decode(), "consent_version")
    _key, body = submission(random.Random("probe"), 999_999_999, session, choices)
    for name in ("post_attendance", "post_attendance_retry"):
        with CaptureQueriesContext(connection) as captured:
            response = client.post(path, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code == 302, (name, response.status_code)
        counts[name], sql[name] = len(captured), [q["sql"] for q in captured.captured_queries]
    with CaptureQueriesContext(connection) as captured:
        client.get("/salud/")
    counts["get_salud"] = len(captured)
    return {"counts": counts, "sql": sql}


def sql_outline(sql: str) -> str:
    """ "SELECT spaces_space", "BEGIN", ...: what a statement does, in two words."""
    verb = sql.split(None, 1)[0].upper()
    table = re.search(r'\b(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', sql)
    return f"{verb} {table.group(1)}" if table else verb


# Run ------------------------------------------------------------------------------------------

SESSIONS: list[dict] = []  # the clients' form sessions (set before the POST phase)


def _interrupted(signum, _frame):
    raise SystemExit(f"form_post: stopped by signal {signum}")


def main() -> int:
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, _interrupted)
    wrk = ensure_wrk() if CLIENT == "wrk" else None
    if CLIENT == "wrk" and wrk is None:
        log("form_post: wrk is not available: using the Python client")
    client_name = "wrk" if wrk else "python"
    secret_key = secrets.token_urlsafe(64)
    cluster = PgCluster()
    try:
        with tempfile.TemporaryDirectory(prefix="rendicion-bench-form-post-") as work_dir:
            work = Path(work_dir)
            started = time.perf_counter()
            url = cluster.start()
            log(f"form_post: PostgreSQL cluster up in {time.perf_counter() - started:.1f} s")
            os.environ.update(SECRET_KEY=secret_key, RATELIMIT_ENABLE="false", CONN_MAX_AGE="60")
            with django_sandbox(database_url=url) as data_dir:
                postmaster = int((cluster.root / "data" / "postmaster.pid").read_text().split()[0])
                result = run(url, data_dir, work, wrk, client_name, postmaster)
    finally:
        cluster.stop()
        log("form_post: gunicorn stopped; cluster stopped and removed")
    emit(result)
    return 0 if result["ok"] else 1


def run(
    url: str, data_dir: str, work: Path, wrk: str | None, client_name: str, postmaster: int
) -> dict:
    from django.db import connections

    from rendicion.participation.models import Attendance

    data = prepare()
    space, path = data["space"], form_path(data["space"])
    choices = {"localities": data["localities"], "groups": data["groups"]}
    queries = queries_per_request(data["probe"], choices)
    log(f"form_post: queries per request (Django test client): {queries['counts']}")
    connections.close_all()
    server_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rendicion.settings.base",  # wsgi.py defaults to production
        "DATABASE_URL": url,
        "CONN_MAX_AGE": "60",
        "RATELIMIT_ENABLE": "false",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "RENDICION_DATA_DIR": data_dir,
    }
    with gunicorn_server(env=server_env, workers=WORKERS, log_path=str(work / "gunicorn.log")) as (
        port,
        gunicorn_pid,
    ):
        log(f"form_post: gunicorn up on 127.0.0.1:{port}, {WORKERS} sync workers; {client_name}")

        def cpu_now() -> tuple:
            children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the load client, waited for
            return (
                process_tree_cpu_seconds(gunicorn_pid),
                process_tree_cpu_seconds(postmaster),
                children.ru_utime + children.ru_stime,
            )

        def measured(mode: str, phase_path: str, plan=None) -> dict:
            """A timed phase, with the CPU that gunicorn, PostgreSQL and the client used."""
            before = cpu_now()
            figures = phase(mode, phase_path, plan=plan)
            after = cpu_now()
            figures["cpu_s"] = {
                "gunicorn": cpu_seconds_between(before[0], after[0]),
                "postgres": cpu_seconds_between(before[1], after[1]),
                "load_client": after[2] - before[2],
            }
            return figures

        def phase(mode: str, phase_path: str, plan=None, seconds=None) -> dict:
            if wrk:
                if seconds is not None:  # warm-up
                    return wrk_run(
                        wrk, port=port, mode=mode, path=phase_path, seconds=seconds, work=work
                    )
                return wrk_phase(wrk, port=port, mode=mode, path=phase_path, work=work, plan=plan)
            return python_phase(
                port=port, mode=mode, path=phase_path, choices=choices, seconds=seconds
            )

        # Warm-up: every worker has its database connection, templates and code paths ready.
        phase("get", path, seconds=WARMUP_SECONDS)
        phase("get", "/salud/", seconds=1)
        SESSIONS[:] = [form_session(port, path) for _ in range(CLIENTS)]
        (work / "sessions.txt").write_text("".join(s["cookie"] + "\n" for s in SESSIONS))

        log(f"form_post: phase 1: GET /salud/, {CLIENTS} clients, {SECONDS:.0f} s")
        load_before = os.getloadavg()[0]
        get = measured("get", "/salud/")
        get_rate = get["requests"] / get["seconds"]
        log(f"form_post: GET {get_rate:.0f}/s, latency {get['latency_ms']}")

        plan = None
        if wrk:
            per_thread = int(get_rate * SECONDS * 1.3 / WRK_THREADS) + 1000
            plan = wrk_plan(len(SESSIONS), per_thread, choices)
            for thread, lines in enumerate(plan, start=1):
                (work / f"bodies-{thread}.txt").write_text(
                    "".join(f"{session + 1}\t{body}\n" for session, _k, body, _r in lines)
                )
        log(f"form_post: phase 2: POST {path}, {CLIENTS} clients, {SECONDS:.0f} s")
        posts = measured("post", path, plan=plan)
        post_rate = posts["requests"] / posts["seconds"]
        log(f"form_post: POST {post_rate:.0f}/s, latency {posts['latency_ms']}")
        cleanup = post_unanswered(port, path, SESSIONS, posts["unanswered"])
        log(
            f"form_post: {cleanup['sent']} POSTs unanswered when the phase ended sent again: "
            f"{len(cleanup['acked'])} acknowledged, failures {cleanup['failed']}"
        )
        # The baseline again: the ratio divides by the mean of both, so that a change in the
        # machine's other load during the run falls on both sides alike.
        log(f"form_post: phase 3: GET /salud/ again, {CLIENTS} clients, {SECONDS:.0f} s")
        get_after = measured("get", "/salud/")
        get_after_rate = get_after["requests"] / get_after["seconds"]
        load_after = os.getloadavg()[0]
        log(f"form_post: GET {get_after_rate:.0f}/s, latency {get_after['latency_ms']}")
        server_log = (work / "gunicorn.log").read_text(errors="replace")

    rows = Attendance.objects.filter(space=space)
    stored = rows.count()
    stored_keys = {str(key) for key in rows.values_list("submission_key", flat=True)}
    documents = rows.values("document_number").distinct().count()
    acked = set(posts["acked"]) | set(cleanup["acked"])
    repeated_acks = len(posts["acked"]) - len(set(posts["acked"]))
    errors = {
        name: sum(figures["socket_errors"].values()) + sum(figures["unexpected_status"].values())
        for name, figures in (("get", get), ("post", posts), ("get_after", get_after))
    }
    errors["post_resent_after_phase"] = sum(cleanup["failed"].values())
    baseline_rate = (get_rate + get_after_rate) / 2
    ratio = post_rate / baseline_rate

    def cpu_ms(figures: dict) -> float:
        return sum(figures["cpu_s"].values()) * 1000 / max(figures["completed"], 1)

    checks = {
        "post_over_get_at_least_0_5": ratio >= TARGET_RATIO,
        "post_p99_under_200_ms": posts["latency_ms"]["p99"] < TARGET_P99_MS,
        "no_errors": not any(errors.values()),
        "stored_equals_acknowledged": stored == len(acked) and stored_keys == acked,
        "every_sent_submission_acknowledged": posts["sent_keys"] == acked,
        "no_duplicate_documents": documents == stored,
        "retried_posts_answered": posts["retries"] > 0 and repeated_acks > 0,
    }
    ok = all(checks.values())
    if not ok:
        log(f"form_post: failed checks: {[name for name, passed in checks.items() if not passed]}")
        if server_log.strip():
            log(f"form_post: gunicorn log (tail):\n{server_log[-3000:]}")
        for name, sql in queries["sql"].items():
            log(f"form_post: SQL of {name}:\n    " + "\n    ".join(q[:300] for q in sql))

    def summary(figures: dict, rate: float) -> dict:
        requests = max(figures["completed"], 1)  # the CPU went to all of them
        cpu = figures["cpu_s"]
        return {
            "requests": figures["requests"],
            "seconds": round(figures["seconds"], 2),
            "requests_per_s": round(rate),
            "latency_ms": figures["latency_ms"],
            "socket_errors": figures["socket_errors"],
            "unexpected_status": figures["unexpected_status"],
            "cpu_ms_per_request": {
                name: round(seconds * 1000 / requests, 2) for name, seconds in cpu.items()
            },
            # The share of the machine's CPU these three used; the rest went to other processes.
            "cpu_share_of_machine": round(
                sum(cpu.values()) / (figures["seconds"] * (os.cpu_count() or 1)), 2
            ),
        }

    return {
        "target": f"attendance form POST under gunicorn + PostgreSQL, {CLIENTS} clients: "
        f"requests/s >= {TARGET_RATIO} x GET /salud/ (same server, same run), p99 < "
        f"{TARGET_P99_MS} ms, no errors, stored records = distinct submissions acknowledged "
        "(retried POSTs included); rate limit off",
        "ok": ok,
        "rate_limit": RATE_LIMIT_NOTE,
        "server": f"gunicorn {_gunicorn_version()}, {WORKERS} sync workers, 127.0.0.1, "
        f"CONN_MAX_AGE=60, settings rendicion.settings.base, DEBUG off",
        "database": f"postgresql {data['postgres']} (throwaway cluster, fsync off)",
        "client": f"wrk, {WRK_THREADS} threads, bench/_form_post.lua"
        if client_name == "wrk"
        else f"python, {PYTHON_PROCESSES} processes x threads, http.client",
        "clients": CLIENTS,
        "seconds_per_phase": SECONDS,
        "get_salud": summary(get, get_rate),
        "get_salud_after": summary(get_after, get_after_rate),
        "post_attendance": {
            **summary(posts, post_rate),
            "retries_sent": posts["retries"],
            "repeated_acknowledgements": repeated_acks,
        },
        "post_over_get": round(ratio, 3),
        "post_over_get_note": "POST requests/s over the mean of both GET phases' requests/s",
        # CPU per GET over CPU per POST (server + database + client): the throughput ratio if
        # these processes had the machine to themselves and were bound by CPU alone. Context
        # for a noisy machine, not the target.
        "post_over_get_by_cpu": round(
            (cpu_ms(get) + cpu_ms(get_after)) / 2 / max(cpu_ms(posts), 1e-9), 3
        ),
        "records": {
            "submissions_sent": len(posts["sent_keys"]),
            "acknowledged_distinct": len(acked),
            "stored": stored,
            "distinct_documents": documents,
            "unanswered_at_phase_end_resent": cleanup["sent"],
        },
        "queries_per_request": queries["counts"],
        "queries_post_attendance": [sql_outline(sql) for sql in queries["sql"]["post_attendance"]],
        "load_average_1min": {"before": round(load_before, 2), "after": round(load_after, 2)},
        "errors": errors,
        "checks": checks,
    }


def _gunicorn_version() -> str:
    from importlib.metadata import version

    return version("gunicorn")


if __name__ == "__main__":
    sys.exit(main())
