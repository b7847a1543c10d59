"""A throwaway PostgreSQL cluster for the test suite and benchmarks.

The machine has PostgreSQL's server binaries but no running server, and initdb refuses to run
as root, so as root the cluster belongs to the `postgres` system user (through runuser). It
listens on 127.0.0.1 only, on a free port, and is removed when stopped.
"""

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def _bindir() -> Path:
    candidates = []
    if shutil.which("pg_config"):
        output = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(output.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for candidate in candidates:
        if (
            candidate
            and (Path(candidate) / "initdb").exists()
            and (Path(candidate) / "pg_ctl").exists()
        ):
            return Path(candidate)
    for name in ("initdb", "pg_ctl"):
        found = shutil.which(name)
        if found:
            return Path(found).resolve().parent
    raise PostgresUnavailable("No se encontraron initdb y pg_ctl de PostgreSQL en esta máquina.")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PgCluster:
    def __init__(self) -> None:
        self.bindir = _bindir()
        self.root: Path | None = None
        self.port: int | None = None
        self._as_postgres = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = list(args)
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise PostgresUnavailable(
                f"{' '.join(args[:2])} falló ({result.returncode}): {result.stderr or result.stdout}"
            )

    def start(self) -> str:
        """Starts the cluster and returns its DATABASE_URL."""
        self.root = Path(tempfile.mkdtemp(prefix="rendicion-pg-"))
        if self._as_postgres:
            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                raise PostgresUnavailable("No existe el usuario del sistema «postgres».") from None
            os.chown(self.root, account.pw_uid, account.pw_gid)
        data = self.root / "data"
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        self.port = _free_port()
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.root is None:
            return
        with contextlib.suppress(PostgresUnavailable):
            self._run(
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.root / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            )
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None
