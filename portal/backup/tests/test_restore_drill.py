"""The restore drill: what residents and employees left in the portal survives a backup and a
restore into another, empty installation, byte for byte and with its audit trail; a damaged
backup and a non-empty target are refused before anything is written.

It runs on the database the suite runs on (SQLite, or PostgreSQL with DATABASE_URL). The items
are committed, as in the browser tests (no `db` fixture: pg_dump does not see a test's open
transaction), and removed afterwards, with their login events: those are deleted directly in the
database, as only the table's owner may (the portal refuses), so that no later test finds them.
The restore runs in a subprocess (`manage.py restore_portal`) pointed at a new SQLite file or a
new PostgreSQL database (`test_dls_restore_<pid>`, dropped afterwards) and new, empty folders.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client, RequestFactory

from portal import storage_config
from portal.backup import archive

ITEM_PREFIX = "backup-drill"


@dataclass
class Target:
    """An empty installation: a database nobody has migrated and two empty file folders."""

    engine: str
    database_url: str
    database_name: str
    media_root: Path
    private_root: Path
    temporary: Path

    def environ(self) -> dict[str, str]:
        environ = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(("S3_", "DATABASE_URL", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"))
        }
        return {
            **environ,
            "DJANGO_SETTINGS_MODULE": "portal.backup.tests.restore_settings",
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(self.media_root),
            "PRIVATE_MEDIA_ROOT": str(self.private_root),
            # config.settings.test makes temporary folders at import: here, not in /tmp.
            "TMPDIR": str(self.temporary),
        }

    def file_path(self, storage: str, name: str) -> Path:
        """Where the restored installation keeps a file of a storage (on the file system)."""
        if storage == "default":
            return self.media_root / name
        if storage == "documents":
            return self.private_root / storage_config.DOCUMENTS_FOLDER / name
        return self.private_root / name

    def query(self, sql: str) -> list[tuple]:
        """Rows from the restored database, read directly, not through the portal."""
        return self.query_all([sql])[0]

    def query_all(self, sqls: list[str]) -> list[list[tuple]]:
        """The rows of each query, over one connection."""
        if self.engine == "sqlite":
            with closing(sqlite3.connect(self.database_name)) as connection:
                return [connection.execute(sql).fetchall() for sql in sqls]
        with closing(postgres_connect(self.database_name)) as connection:
            cursor = connection.cursor()
            results = []
            for sql in sqls:
                cursor.execute(sql)
                results.append(cursor.fetchall())
            return results

    def tables(self) -> list[str]:
        if self.engine == "sqlite":
            if not Path(self.database_name).exists():
                return []
            return [
                row[0] for row in self.query("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
        return [
            row[0]
            for row in self.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ]

    def files(self) -> list[Path]:
        return [
            path
            for path in (*self.media_root.rglob("*"), *self.private_root.rglob("*"))
            if path.is_file()
        ]


def postgres_connect(name: str):
    import psycopg2

    source = connections["default"].settings_dict
    connection = psycopg2.connect(
        dbname=name,
        host=source["HOST"] or None,
        port=source["PORT"] or None,
        user=source["USER"] or None,
        password=source["PASSWORD"] or None,
    )
    connection.autocommit = True
    return connection


@pytest.fixture
def target(tmp_path):
    """A new, empty installation; its PostgreSQL database is dropped afterwards."""
    media_root, private_root, temporary = (
        tmp_path / "media",
        tmp_path / "private",
        tmp_path / "tmp",
    )
    for folder in (media_root, private_root, temporary):
        folder.mkdir()
    source = connections["default"].settings_dict
    if connections["default"].vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield Target("sqlite", f"sqlite:///{path}", str(path), media_root, private_root, temporary)
        return
    name = f"test_dls_restore_{os.getpid()}"
    with closing(postgres_connect("postgres")) as connection, connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    credentials = quote(source["USER"] or "", safe="")
    if source["PASSWORD"]:
        credentials += ":" + quote(source["PASSWORD"], safe="")
    address = f"{source['HOST'] or 'localhost'}:{source['PORT'] or 5432}"
    url = f"postgresql://{credentials}@{address}/{name}"
    try:
        yield Target("postgresql", url, name, media_root, private_root, temporary)
    finally:
        with closing(postgres_connect("postgres")) as connection, connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def restore(target: Target, backup: Path, *extra: str) -> subprocess.CompletedProcess:
    """`manage.py restore_portal` as an operator runs it on the new installation."""
    return subprocess.run(
        [sys.executable, "manage.py", "restore_portal", str(backup), *extra],
        cwd=settings.BASE_DIR,
        env=target.environ(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


# --- What residents and employees leave in the portal ---------------------------------------


@dataclass
class Items:
    """What the drill made, by primary key, and its files as (storage, name)."""

    user_ids: list[int]
    case_id: int
    message_id: int
    case_attachment_ids: list[int]
    submission_id: int
    form_attachment_id: int
    document_request_id: int
    register_document_id: int
    files: list[tuple[str, str]]
    outbox_after: int
    auth_event_ids: list[int] = field(default_factory=list)


def form_answers(form_page, upload) -> dict:
    """Answers to every field of a seeded form page, the file field getting `upload`."""
    from citizen_portal.tests.factories import ANSWERS

    data = {}
    form = form_page.get_form()
    for form_field in form_page.get_form_fields():
        choices = [
            value
            for value, _label in getattr(form.fields[form_field.clean_name], "choices", [])
            if value
        ]
        if form_field.field_type == "file":
            data[form_field.clean_name] = upload
        elif form_field.field_type == "checkbox":
            data[form_field.clean_name] = "on"
        elif form_field.field_type in {"checkboxes", "multiselect"}:
            data[form_field.clean_name] = choices[:1]
        elif form_field.field_type in {"dropdown", "radio"}:
            data[form_field.clean_name] = choices[0]
        elif form_field.field_type == "hidden":
            data[form_field.clean_name] = form_field.default_value
        else:
            data[form_field.clean_name] = ANSWERS[form_field.field_type]
    return data


def make_items() -> Items:
    """An e-service case with an attachment and a message with one, a web form submission
    with a file, a document request and a document of the register: each made as the portal
    makes it, and committed."""
    from citizen_portal.diary.models import DocumentRequest, Register
    from citizen_portal.diary.services import create_request
    from citizen_portal.models import FormPage
    from employee_portal.documents.tests.factories import RegisterDocumentFactory
    from eservices import services
    from eservices.models import Case
    from eservices.tests.factories import TOLVAN, building_answers, drawing, make_citizen
    from portal.audit.models import AuthEvent
    from portal.models import OutgoingEmail

    outbox_before = OutgoingEmail.objects.order_by("-pk").values_list("pk", flat=True).first()
    events_before = AuthEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    citizen = make_citizen(f"{ITEM_PREFIX}-tolvan", TOLVAN, "Tolvan", "Tolvansson")

    client = Client()
    client.force_login(citizen)
    client.post(
        "/e-tjanster/bygglov/ansok/",
        {"submission_key": str(uuid.uuid4()), **building_answers(), "drawings": [drawing()]},
    )
    case = Case.objects.get(applicant=citizen)
    request = RequestFactory().post("/")
    request.user = citizen
    with transaction.atomic():
        message = services.applicant_message(
            request,
            case,
            "Här är fasadritningen ni bad om.",
            files=[drawing("fasadritning.pdf", b"%PDF-1.4\n% fasad\n%%EOF\n")],
        )
    client.logout()

    form_page = FormPage.objects.get(
        locale__language_code="sv", slug="ansok-om-parkeringstillstand"
    )
    certificate = drawing("läkarintyg.pdf", b"%PDF-1.4\n% intyg\n%%EOF\n")
    response = Client().post(form_page.url, form_answers(form_page, certificate))
    assert response.status_code == 302, "the seeded form did not take the submission"
    submission = form_page.get_submissions().latest("submit_time")
    form_attachment = submission.attachments.get()

    register = Register.objects.filter(municipality__slug="amal").order_by("pk").first()
    document_request = create_request(
        municipality=register.municipality,
        register=register,
        access=DocumentRequest.Access.ELECTRONIC,
        description="Protokollet från säkerhetskopians övning.",
        name="Tolvan Tolvansson",
        email="tolvan@example.se",
    )
    register_document = RegisterDocumentFactory(title="Rutin för säkerhetskopior (övning)")

    attachments = list(case.attachments.order_by("pk"))
    return Items(
        user_ids=[citizen.pk],
        case_id=case.pk,
        message_id=message.pk,
        case_attachment_ids=[attachment.pk for attachment in attachments],
        submission_id=submission.pk,
        form_attachment_id=form_attachment.pk,
        document_request_id=document_request.pk,
        register_document_id=register_document.pk,
        files=[
            *[("private", attachment.file.name) for attachment in attachments],
            ("private", form_attachment.file.name),
            ("documents", register_document.file.name),
        ],
        outbox_after=outbox_before or 0,
        auth_event_ids=list(
            AuthEvent.objects.filter(pk__gt=events_before).values_list("pk", flat=True)
        ),
    )


def remove_items(items: Items) -> None:
    """Remove what the drill made, files and login events included."""
    from django.contrib.auth import get_user_model
    from wagtail.contrib.forms.models import FormSubmission

    from citizen_portal.diary.models import DocumentRequest
    from employee_portal.documents.models import RegisterDocument
    from eservices.models import Case, CaseLog
    from portal.audit.models import AuthEvent
    from portal.models import OutgoingEmail

    CaseLog.objects.filter(case_id=items.case_id).delete()
    Case.objects.filter(pk=items.case_id).delete()
    FormSubmission.objects.filter(pk=items.submission_id).delete()
    DocumentRequest.objects.filter(pk=items.document_request_id).delete()
    RegisterDocument.objects.filter(pk=items.register_document_id).delete()
    OutgoingEmail.objects.filter(pk__gt=items.outbox_after).delete()
    get_user_model().objects.filter(pk__in=items.user_ids).delete()
    if items.auth_event_ids:
        # AuthEvent's queryset refuses to delete (append-only); the table's owner may.
        with connections["default"].cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {AuthEvent._meta.db_table} WHERE id IN "  # noqa: S608
                f"({', '.join(str(int(pk)) for pk in items.auth_event_ids)})"
            )
    for storage_name, name in items.files:
        if storages[storage_name].exists(name):
            storages[storage_name].delete(name)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stored_files() -> dict[tuple[str, str], str]:
    """Every stored file of the source installation, (storage, name) → SHA-256, read straight
    from its storage."""
    found = {}
    for storage_name in archive.STORAGE_NAMES:
        storage = storages[storage_name]
        for name in archive.stored_names(storage_name):
            with storage.open(name, "rb") as handle:
                found[(storage_name, name)] = sha256(handle.read())
    return found


def table_counts() -> dict[str, int]:
    connection = connections["default"]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


# Indexes Wagtail keeps up to date and rebuilds (references, search; SQLite's full-text tables
# merge their segments as they like), the form reference counter, which only counts up, and
# the image renditions, which a restore forgets and queues for the task worker to make again.
DERIVED_TABLES = (
    "wagtailcore_referenceindex",
    "wagtailsearch_",
    "citizen_portal_formreferencecounter",
    "pictures_picturerendition",
    "django_tasks_database_dbtaskresult",
)
AUDIT_TABLES = (
    "audit_authevent",
    "eservices_caselog",
    "wagtailcore_modellogentry",
    "wagtailcore_pagelogentry",
)


def ids(table: str) -> list[int]:
    with connections["default"].cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} ORDER BY id")  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


@dataclass
class Drill:
    items: Items
    backup: Path
    output: str
    files: dict[tuple[str, str], str]
    counts: dict[str, int]
    audit_ids: dict[str, list[int]]


@pytest.fixture(scope="module")
def drill(django_db_setup, django_db_blocker, tmp_path_factory):
    """The items, committed, and one backup of the seeded test database with them in it."""
    with django_db_blocker.unblock():
        before = table_counts()
        items = make_items()
        try:
            output = io.StringIO()
            call_command("backup_portal", str(tmp_path_factory.mktemp("backups")), stdout=output)
            backup = Path(output.getvalue().splitlines()[0].split(" i ", 1)[1])
            yield Drill(
                items=items,
                backup=backup,
                output=output.getvalue(),
                files=stored_files(),
                counts=table_counts(),
                audit_ids={table: ids(table) for table in AUDIT_TABLES},
            )
        finally:
            remove_items(items)
            left = {
                table: count
                for table, count in table_counts().items()
                if before[table] != count and not table.startswith(DERIVED_TABLES)
            }
            connections.close_all()
    assert not left, f"the drill left rows behind: {left}"


# --- The drill ------------------------------------------------------------------------------


def test_the_backup_lists_every_file_with_its_checksum_and_the_migration_state(
    drill, django_db_blocker
):
    manifest = json.loads((drill.backup / archive.MANIFEST_NAME).read_text(encoding="utf-8"))

    listed = {(entry["storage"], entry["name"]): entry["sha256"] for entry in manifest["files"]}
    assert listed == drill.files
    # Renditions are made again, and the register is listed once, under its own storage.
    assert not [
        name for storage, name in listed if storage == "default" and name.startswith("images/")
    ]
    assert not [
        name
        for storage, name in listed
        if storage == "private" and name.startswith(f"{storage_config.DOCUMENTS_FOLDER}/")
    ]
    for storage_name, name in drill.items.files:
        assert (storage_name, name) in listed
    assert manifest["database"]["engine"] == connections["default"].vendor
    with django_db_blocker.unblock():
        applied = MigrationRecorder.Migration.objects.filter(app="portal")
        assert manifest["migrations"]["portal"] == max(applied.values_list("name", flat=True))
    for storage_name, label in archive.STORAGE_LABELS.items():
        assert f"{label} ({storage_name}):" in drill.output
    assert "Databas (" in drill.output


def test_a_restore_into_an_empty_installation_brings_back_every_item_file_and_audit_row(
    drill, target
):
    from wagtail.contrib.forms.models import FormSubmission

    from citizen_portal.diary.models import DocumentRequest
    from citizen_portal.models import FormAttachment
    from employee_portal.documents.models import RegisterDocument
    from eservices.models import Case, CaseAttachment, CaseMessage

    result = restore(target, drill.backup)

    assert result.returncode == 0, result.stderr
    assert "är återställd" in result.stdout
    assert "Tid:" in result.stdout
    # Every row of every table, and the audit trails row by row.
    # Table names from the database's own catalogue, ids as integers: no SQL from outside.
    tables = list(drill.counts)
    counts = target.query_all([f'SELECT COUNT(*) FROM "{table}"' for table in tables])  # noqa: S608
    restored_counts = {table: rows[0][0] for table, rows in zip(tables, counts, strict=True)}
    rebuilt = ("pictures_picturerendition", "django_tasks_database_dbtaskresult")
    assert {t: n for t, n in restored_counts.items() if t not in rebuilt} == {
        t: n for t, n in drill.counts.items() if t not in rebuilt
    }
    # The renditions (not in a backup) are forgotten and queued for the worker, one task a
    # picture, so that no page points at a rendition file that is not there.
    assert restored_counts["pictures_picturerendition"] == 0
    queued = target.query(
        "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult "
        "WHERE task_path = 'portal.pictures.renditions.make_renditions_task' AND status = 'READY'"
    )
    assert queued == [(restored_counts["pictures_picture"],)]
    assert restored_counts["pictures_picture"] > 0
    for table, expected in drill.audit_ids.items():
        rows = target.query(f"SELECT id FROM {table} ORDER BY id")  # noqa: S608
        assert [row[0] for row in rows] == expected, table
    items = drill.items
    assert items.auth_event_ids
    for model, pk in [
        (Case, items.case_id),
        (CaseMessage, items.message_id),
        *[(CaseAttachment, pk) for pk in items.case_attachment_ids],
        (FormSubmission, items.submission_id),
        (FormAttachment, items.form_attachment_id),
        (DocumentRequest, items.document_request_id),
        (RegisterDocument, items.register_document_id),
    ]:
        table = model._meta.db_table
        query = f"SELECT COUNT(*) FROM {table} WHERE id = {int(pk)}"  # noqa: S608
        assert target.query(query) == [(1,)], table
    # Every file, byte for byte, under the name the database knows it by.
    for (storage_name, name), digest in drill.files.items():
        path = target.file_path(storage_name, name)
        assert path.is_file(), f"{storage_name}: {name}"
        assert sha256(path.read_bytes()) == digest, f"{storage_name}: {name}"
    assert len(target.files()) == len(drill.files)


def test_a_damaged_backup_is_refused_before_anything_is_restored(drill, target, tmp_path):
    damaged = tmp_path / "damaged" / drill.backup.name
    shutil.copytree(drill.backup, damaged)
    storage_name, name = drill.items.files[0]
    changed = damaged / archive.FILES_FOLDER / storage_name / name
    content = bytearray(changed.read_bytes())
    content[-3] ^= 0x01
    changed.write_bytes(bytes(content))

    result = restore(target, damaged)

    assert result.returncode != 0
    assert "skadad" in result.stderr
    assert f"{archive.FILES_FOLDER}/{storage_name}/{name}" in result.stderr
    assert target.tables() == []
    assert target.files() == []


def test_a_restore_into_a_database_that_has_the_portal_is_refused(drill, django_db_blocker):
    from eservices.models import Case

    with django_db_blocker.unblock():
        with pytest.raises(CommandError, match="inte tom.*--force"):
            call_command("restore_portal", str(drill.backup), stdout=io.StringIO())
        assert Case.objects.filter(pk=drill.items.case_id).exists()
