"""Shared by the benchmark scripts: a throwaway Django setup, timing statistics, memory figures
and synthetic attendance spreadsheets.

Not a benchmark itself (run.py skips files whose name starts with "_").
"""

import datetime as dt
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def log(message: str) -> None:
    """Progress goes to stderr: stdout carries only the benchmark's JSON object."""
    print(message, file=sys.stderr, flush=True)


@contextmanager
def django_sandbox(database_url: str | None = None):
    """Django set up on a fresh SQLite file in a temporary folder, migrated; yields the folder.

    The environment is set before django.setup(), so whatever DATABASE_URL the caller's shell
    has never reaches a real database. `database_url` replaces the SQLite file with a database
    the caller made for the benchmark (a throwaway PostgreSQL cluster from tools/pgcluster.py).
    """
    with tempfile.TemporaryDirectory(prefix="rendicion-bench-") as tmpdir:
        os.environ["DJANGO_SETTINGS_MODULE"] = "rendicion.settings.base"
        os.environ["DATABASE_URL"] = database_url or f"sqlite:///{tmpdir}/bench.sqlite3"
        os.environ["RENDICION_DATA_DIR"] = tmpdir
        os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
        os.environ["DEBUG"] = "false"
        # STATIC_ROOT lives in the data folder; without it WhiteNoise warns on every start.
        os.makedirs(os.path.join(tmpdir, "static"), exist_ok=True)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        try:
            yield tmpdir
        finally:
            from django.db import connections

            connections.close_all()


def percentile(values: list[float], fraction: float) -> float:
    """Linear-interpolated percentile (fraction 0..1) of a non-empty list."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def timing_summary(seconds: list[float]) -> dict:
    return {
        "median_ms": round(statistics.median(seconds) * 1000, 2),
        "p95_ms": round(percentile(seconds, 0.95) * 1000, 2),
        "min_ms": round(min(seconds) * 1000, 2),
    }


def emit(result: dict) -> None:
    """The one line a benchmark writes to stdout."""
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()


# Memory --------------------------------------------------------------------------------------


def rss_mb() -> float:
    """Resident set size of this process now, in MiB (Linux /proc)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    """Highest resident set size of this process so far, in MiB (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_reset() -> bool:
    """Resets the peak (ru_maxrss, VmHWM) to the current RSS, so that the next peak_rss_mb()
    is the peak of what runs from now on. Linux only; False when the kernel refuses."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


# Synthetic attendance spreadsheets ---------------------------------------------------------------

# A Google Forms export of an attendance form, as entities receive it.
ATTENDANCE_HEADERS = [
    "Marca temporal",
    "Nombres y apellidos",
    "Tipo de documento",
    "Número de documento",
    "Correo electrónico",
    "Sexo",
    "Edad",
    "Localidad",
    "¿Autoriza el tratamiento de sus datos personales?",
]
_FIRST_NAMES = [
    "María", "José", "Luz Marina", "Juan Carlos", "Ana", "Luis", "Carmen", "Andrés",
    "Diana Marcela", "Jorge", "Sandra", "Carlos Alberto", "Paola", "Óscar", "Yolanda", "Camilo",
    "Natalia", "Héctor", "Lucía", "Julián", "Martha Cecilia", "Sebastián", "Valentina", "Iván",
]  # fmt: skip
_LAST_NAMES = [
    "Rodríguez", "Gómez", "González", "Martínez", "García", "López", "Hernández", "Sánchez",
    "Ramírez", "Pérez", "Díaz", "Muñoz", "Rojas", "Moreno", "Jiménez", "Castañeda", "Peña",
    "Vargas", "Ortiz", "Suárez",
]  # fmt: skip
_DOCUMENT_TYPES = [
    ("Cédula de ciudadanía", 85),
    ("Tarjeta de identidad", 5),
    ("Cédula de extranjería", 4),
    ("Permiso por protección temporal", 3),
    ("Pasaporte", 3),
]
_SEXES = [
    ("Mujer", 30),
    ("Femenino", 12),
    ("F", 4),
    ("Hombre", 24),
    ("Masculino", 10),
    ("M", 3),
    ("Intersexual", 1),
    ("Prefiero no responder", 8),
    ("", 8),
    ("Otro", 0.2),  # not a DANE category: imported as no_responde, with a warning
]
# None: a whole number of years (a number cell in an XLSX, text in a CSV).
_AGES = [
    (None, 55),
    ("{age} años", 10),
    ("14 a 28 años", 8),
    ("29 - 59", 12),
    ("60 o más", 7),
    ("Prefiero no responder", 3),
    ("", 5),
    ("no sé", 0.2),  # not an age: imported as no_responde, with a warning
]
_LOCALITIES = [
    "Usaquén", "Chapinero", "Santa Fe", "San Cristóbal", "Usme", "Tunjuelito", "Bosa",
    "Kennedy", "Fontibón", "Engativá", "Suba", "Barrios Unidos", "Teusaquillo", "Los Mártires",
    "Antonio Nariño", "Puente Aranda", "La Candelaria", "Rafael Uribe Uribe", "Ciudad Bolívar",
    "Sumapaz", "Soacha", "",
]  # fmt: skip


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _weighted(rng: random.Random, choices: list[tuple]) -> Callable[[], object]:
    values = [value for value, _weight in choices]
    weights = [weight for _value, weight in choices]
    return lambda: rng.choices(values, weights)[0]


