"""Shared by the benchmark scripts: a throwaway Django setup and timing statistics.

Not a benchmark itself (run.py skips files whose name starts with "_").
"""

import json
import os
import statistics
import sys
import tempfile
from contextlib import contextmanager


def log(message: str) -> None:
    """Progress goes to stderr: stdout carries only the benchmark's JSON object."""
    print(message, file=sys.stderr, flush=True)


@contextmanager
def django_sandbox():
    """Django set up on a fresh SQLite file in a temporary folder, migrated; yields the folder.

    The environment is set before django.setup(), so whatever DATABASE_URL the caller's shell
    has never reaches a real database.
    """
    with tempfile.TemporaryDirectory(prefix="rendicion-bench-") as tmpdir:
        os.environ["DJANGO_SETTINGS_MODULE"] = "rendicion.settings.base"
        os.environ["DATABASE_URL"] = f"sqlite:///{tmpdir}/bench.sqlite3"
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
