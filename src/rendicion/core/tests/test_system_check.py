"""`make setup` checks the system first and names what is missing by its Debian package."""

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[4] / "tools" / "check-system.sh"


def _check(python: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHON": python}
    return subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True)


def test_this_machine_has_what_setup_needs():
    result = _check(sys.executable)
    assert result.returncode == 0, result.stderr
    assert "ERROR" not in result.stderr


def test_a_missing_python_is_named_with_its_package_and_stops_setup(tmp_path):
    result = _check(str(tmp_path / "no-hay-python"))
    assert result.returncode == 1
    assert "falta Python 3.11 o posterior (paquete python3)" in result.stderr
    assert "apt-get install" in result.stderr


def test_an_old_python_is_refused_by_its_version(tmp_path):
    old = tmp_path / "python-viejo"
    old.write_text("#!/bin/sh\nif [ \"$1\" = -V ]; then echo 'Python 3.9.2'; exit 0; fi\nexit 1\n")
    old.chmod(0o755)
    result = _check(str(old))
    assert result.returncode == 1
    assert "Python 3.9.2" in result.stderr
