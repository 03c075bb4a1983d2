"""A backup of the whole portal as one folder, and its restore into an empty installation.

What is kept is what cannot be made again: the database (pages and their revisions, accounts,
cases, form submissions, the diary, the audit trail, the outbox) and the files of the three
named storages (portal.storage_config): `default` (Wagtail's original images and documents),
`private` (residents' attachments and e-service case files) and `documents` (the employees'
document register). Image renditions are left out: `wagtail_update_image_renditions` makes them
again. Static files, the cache and the search index are rebuilt too.

A backup folder, `portal-backup-<UTC time>/`:

* `database.dump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite's
  online backup);
* `files/<storage>/<name>`: every stored file under the name the database knows it by;
* `manifest.json`: every file with its storage, name, size and SHA-256, the database dump's
  checksum, the latest applied migration of each app, the time and the database engine.

The database is dumped first, then the files are read: every file the dump refers to is then
in the backup (a file uploaded meanwhile is kept too, unreferenced, which does no harm). The
folder gets its final name only when the manifest is written, so a half-made backup never looks
like a whole one. Files are read through `storages[name]`, so a backup works the same whether
they are on the file system or in S3.

Nothing here imports a domain app (the import-linter layers): storages are found by name.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.db import DatabaseError, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
FILES_FOLDER = "files"
DIRECTORY_PREFIX = "portal-backup-"
# A backup being written; renamed to its final name once the manifest is in it.
INCOMPLETE_SUFFIX = ".pagar"
CHUNK_SIZE = 1024 * 1024

# The named storages (portal.storage_config) and what they hold, as the commands say it.
STORAGE_LABELS = {
    "default": "Bilder och dokument",
    "private": "Bilagor och ärendefiler",
    "documents": "Dokumentregistret",
}
STORAGE_NAMES = tuple(STORAGE_LABELS)
# Wagtail's renditions (its `images/` folder; originals are in `original_images/`) are made
# again from the originals, by `wagtail_update_image_renditions` or on first use.
SKIPPED_FOLDERS = {"default": ("images/",)}

DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
DATABASE_LABELS = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
# libpq reads these from the environment; see postgres_environment().
POSTGRES_OPTION_VARIABLES = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
}


class BackupError(Exception):
    """A backup or restore that must not go on. The message is for the operator, in Swedish."""


@dataclass(frozen=True)
class StoredFile:
    """One file of a storage, as the manifest lists it."""

    storage: str
    name: str
    size: int
    sha256: str

    @property
    def path(self) -> str:
        """Where the file is inside the backup folder."""
        return f"{FILES_FOLDER}/{self.storage}/{self.name}"


@dataclass(frozen=True)
class Outcome:
    """What a backup or a restore did: the backup folder, its manifest and the time it took."""

    directory: Path
    manifest: dict
    seconds: float


# --- Sizes and checksums --------------------------------------------------------------------


def size_text(size: int) -> str:
    """12,3 MB, with the decimal comma of the portal's other Swedish output."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}".replace(".", ",")
    return f"{size / 1024:.1f} kB".replace(".", ",")


def files_text(count: int) -> str:
    return "1 fil" if count == 1 else f"{count} filer"


def seconds_text(seconds: float) -> str:
    return f"{seconds:.1f} s".replace(".", ",")