def attendance_rows(count: int, *, typed: bool, seed: int = 2023) -> Iterator[list]:
    """`count` rows of a Google-Forms-like attendance export, every one importable.

    Documents are distinct and start with 99000 (some typed with thousands dots), e-mails are
    distinct at example.invalid, sex and age come in the spellings people use (about 1 row in
    250 with a value the rules warn about), every row authorises the data treatment ("Sí"). `typed`: values as an XLSX holds them (the timestamp a
    datetime, documents and whole ages numbers); otherwise text as in a CSV.
    """
    rng = random.Random(seed)
    document_type = _weighted(rng, _DOCUMENT_TYPES)
    sex = _weighted(rng, _SEXES)
    age_format = _weighted(rng, _AGES)
    started = dt.datetime(2023, 10, 10, 9, 0, 0)
    for n in range(1, count + 1):
        first = rng.choice(_FIRST_NAMES)
        last, second_last = rng.choice(_LAST_NAMES), rng.choice(_LAST_NAMES)
        name = f"{first} {last} {second_last}"
        if n % 29 == 0:
            name = "  " + name.upper() + " "
        document_value = 99_000_0000000 + n
        email = f"{_ascii(first).split()[0]}.{_ascii(last)}{n}@example.invalid".lower()
        if n % 13 == 0:
            email = email.capitalize()
        when = started + dt.timedelta(seconds=n * 3 % 86_400)
        fmt = age_format()
        age = rng.randint(14, 90) if fmt is None or "{age}" in fmt else None
        if typed:
            timestamp = when
            document = document_value if n % 7 else f"{document_value:,}".replace(",", ".")
            age_cell = age if fmt is None else fmt.format(age=age)
        else:
            hour = when.hour % 12 or 12
            meridian = "a. m." if when.hour < 12 else "p. m."
            timestamp = f"{when:%Y/%m/%d} {hour}:{when:%M:%S} {meridian} GMT-5"
            document = str(document_value) if n % 7 else f"{document_value:,}".replace(",", ".")
            age_cell = str(age) if fmt is None else fmt.format(age=age)
        yield [
            timestamp,
            name,
            document_type(),
            document,
            email,
            sex(),
            age_cell,
            rng.choice(_LOCALITIES),
            "Sí",
        ]


def import_space(title: str):
    """The demo (its 2023 strategy) and a new, empty space of that strategy to import into."""
    from django.utils import timezone

    from rendicion.demo.services import demo_load
    from rendicion.spaces.services import SpaceData, space_create

    strategy = demo_load().strategy
    return space_create(
        actor=None,
        strategy=strategy,
        data=SpaceData(
            kind="dialogue",
            title=title,
            starts_at=timezone.make_aware(dt.datetime(2023, 10, 12, 9, 0)),
            modality="virtual",
        ),
    )


