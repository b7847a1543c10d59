import os
import subprocess
import sys


def test_a_retention_period_of_zero_days_stops_start_up():
    env = os.environ | {"PERSONAL_DATA_RETENTION_DAYS": "0"}
    result = subprocess.run(
        [sys.executable, "-c", "import rendicion.settings.base"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "PERSONAL_DATA_RETENTION_DAYS" in result.stderr
