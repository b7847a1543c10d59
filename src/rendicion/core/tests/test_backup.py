"""The restore drill: back up the demo, restore it into a new database, and find it identical.

Each step runs as the `rendicion` command would run on a server, in its own process, on the
database of the leg under test (a new SQLite file, or new databases on the test PostgreSQL).
"""

import json
import subprocess
import uuid

import pytest
from django.conf import settings
from django.db import connection

from rendicion.core.tests.commands import rendicion_run

pytestmark = pytest.mark.django_db


def _new_database_url(tmp_path, name: str) -> str:
    if connection.vendor != "postgresql":
        return f"sqlite:///{tmp_path / name}.sqlite3"
    import psycopg

    config = settings.DATABASES["default"]
    database = f"drill_{name}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(
        host=config["HOST"], port=config["PORT"], user=config["USER"], dbname="postgres"
    ) as admin:
        admin.autocommit = True
        admin.execute(f'CREATE DATABASE "{database}"')
    return f"postgres://{config['USER']}@{config['HOST']}:{config['PORT']}/{database}"


def _rendicion(url: str, data_dir, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return rendicion_run(url, data_dir, *args, check=check)


def test_a_backup_of_the_demo_restores_identically_into_a_new_database(tmp_path, demo_files):
    # The demo as `rendicion load_demo` leaves it (a SQLite file); on the PostgreSQL leg it is
    # restored into PostgreSQL, so the drill also proves a copy moves between databases.
    source = demo_files.copy_to(tmp_path / "a")
    first, first_dir = source.url, source.data_dir
    second, second_dir = _new_database_url(tmp_path, "b"), tmp_path / "b"
    evidence = first_dir / "media" / "evidencias" / "acta.pdf"
    evidence.parent.mkdir(parents=True, exist_ok=True)
    evidence.write_bytes(b"%PDF-1.4 acta del 20 de abril\n")
    backup = tmp_path / "copia.tar.gz"
    written = json.loads(_rendicion(first, first_dir, "backup", "--output", str(backup)).stdout)
    # Every stored file: the evidence above and the demo's photos (original and web copies).
    stored = sorted(p for p in (first_dir / "media").rglob("*") if p.is_file())
    assert len(stored) > 1 and written["files"] == len(stored) and written["records"] > 500
    before = _rendicion(first, first_dir, "annual_report", "2023", "--format", "json").stdout

    restored = _rendicion(second, second_dir, "restore", str(backup))
    assert json.loads(restored.stdout)["records"] == written["records"]
    after = _rendicion(second, second_dir, "annual_report", "2023", "--format", "json").stdout
    assert json.loads(after)["dialogues"]["attendances"] == 253
    assert after == before
    copy = second_dir / "media" / "evidencias" / "acta.pdf"
    assert copy.read_bytes() == evidence.read_bytes()
    for path in stored:
        assert (second_dir / path.relative_to(first_dir)).read_bytes() == path.read_bytes()

    again = _rendicion(second, second_dir, "restore", str(backup), check=False)
    assert again.returncode == 1
    assert "La base de datos ya tiene registros" in again.stderr
    assert "Traceback" not in again.stderr
    forced = _rendicion(second, second_dir, "restore", str(backup), "--force")
    assert json.loads(forced.stdout)["records"] == written["records"]
    assert _rendicion(second, second_dir, "annual_report", "2023", "--format", "json").stdout == (
        before
    )


def test_a_file_that_is_not_a_backup_is_refused_with_a_message(tmp_path):
    url = _new_database_url(tmp_path, "c")
    bogus = tmp_path / "no-es-copia.tar.gz"
    bogus.write_bytes(b"PK\x03\x04 esto es otra cosa")
    result = _rendicion(url, tmp_path / "c", "restore", str(bogus), check=False)
    assert result.returncode == 1
    assert "no es una copia de seguridad de Rendición" in result.stderr
    assert "Traceback" not in result.stderr
    # Refused before anything touched the database: not even its tables were created.
    assert "django_migrations" not in _table_names(url)


def _table_names(url: str) -> set[str]:
    if url.startswith("sqlite:///"):
        import sqlite3

        path = url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as db:
            return {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://")) as db:
        return {row[0] for row in db.execute("SELECT tablename FROM pg_tables")}