def _timed_import(space, path) -> tuple:
    """(result, seconds, RSS before in MiB, peak RSS during in MiB, peak reset worked)."""
    import gc
    import time

    from rendicion.participation.services import attendance_import

    data = path.read_bytes()
    gc.collect()
    rss_before = rss_mb()
    reset = peak_rss_reset()
    started = time.perf_counter()
    result = attendance_import(space=space, data=data, filename=path.name)
    seconds = time.perf_counter() - started
    return result, seconds, rss_before, peak_rss_mb(), reset


def import_benchmark(
    *,
    name: str,
    rows: int,
    suffix: str,
    write,
    baseline,
    baseline_name: str,
    target_rows_per_second: float,
    small_rows: int = 10_000,
) -> int:
    """Times attendance_import of a `rows`-row spreadsheet into an empty space on SQLite.

    `write(path, rows)` writes a spreadsheet; `baseline(path)` reads it with the bare library
    and returns the number of data rows it saw (its time is the baseline, best of 3). A
    `small_rows` file is imported first, into another empty space, for the memory growth
    (peak RSS over the RSS before each import). Emits the result; returns the exit status.
    """
    import time
    from pathlib import Path

    with (
        tempfile.TemporaryDirectory(prefix=f"rendicion-bench-{name}-") as files_dir,
        django_sandbox(),
    ):
        from rendicion.participation.models import Attendance

        paths = {}
        for count in (small_rows, rows):
            paths[count] = Path(files_dir) / f"asistencia-{count}.{suffix}"
            started = time.perf_counter()
            write(paths[count], count)
            log(
                f"{name}: wrote {count:,} rows ({paths[count].stat().st_size / 2**20:.1f} MiB) "
                f"in {time.perf_counter() - started:.1f} s"
            )
        size_mb = paths[rows].stat().st_size / 2**20

        space = import_space(f"Importación de {small_rows:,} filas ({suffix})")
        small, small_s, small_before, small_peak, _reset = _timed_import(space, paths[small_rows])
        log(
            f"{name}: {small.imported:,} rows imported in {small_s:.1f} s, peak RSS "
            f"{small_peak:.0f} MiB from {small_before:.0f} MiB"
        )
        space = import_space(f"Importación de {rows:,} filas ({suffix})")
        log(f"{name}: importing {rows:,} rows")
        result, import_s, rss_before, peak, reset = _timed_import(space, paths[rows])
        stored = Attendance.objects.filter(space=space).count()
        log(
            f"{name}: imported {result.imported:,} of {result.rows:,} rows in {import_s:.1f} s "
            f"(peak RSS {peak:.0f} MiB from {rss_before:.0f} MiB); {len(result.warnings)} "
            f"warnings, {len(result.errors)} errors"
        )
        for issue in (result.errors + result.warnings)[:3]:
            log(f"    {issue.as_dict()}")

        baseline_s = []
        for _ in range(3):
            started = time.perf_counter()
            seen = baseline(paths[rows])
            baseline_s.append(time.perf_counter() - started)
        if seen != rows:
            raise SystemExit(f"{name}: the baseline read {seen} rows, not {rows}")
        log(f"{name}: {baseline_name}: {min(baseline_s):.2f} s (best of 3)")

    rate = rows / import_s
    baseline_rate = rows / min(baseline_s)
    delta, small_delta = peak - rss_before, small_peak - small_before
    complete = (
        result.imported == rows
        and stored == rows
        and result.rejected == 0
        and small.imported == small_rows
    )
    ok = complete and rate >= target_rows_per_second
    emit(
        {
            "target": f"import {rows:,} rows at >= {target_rows_per_second:,.0f} rows/s on "
            f"SQLite, every row imported; peak RSS reported",
            "ok": ok,
            "database": "sqlite",
            "rows": rows,
            "file_mb": round(size_mb, 1),
            "imported": result.imported,
            "stored": stored,
            "rejected": result.rejected,
            "warnings": len(result.warnings),
            "import_s": round(import_s, 2),
            "rows_per_s": round(rate),
            "baseline": baseline_name,
            "baseline_rows_per_s": round(baseline_rate),
            "rate_over_baseline": round(rate / baseline_rate, 4),
            "memory": {
                "rss_before_mb": round(rss_before, 1),
                "peak_rss_mb": round(peak, 1),
                "peak_delta_mb": round(delta, 1),
                "peak_over_before": round(peak / rss_before, 2),
                "delta_bytes_per_row": round(delta * 2**20 / rows),
                "delta_over_file_size": round(delta / size_mb, 1),
                f"peak_delta_mb_{small_rows}_rows": round(small_delta, 1),
                f"delta_growth_{small_rows}_to_{rows}_rows": round(delta / small_delta, 1)
                if small_delta > 0
                else None,
                "peak_measured_from_import_start": reset,
            },
            f"rows_per_s_{small_rows}_rows": round(small_rows / small_s),
        }
    )
    return 0 if ok else 1


