"""Hostile and odd files on the command line and on the staff import pages (issue: "A small hostile
XLSX kills the process"). Each ends with exit status 0 or 1 and a Spanish message, the command
line stays under 300 MB, and the site keeps answering."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from rendicion.core.models import User
from rendicion.core.tests import hostile_files
from rendicion.participation.models import Attendance, PendingImport
from rendicion.spaces.tests.factories import SpaceFactory

SLUG = "dialogo-archivos-hostiles"
PEAK_MB = 300
REFUSED = [
    ("dimension.xlsx", hostile_files.huge_dimension, "dice ocupar el rango A1:XFD1048576"),
    ("bomba.xlsx", hostile_files.shared_strings_bomb, "Al descomprimirlo, el archivo ocuparía"),
    ("tamanos.xlsx", hostile_files.lying_sizes, "se comprime más de 100 veces"),
    ("lejos.xlsx", hostile_files.far_apart_cells, "límite de memoria"),
]


def _database_url(tmp_path) -> str:
    """A URL another process can open holding what this test stored."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(tmp_path / "copia.sqlite3")
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{tmp_path / 'copia.sqlite3'}"
    return (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:"
        f"{settings['PORT']}/{settings['NAME']}"
    )


_LAUNCHER = """
import resource, subprocess, sys
status = subprocess.run([sys.executable, *sys.argv[2:]]).returncode
with open(sys.argv[1], "w") as peak:
    peak.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(status)
"""


@pytest.fixture
def command_line(transactional_db, tmp_path):
    SpaceFactory(slug=SLUG)
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(tmp_path),
        "DJANGO_SETTINGS_MODULE": "rendicion.settings.test",
    }

    def run(*args: str) -> tuple[int, str, str, float]:
        """(exit status, stdout, stderr, peak RSS in MB of the command and its children).

        A small launcher runs the command and reports its children's peak: a process forked
        from this test runner would count the runner's own memory (Linux keeps the peak across
        exec).
        """
        peak_file = tmp_path / "peak.txt"
        process = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, str(peak_file), "-m", "rendicion.cli", *args],
            capture_output=True,
            text=True,
            env=env,
        )
        peak = int(peak_file.read_text()) / 1024
        return process.returncode, process.stdout, process.stderr, peak

    return run


def _no_crash(status: int, stdout: str, stderr: str, peak: float) -> None:
    assert status in (0, 1), (status, stderr[-2000:])
    assert "Traceback" not in stdout + stderr and "panicked" not in stdout + stderr
    print(f"peak RSS of the command: {peak:.0f} MB")
    assert peak < PEAK_MB, peak


@pytest.mark.parametrize(("name", "build", "message"), REFUSED)
def test_a_hostile_xlsx_is_refused_on_the_command_line_with_a_message_and_bounded_memory(
    command_line, tmp_path, name, build, message
):
    path = tmp_path / name
    path.write_bytes(build())
    status, stdout, stderr, peak = command_line("import_attendance", SLUG, str(path), "--json")
    _no_crash(status, stdout, stderr, peak)
    assert status == 1
    assert "Archivo rechazado" in stderr and message in stderr


def test_a_hostile_self_assessment_is_refused_on_the_command_line(command_line, tmp_path):
    path = tmp_path / "autodiagnostico.xlsx"
    path.write_bytes(hostile_files.huge_dimension())
    status, stdout, stderr, peak = command_line("assessment_import", str(path), "--year", "2022")
    _no_crash(status, stdout, stderr, peak)
    assert status == 1 and "dice ocupar el rango A1:XFD1048576" in stderr


def test_a_50_mb_single_line_csv_is_refused_by_the_upload_limit_on_the_command_line(
    command_line, tmp_path
):
    path = tmp_path / "linea.csv"
    hostile_files.long_line_csv(path, 50)
    status, stdout, stderr, peak = command_line("import_attendance", SLUG, str(path))
    _no_crash(status, stdout, stderr, peak)
    assert status == 1 and "el máximo es 20" in stderr


def test_a_single_line_csv_under_the_limit_is_refused_naming_the_row(command_line, tmp_path):
    path = tmp_path / "linea.csv"
    hostile_files.long_line_csv(path, 5)
    status, stdout, stderr, peak = command_line("import_attendance", SLUG, str(path))
    _no_crash(status, stdout, stderr, peak)
    assert status == 1 and "La fila 1 tiene un valor de más de 10.000 caracteres" in stderr


def test_a_mixed_encoding_csv_imports_every_column_and_names_the_fallback_row(
    command_line, tmp_path
):
    path = tmp_path / "mezcla.csv"
    path.write_bytes(hostile_files.mixed_encoding_csv())
    status, stdout, stderr, peak = command_line("import_attendance", SLUG, str(path), "--json")
    _no_crash(status, stdout, stderr, peak)
    result = json.loads(stdout)
    assert (status, result["imported"], result["errors"]) == (0, 2, [])
    assert [(w["row"], "Windows-1252" in w["message"]) for w in result["warnings"]] == [(3, True)]


def test_serial_birth_dates_and_worded_consent_import_on_the_command_line(command_line, tmp_path):
    path = tmp_path / "fechas.xlsx"
    path.write_bytes(hostile_files.serial_dates())
    status, stdout, stderr, peak = command_line("import_attendance", SLUG, str(path), "--json")
    _no_crash(status, stdout, stderr, peak)
    result = json.loads(stdout)
    assert (status, result["imported"], result["warnings"], result["errors"]) == (0, 1, [], [])


# The staff pages ------------------------------------------------------------------------------

ATTENDANCE_PAGE = "/gestion/espacios/dialogo-talento-humano-2023/asistencia/importar/"


def _site_answers(client) -> None:
    assert client.get("/salud/").status_code == 200
    assert client.get(ATTENDANCE_PAGE).status_code == 200


@pytest.mark.django_db
def test_hostile_files_on_the_staff_import_pages_get_a_spanish_message_and_the_site_answers(
    client, demo, tmp_path
):
    client.force_login(User.objects.get(username="demo-planeacion"))
    long_line = tmp_path / "linea.csv"
    hostile_files.long_line_csv(long_line, 50)
    files = [
        *((name, build(), message) for name, build, message in REFUSED),
        ("linea.csv", long_line.read_bytes(), "el máximo es 20"),
    ]
    for name, content, message in files:
        response = client.post(ATTENDANCE_PAGE, {"file": SimpleUploadedFile(name, content)})
        assert response.status_code == 200, name
        assert message in response.text, name
        _site_answers(client)
    pages = [
        ("/gestion/estrategias/2023/cronograma/importar/", {}),
        ("/gestion/autodiagnosticos/importar/", {"year": "2021"}),
    ]
    for url, fields in pages:
        for name, build, message in REFUSED[:2]:
            upload = SimpleUploadedFile(name, build())
            response = client.post(url, {**fields, "file": upload})
            assert response.status_code == 200, (url, name)
            assert message in response.text, (url, name)
            _site_answers(client)
    assert not PendingImport.objects.exists()


@pytest.mark.django_db
def test_a_mixed_encoding_csv_previews_every_column_on_the_staff_page(client, demo):
    client.force_login(User.objects.get(username="demo-planeacion"))
    upload = SimpleUploadedFile("mezcla.csv", hostile_files.mixed_encoding_csv())
    response = client.post(ATTENDANCE_PAGE, {"file": upload})
    assert response.status_code == 200
    assert "Windows-1252" in response.text
    assert "columna desconocida" not in response.text
    assert PendingImport.objects.count() == 1
    assert not Attendance.objects.filter(full_name="José Peña").exists()
