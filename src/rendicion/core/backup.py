"""One file with the database and the stored files, and its restore into an empty database.

The records travel as Django's own serialisation (JSON lines, primary keys kept, content types
by natural key), so a backup taken on SQLite restores on PostgreSQL and the other way round;
the files go through the storage API, so a local disk and object storage back up alike.
"""

import io
import json
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
RECORDS = "registros.jsonl"
FILES_DIR = "archivos/"
# Rebuilt by `migrate` (content types, permissions) or short-lived (sessions, login attempts).
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes"]
# Rows that only a used installation has: an empty database has none of them.
IN_USE_MODELS = ["core.Entity", "core.User"]


class BackupRefused(Exception):
    """The file or the target database cannot be used; the message says why, in Spanish."""


@dataclass
class BackupSummary:
    records: int
    files: int

    def as_dict(self) -> dict[str, int]:
        return {"records": self.records, "files": self.files}


def _stored_files(directory: str = "") -> Iterator[str]:
    """Every file name in the default storage, in a stable order."""
    try:
        directories, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}{name}"
    for sub in sorted(directories):
        yield from _stored_files(f"{directory}{sub}/")


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def _dump_records(path: Path) -> int:
    # One snapshot: writes made while the backup runs are either wholly in it or not at all.
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        call_command(
            "dumpdata",
            format="jsonl",
            natural_foreign=True,
            exclude=EXCLUDED,
            output=str(path),
            verbosity=0,
        )
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


def backup_write(*, output: Path) -> BackupSummary:
    """Writes the database's records and every stored file into one .tar.gz file."""
    with tempfile.TemporaryDirectory() as work:
        records_path = Path(work) / RECORDS
        records = _dump_records(records_path)
        names = list(_stored_files())
        manifest = {"format": FORMAT, "records": records, "files": names}
        with tarfile.open(output, "w:gz") as archive:
            _add(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
            archive.add(records_path, RECORDS)
            for name in names:
                with default_storage.open(name, "rb") as stored:
                    _add(archive, FILES_DIR + name, stored.read())
    return BackupSummary(records, len(names))


def database_in_use() -> bool:
    return any(apps.get_model(label).objects.exists() for label in IN_USE_MODELS)


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, AttributeError, ValueError):
        raise BackupRefused(_("El archivo no es una copia de seguridad de Rendición.")) from None
    if manifest.get("format") != FORMAT:
        raise BackupRefused(
            _("La copia tiene un formato que esta versión no conoce (%(format)s).")
            % {"format": manifest.get("format")}
        )
    return manifest


def _open_backup(source: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(source, "r:gz")
    except (tarfile.TarError, OSError):
        raise BackupRefused(_("El archivo no es una copia de seguridad de Rendición.")) from None


def backup_check(*, source: Path) -> None:
    """Refuses a file that is not a backup this version reads, before anything touches the
    database (the restore command checks first, then migrates)."""
    with _open_backup(source) as archive:
        _read_manifest(archive)


def backup_restore(*, source: Path, force: bool = False) -> BackupSummary:
    """Loads a backup into this (migrated) database: refused when it already holds records,
    unless `force`, which first empties it."""
    archive = _open_backup(source)
    with archive, tempfile.TemporaryDirectory() as work:
        manifest = _read_manifest(archive)
        if database_in_use():
            if not force:
                raise BackupRefused(
                    _(
                        "La base de datos ya tiene registros: restaure en una base vacía o use "
                        "--force para reemplazarlos."
                    )
                )
            call_command("flush", interactive=False, verbosity=0)
        records_path = Path(work) / RECORDS
        member = archive.extractfile(RECORDS)
        if member is None:
            raise BackupRefused(_("A la copia le faltan los registros."))
        with records_path.open("wb") as out:
            while chunk := member.read(1 << 20):
                out.write(chunk)
        with transaction.atomic():
            call_command("loaddata", str(records_path), verbosity=0)
        for name in manifest["files"]:
            stored = archive.extractfile(FILES_DIR + name)
            if stored is None:
                raise BackupRefused(
                    _("A la copia le falta el archivo «%(name)s».") % {"name": name}
                )
            if default_storage.exists(name):
                default_storage.delete(name)
            default_storage.save(name, ContentFile(stored.read()))
    return BackupSummary(manifest["records"], len(manifest["files"]))