# Load benchmarks: a real application server ------------------------------------------------------


def free_port() -> int:
    """A TCP port nobody listens on now, on 127.0.0.1."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_wrk() -> str | None:
    """The path of Debian's `wrk` HTTP load generator, installed with apt-get when it is missing
    and we are root (as tools/ensure-chromium.sh does for Chromium); None when it cannot be had.
    """
    import shutil
    import subprocess

    found = shutil.which("wrk")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    log("bench: wrk no está instalado: instalando el paquete 'wrk' de Debian (apt-get) ...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk"],
    ):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            log(f"bench: {' '.join(command[:2])} falló: {(done.stderr or done.stdout)[-500:]}")
            return None
    return shutil.which("wrk")


@contextmanager
def gunicorn_server(*, env: dict, workers: int, log_path: str, ready_path: str = "/salud/"):
    """gunicorn with sync workers serving rendicion.wsgi on 127.0.0.1:<free port>; yields the
    port and the master's pid.

    `env` is the whole environment of the server (settings, DATABASE_URL, ...). Started in its
    own session and stopped at the end, also on errors: SIGTERM to the master, then SIGKILL to
    its process group (ours alone) if anything is left. Its output goes to `log_path`, whose
    tail is shown when it does not come up.
    """
    import http.client
    import signal
    import subprocess
    import time
    from contextlib import suppress
    from pathlib import Path

    port = free_port()
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "rendicion.wsgi:application",
        "--worker-class=sync",
        f"--workers={workers}",
        f"--bind=127.0.0.1:{port}",
        "--timeout=60",
        "--graceful-timeout=5",
        "--log-level=warning",
        "--error-logfile=-",
    ]
    with open(log_path, "w") as output:
        process = subprocess.Popen(
            command,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )

    def log_tail() -> str:
        with open(log_path, errors="replace") as server_log:
            return server_log.read()[-3000:]

    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({process.returncode}):\n{log_tail()}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", ready_path)
                status = connection.getresponse().status
                connection.close()
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer {ready_path} in 60 s:\n{log_tail()}")
            time.sleep(0.2)
        yield port, process.pid
    finally:
        if process.poll() is None:
            process.terminate()
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=15)
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)  # workers left behind, if any
        process.wait()


def process_tree_cpu_seconds(root_pid: int) -> dict[int, float]:
    """CPU time (user + system, seconds) of a process and all its descendants now, by pid
    (Linux /proc). Processes that ended are no longer counted."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents, cpu = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # after the command: state, ppid, ..., utime (14th field of the line), stime (15th)
        parents[int(entry)] = int(fields[1])
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / ticks
    tree, grown = {root_pid}, True
    while grown:
        children = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= children
        grown = bool(children)
    return {pid: cpu[pid] for pid in tree if pid in cpu}


def cpu_seconds_between(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU used between two process_tree_cpu_seconds() snapshots (new processes count whole)."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())