def file_digest(path: Path) -> tuple[int, str]:
    """The size and SHA-256 of a file, read in chunks so a large dump needs little memory."""
    digest = hashlib.sha256()
    size = 0
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK_SIZE), b""):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def safe_name(name: str) -> PurePosixPath:
    """A stored file's name as a path inside the backup folder. A name that would reach out of
    it (absolute, or with `..`) is refused: a manifest is read from a folder anyone may have
    had in their hands."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or any(part in ("", "..", ".") for part in path.parts):
        raise BackupError(f"Ogiltigt filnamn i lagringen: {name!r}.")
    return path


# --- The database ---------------------------------------------------------------------------


def database_engine(alias: str = "default") -> str:
    """`postgresql` or `sqlite`: the two databases the portal runs on."""
    vendor = connections[alias].vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Databasen {vendor} stöds inte: bara PostgreSQL och SQLite.")
    return vendor


def database_name(alias: str = "default") -> str:
    return str(connections[alias].settings_dict["NAME"])


def postgres_environment(settings_dict: dict) -> dict[str, str]:
    """The connection settings as libpq's environment variables. The password goes in
    PGPASSWORD, never on the command line, where every user of the machine could read it in the
    process list."""
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
    }
    options = settings_dict.get("OPTIONS") or {}
    for option, variable in POSTGRES_OPTION_VARIABLES.items():
        values[variable] = options.get(option)
    return {**os.environ, **{name: str(value) for name, value in values.items() if value}}


def run_program(program: str, arguments: list[str], environ: dict[str, str]) -> None:
    """Run a PostgreSQL client program; its own message, in full, if it fails."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} finns inte på datorn: installera PostgreSQL-klienten (postgresql-client) "
            "i samma eller en nyare version än servern."
        )
    # A fixed program with arguments from the settings; no shell.
    result = subprocess.run(  # noqa: S603
        [executable, *arguments], env=environ, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(
            f"{program} misslyckades (slutkod {result.returncode}):\n{result.stderr.strip()}"
        )


def sqlite_copy(source: str, destination: str) -> None:
    """Copy an SQLite database with SQLite's online backup API: consistent while the portal
    writes (the copy starts over if a page changes under it), and one self-contained file
    (journal mode DELETE, no WAL beside it)."""
    Path(destination).parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(destination)) as copy:
        origin.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")


def dump_database(destination: Path, alias: str = "default") -> None:
    """Write the database to `destination`: pg_dump's custom format, or an SQLite copy."""
    settings_dict = connections[alias].settings_dict
    if database_engine(alias) == "postgresql":
        run_program(
            "pg_dump",
            ["--format=custom", f"--file={destination}", f"--dbname={settings_dict['NAME']}"],
            postgres_environment(settings_dict),
        )
        return
    source = str(settings_dict["NAME"])
    if not Path(source).is_file():
        raise BackupError(f"SQLite-databasen {source} finns inte.")
    sqlite_copy(source, str(destination))


def restore_database(source: Path, alias: str = "default") -> None:
    """Put the dump back into the configured database. PostgreSQL: pg_restore in one
    transaction, so a failure leaves the database as it was; objects are owned by the portal's
    user, whoever owned them before. SQLite: the online backup API in the other direction."""
    connection = connections[alias]
    settings_dict = connection.settings_dict
    connection.close()
    if database_engine(alias) == "postgresql":
        run_program(
            "pg_restore",
            [
                "--no-owner",
                "--clean",
                "--if-exists",
                "--single-transaction",
                f"--dbname={settings_dict['NAME']}",
                str(source),
            ],
            postgres_environment(settings_dict),
        )
        return
    sqlite_copy(str(source), str(settings_dict["NAME"]))


def migration_state(alias: str = "default") -> dict[str, str]:
    """The latest applied migration of each app, to tell which release made the backup."""
    latest = {}
    for app, name in sorted(MigrationRecorder(connections[alias]).applied_migrations()):
        latest[app] = name  # sorted: the highest-numbered comes last
    return latest


def unknown_migrations(manifest: dict) -> list[str]:
    """Migrations the backup's database has and this release of the portal does not: the
    backup was made by a newer release, which must be installed before the portal starts."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}"
        for app, name in sorted(manifest.get("migrations", {}).items())
        if (app, name) not in known
    ]


def existing_tables(alias: str = "default") -> list[str]:
    """The tables already in the configured database; none in an empty one."""
    connection = connections[alias]
    if connection.vendor == "sqlite" and not Path(str(connection.settings_dict["NAME"])).exists():
        return []
    try:
        with connection.cursor() as cursor:
            return connection.introspection.table_names(cursor)
    except DatabaseError as error:
        raise BackupError(
            f"Databasen {database_name(alias)} går inte att nå: {error}".strip()
        ) from error


# --- The files ------------------------------------------------------------------------------


def storage_root(storage) -> str | None:
    """Where a storage keeps its files, comparable between storages: a folder, or a bucket
    and prefix."""
    bucket = getattr(storage, "bucket_name", None)
    if bucket:
        location = (getattr(storage, "location", "") or "").strip("/")
        return f"s3://{bucket}/{location}".rstrip("/")
    if isinstance(storage, FileSystemStorage):
        return Path(storage.location).resolve().as_posix()
    return None


def nested_folders(name: str) -> tuple[str, ...]:
    """Folders of storage `name` that are another named storage's own place. On the file
    system the register (`documents`) is `PRIVATE_MEDIA_ROOT/dokumentregister`, inside
    `private`: its files are backed up once, under the storage they belong to."""
    root = storage_root(storages[name])
    if root is None:
        return ()
    folders = []
    for other in STORAGE_NAMES:
        other_root = storage_root(storages[other])
        if other != name and other_root and other_root.startswith(root + "/"):
            folders.append(other_root[len(root) + 1 :] + "/")
    return tuple(folders)


def stored_names(name: str) -> Iterator[str]:
    """Every file of storage `name`, by the name the database knows it by, found with
    `listdir` (the file system and S3 alike), without the renditions and nested storages."""
    storage = storages[name]
    if isinstance(storage, FileSystemStorage) and not Path(storage.location).is_dir():
        return
    skipped = SKIPPED_FOLDERS.get(name, ()) + nested_folders(name)
    pending = [""]
    while pending:
        folder = pending.pop()
        directories, files = storage.listdir(folder)
        for directory in directories:
            path = f"{folder}{directory}/"
            if path not in skipped:
                pending.append(path)
        for file in files:
            yield f"{folder}{file}"


def copy_out(storage, name: str, destination: Path) -> tuple[int, str]:
    """Copy one stored file into the backup; its size and SHA-256 as read."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with storage.open(name, "rb") as source, destination.open("wb") as target:
        for chunk in iter(lambda: source.read(CHUNK_SIZE), b""):
            digest.update(chunk)
            size += len(chunk)
            target.write(chunk)
    return size, digest.hexdigest()


