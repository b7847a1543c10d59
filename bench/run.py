"""Runs the benchmarks and prints one JSON object keyed by benchmark name.

    .venv/bin/python bench/run.py                  # every bench/*.py (not run.py, not _*.py)
    .venv/bin/python bench/run.py strategy_page    # only these

Each benchmark runs in its own process and prints one JSON object with at least `target` and `ok`.
Exit status is non-zero when a benchmark fails, prints no valid object or misses its target.
Progress goes to stderr; stdout carries only the merged JSON.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
TIMEOUT_SECONDS = 1800


def available() -> list[str]:
    return sorted(
        path.stem
        for path in BENCH_DIR.glob("*.py")
        if path.stem != "run" and not path.stem.startswith("_")
    )


def run_one(name: str) -> dict:
    started = time.perf_counter()
    print(f"bench: {name} ...", file=sys.stderr, flush=True)
    try:
        process = subprocess.run(
            [sys.executable, str(BENCH_DIR / f"{name}.py")],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=None,  # the benchmark's progress shows as it happens
            text=True,
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": f"timed out after {TIMEOUT_SECONDS} s"}
    elapsed = round(time.perf_counter() - started, 1)
    print(f"bench: {name} finished in {elapsed} s (exit {process.returncode})", file=sys.stderr)
    lines = [line for line in process.stdout.splitlines() if line.strip()]
    try:
        result = json.loads(lines[-1]) if lines else None
    except json.JSONDecodeError:
        result = None
    if not isinstance(result, dict):
        return {
            "ok": False,
            "error": "no JSON object on stdout",
            "exit_code": process.returncode,
            "stdout_tail": process.stdout[-2000:],
        }
    if "target" not in result or "ok" not in result:
        result = {**result, "ok": False, "error": "result lacks `target` or `ok`"}
    if process.returncode != 0 and result.get("ok"):
        result = {**result, "ok": False, "error": f"exit code {process.returncode}"}
    return result


def main(argv: list[str]) -> int:
    names = available()
    wanted = argv or names
    unknown = [name for name in wanted if name not in names]
    if unknown:
        print(f"bench: unknown benchmark(s) {unknown}; available: {names}", file=sys.stderr)
        return 2
    results = {name: run_one(name) for name in wanted}
    print(json.dumps(results, indent=2, ensure_ascii=False))
    failed = [name for name, result in results.items() if result.get("ok") is not True]
    if failed:
        print(f"bench: FAILED or missed target: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"bench: all {len(results)} benchmark(s) met their targets", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
