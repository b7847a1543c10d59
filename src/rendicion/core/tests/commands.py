"""Running `rendicion` as a server would: in its own process, on a given database and data folder."""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DemoFiles:
    """A demo installation built by the real commands in their own processes: a SQLite file and
    its data folder (RENDICION_DATA_DIR), for tests that run `rendicion` as a server would."""

    database: Path
    data_dir: Path

    def copy_to(self, folder: Path) -> "DemoFiles":
        folder.mkdir(parents=True, exist_ok=True)
        copy = DemoFiles(folder / self.database.name, folder / "data")
        shutil.copy2(self.database, copy.database)
        shutil.copytree(self.data_dir, copy.data_dir, dirs_exist_ok=True)
        return copy

    @property
    def url(self) -> str:
        return f"sqlite:///{self.database}"


def rendicion_run(
    url: str, data_dir: Path, *args: str, check: bool = True, settings: str = "base"
) -> subprocess.CompletedProcess:
    """Runs `rendicion ARGS` in its own process on that database and data folder."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": f"rendicion.settings.{settings}",
        "DATABASE_URL": url,
        "RENDICION_DATA_DIR": str(data_dir),
    }
    return subprocess.run(
        [sys.executable, "-m", "rendicion.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=600,
    )