def write_back(storage, name: str, source: Path, *, replace: bool) -> None:
    """Put one file back into its storage under the same name, or stop: a file the database
    refers to under another name would be lost to it."""
    if storage.exists(name):
        if not replace:
            raise BackupError(f"Filen {name} finns redan i lagringen.")
        storage.delete(name)
    with source.open("rb") as handle:
        stored = storage.save(name, File(handle, name=name))
    if stored != name:
        raise BackupError(f"Filen {name} sparades som {stored}; återställningen avbröts.")


def storages_with_files() -> list[str]:
    """The named storages that already hold files (renditions aside)."""
    return [name for name in STORAGE_NAMES if next(stored_names(name), None) is not None]


# --- Backup ---------------------------------------------------------------------------------


def new_backup_name(parent: Path) -> str:
    """`portal-backup-20261207T020000Z`, made unique should two backups start in one second."""
    base = DIRECTORY_PREFIX + datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    name, number = base, 1
    while (parent / name).exists() or (parent / f"{name}{INCOMPLETE_SUFFIX}").exists():
        number += 1
        name = f"{base}-{number}"
    return name


def create_backup(parent: Path | str, alias: str = "default") -> Outcome:
    """Back up the database and every stored file into a new folder under `parent`."""
    started = time.monotonic()
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True)
    name = new_backup_name(parent)
    working = parent / f"{name}{INCOMPLETE_SUFFIX}"
    working.mkdir()
    try:
        engine = database_engine(alias)
        created_at = timezone.now()
        migrations = migration_state(alias)
        database_file = DATABASE_FILES[engine]
        dump_database(working / database_file, alias)
        database_size, database_sha = file_digest(working / database_file)

        files = []
        for storage_name in STORAGE_NAMES:
            storage = storages[storage_name]
            for stored in stored_names(storage_name):
                target = working / FILES_FOLDER / storage_name / safe_name(stored)
                size, sha = copy_out(storage, stored, target)
                files.append(StoredFile(storage_name, stored, size, sha))
        files.sort(key=lambda file: (STORAGE_NAMES.index(file.storage), file.name))

        manifest = {
            "format": FORMAT_VERSION,
            "created_at": created_at.isoformat(),
            "database": {
                "engine": engine,
                "file": database_file,
                "size": database_size,
                "sha256": database_sha,
            },
            "migrations": migrations,
            "storages": {
                storage_name: {
                    "label": STORAGE_LABELS[storage_name],
                    "files": sum(1 for file in files if file.storage == storage_name),
                    "bytes": sum(file.size for file in files if file.storage == storage_name),
                    "skipped": list(SKIPPED_FOLDERS.get(storage_name, ())),
                }
                for storage_name in STORAGE_NAMES
            },
            "files": [asdict(file) for file in files],
            "seconds": round(time.monotonic() - started, 2),
        }
        (working / MANIFEST_NAME).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        working.rename(parent / name)
    except BaseException:
        shutil.rmtree(working, ignore_errors=True)
        raise
    return Outcome(parent / name, manifest, time.monotonic() - started)


def summary_lines(manifest: dict) -> list[str]:
    """What a backup holds, one line per kind of file, as the commands print it."""
    database = manifest["database"]
    lines = [f"Databas ({DATABASE_LABELS[database['engine']]}): {size_text(database['size'])}"]
    for storage_name, info in manifest["storages"].items():
        lines.append(
            f"{info['label']} ({storage_name}): {files_text(info['files'])}, "
            f"{size_text(info['bytes'])}"
        )
    return lines


# --- Restore --------------------------------------------------------------------------------


def load_manifest(directory: Path | str) -> dict:
    """The manifest of a backup folder, or a message saying why the folder is not one."""
    path = Path(directory) / MANIFEST_NAME
    if not path.is_file():
        raise BackupError(
            f"{directory} är ingen hel säkerhetskopia från backup_portal: {MANIFEST_NAME} saknas."
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"{MANIFEST_NAME} går inte att läsa: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise BackupError(
            f"{MANIFEST_NAME} har ett format som den här versionen av portalen inte känner till."
        )
    return manifest


def manifest_files(manifest: dict) -> list[StoredFile]:
    files = [StoredFile(**entry) for entry in manifest.get("files", [])]
    for file in files:
        if file.storage not in STORAGE_NAMES:
            raise BackupError(f"Okänd lagring i {MANIFEST_NAME}: {file.storage}.")
        safe_name(file.name)
    return files


def verify_backup(directory: Path | str, manifest: dict) -> list[str]:
    """Every file of the backup checked against the manifest's size and SHA-256; one line per
    file that is missing or changed, none when the backup is whole."""
    directory = Path(directory)
    database = manifest["database"]
    expected = [(database["file"], database["size"], database["sha256"])]
    expected += [(file.path, file.size, file.sha256) for file in manifest_files(manifest)]
    problems = []
    for relative, size, sha in expected:
        path = directory / relative
        if not path.is_file():
            problems.append(f"saknas: {relative}")
        elif file_digest(path) != (size, sha):
            problems.append(f"ändrad (kontrollsumman stämmer inte): {relative}")
    return problems


def refuse_unless_empty(alias: str = "default") -> None:
    """Stop unless the database has no tables and the storages no files: a restore replaces
    what is there, so it must be asked for (`--force`) when there is anything."""
    tables = existing_tables(alias)
    if tables:
        raise BackupError(
            f"Databasen {database_name(alias)} är inte tom: den har redan {len(tables)} tabeller. "
            "Återställ till en tom databas, eller ange --force för att skriva över den."
        )
    occupied = storages_with_files()
    if occupied:
        raise BackupError(
            "Lagringen är inte tom: det finns redan filer i "
            + ", ".join(f"{STORAGE_LABELS[name]} ({name})" for name in occupied)
            + ". Återställ till tomma lagringar, eller ange --force för att skriva över."
        )


def restore_backup(
    directory: Path | str, *, force: bool = False, alias: str = "default"
) -> Outcome:
    """Restore a backup folder into the configured database and storages. Everything is
    checked first (the manifest, an empty target unless `force`, every checksum); only then is
    anything written."""
    started = time.monotonic()
    directory = Path(directory)
    manifest = load_manifest(directory)
    engine = database_engine(alias)
    backup_engine = manifest["database"]["engine"]
    if backup_engine != engine:
        raise BackupError(
            f"Säkerhetskopian är av en {DATABASE_LABELS.get(backup_engine, backup_engine)}-"
            f"databas, men portalen är inställd på {DATABASE_LABELS[engine]} (DATABASE_URL)."
        )
    if not force:
        refuse_unless_empty(alias)
    problems = verify_backup(directory, manifest)
    if problems:
        shown = "\n".join(f"  {problem}" for problem in problems[:20])
        more = f"\n  … och {len(problems) - 20} till" if len(problems) > 20 else ""
        raise BackupError(
            f"Säkerhetskopian är skadad och återställs inte; ingenting har ändrats.\n{shown}{more}"
        )

    restore_database(directory / manifest["database"]["file"], alias)
    for file in manifest_files(manifest):
        write_back(storages[file.storage], file.name, directory / file.path, replace=force)
    return Outcome(directory, manifest, time.monotonic() - started)
