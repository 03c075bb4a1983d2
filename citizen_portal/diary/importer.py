"""Importing diary entries: one document per row, CSV or JSON (docs/diary-import.md).

A file is imported whole or not at all. It is read once, inside one database transaction:
each row is checked and the checked rows are written in batches, the checking in a thread of
its own so that it goes on while PostgreSQL writes the batch before. After the first wrong row
nothing more is written, but the rest of the file is still checked so that every wrong row is
reported with its number and reason; then the transaction is rolled back, so nothing of the
file is kept. A failure half-way (a lost database connection, say) rolls back the same way.

Re-importing updates: a document is identified by (municipality, register, case number,
document number), a case by (municipality, register, case number); what the file says replaces
what was stored. Publication rules (publication.py) are applied to every row before it is
stored.
"""

import csv
import hashlib
import io
import json
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import connection, transaction

from portal.models import Municipality

from .models import Case, Document, Register
from .publication import (
    mask_personal_identity_numbers,
    published_document_title,
    published_party,
)

FIELDS = (
    "municipality",
    "register",
    "case_number",
    "case_title",
    "document_number",
    "document_title",
    "document_date",
    "registered_date",
    "direction",
    "party",
    "party_type",
    "department",
    "secrecy",
)
REQUIRED = ("municipality", "register", "case_number", "case_title", "document_number")
DIRECTIONS = {choice.value for choice in Document.Direction}
PARTY_TYPES = {choice.value for choice in Document.PartyType}
MAX_LENGTHS = {
    "register": 20,
    "case_number": 60,
    "document_number": 60,
    "party": 200,
    "department": 150,
    "secrecy": 100,
}
BATCH_SIZE = 20_000
MAX_REPORTED_ERRORS = 200


@dataclass(frozen=True)
class RowError:
    row: int  # 1 = the first data row (the line after a CSV's header)
    reason: str

    def __str__(self):
        return f"rad {self.row}: {self.reason}"


class ImportRejected(Exception):
    """The file has wrong rows; nothing was imported."""

    def __init__(self, errors: list[RowError], total_errors: int):
        super().__init__(f"{total_errors} felaktiga rader")
        self.errors = errors
        self.total_errors = total_errors


@dataclass
class ImportResult:
    rows: int = 0
    cases_created: int = 0
    documents_created: int = 0
    documents_updated: int = 0
    seconds: float = 0.0
    registers: set = field(default_factory=set)

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Row:
    """A checked row, the publication rules applied."""

    municipality_id: int
    register: str
    case_number: str
    case_title: str
    document_number: str
    document_title: str
    document_date: date | None
    registered_date: date
    direction: str
    party: str
    party_type: str
    department: str
    secrecy: str

    @property
    def case_key(self):
        return (self.municipality_id, self.register, self.case_number)

    @property
    def key(self):
        return (*self.case_key, self.document_number)


TEXT_FIELDS = tuple(name for name in FIELDS if "date" not in name)


def _text(raw: dict, name: str) -> str:
    value = raw.get(name)
    if value is None:
        return ""
    if type(value) is not str:  # noqa: E721 - the common case first; a bool is no number here
        return _number_text(value, name)
    return " ".join(value.split())


def _number_text(value, name: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name}: ska vara text")
    return " ".join(str(value).split())


def _date(raw: dict, name: str, *, required: bool) -> date | None:
    value = _text(raw, name)
    if not value:
        if required:
            raise ValueError(f"{name} saknas")
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name}: {value!r} är inte ett datum på formen ÅÅÅÅ-MM-DD") from None


def check_row(raw, municipalities: dict[str, int]) -> Row:
    """A checked row, or ValueError with the reason (in Swedish, for the person importing)."""
    if not isinstance(raw, dict):
        raise ValueError("raden är inte ett objekt med fält")
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise ValueError(f"okända fält: {', '.join(unknown)}")
    # _text() inlined: this loop runs 11 times a row, a million rows an import.
    values = {}
    for name in TEXT_FIELDS:
        value = raw.get(name)
        if value is None:
            values[name] = ""
        elif type(value) is str:  # noqa: E721 - see _text()
            values[name] = " ".join(value.split())
        else:
            values[name] = _number_text(value, name)
    for name in REQUIRED:
        if not values[name]:
            raise ValueError(f"{name} saknas")
    # Masking can lengthen a text: check the lengths of what will be stored.
    values["party"] = published_party(values["party"], values["party_type"])
    values["department"] = mask_personal_identity_numbers(values["department"])
    for name, limit in MAX_LENGTHS.items():
        if len(values[name]) > limit:
            raise ValueError(f"{name} är längre än {limit} tecken")
    municipality_id = municipalities.get(values["municipality"])
    if municipality_id is None:
        raise ValueError(
            f"municipality: okänd kommun {values['municipality']!r} "
            f"(en av {', '.join(sorted(municipalities))})"
        )
    if values["direction"] not in DIRECTIONS:
        raise ValueError(
            f"direction: {values['direction']!r} ska vara en av {', '.join(sorted(DIRECTIONS))}"
        )
    if values["party_type"] and values["party_type"] not in PARTY_TYPES:
        raise ValueError(
            f"party_type: {values['party_type']!r} ska vara en av {', '.join(sorted(PARTY_TYPES))}"
        )
    if values["party"] and not values["party_type"]:
        raise ValueError("party_type saknas: ange private, organisation eller authority")
    if not values["document_title"] and not values["secrecy"]:
        raise ValueError(
            "document_title saknas (får bara saknas för sekretessmarkerade handlingar)"
        )
    return Row(
        municipality_id=municipality_id,
        register=values["register"].upper(),
        case_number=values["case_number"],
        case_title=mask_personal_identity_numbers(values["case_title"]),
        document_number=values["document_number"],
        document_title=published_document_title(values["document_title"], values["secrecy"]),
        document_date=_date(raw, "document_date", required=False),
        registered_date=_date(raw, "registered_date", required=True),
        direction=values["direction"],
        party=values["party"],
        party_type=values["party_type"],
        department=values["department"],
        secrecy=values["secrecy"],
    )


def read_file(path: Path) -> Iterator[dict]:
    """The rows of a CSV (UTF-8, header row) or JSON (a list of objects) file, as dicts."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as file:
            reader = csv.DictReader(file)
            missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
            if missing:
                raise ImportRejected(
                    [RowError(0, f"rubrikraden saknar kolumnerna {', '.join(missing)}")], 1
                )
            for raw in reader:
                if None in raw:  # more cells than the header has columns
                    raw = {**raw, "(extra kolumner)": raw.pop(None)}
                yield raw
    elif suffix == ".json":
        with open(path, encoding="utf-8") as file:
            try:
                data = json.load(file)
            except json.JSONDecodeError as error:
                raise ImportRejected(
                    [RowError(0, f"filen är inte giltig JSON ({error.msg}, rad {error.lineno})")], 1
                ) from error
        if not isinstance(data, list):
            raise ImportRejected([RowError(0, "JSON-filen ska innehålla en lista av objekt")], 1)
        yield from data
    else:
        raise ImportRejected([RowError(0, "filen ska sluta på .csv eller .json")], 1)


def _write_batch(batch: list[Row], registers: dict, result: ImportResult) -> None:
    for row in batch:
        key = (row.municipality_id, row.register)
        if key not in registers:
            registers[key], _ = Register.objects.get_or_create(
                municipality_id=row.municipality_id, code=row.register
            )
            result.registers.add(key)

    # Cases: the last row of a case in the batch says its title and department.
    cases = {}
    for row in batch:
        cases[row.case_key] = Case(
            register=registers[(row.municipality_id, row.register)],
            municipality_id=row.municipality_id,
            case_number=row.case_number,
            title=row.case_title,
            department=row.department,
        )
    existing_cases = _existing_case_ids(cases)
    Case.objects.bulk_create(
        cases.values(),
        update_conflicts=True,
        unique_fields=["register", "case_number"],
        update_fields=["title", "department"],
    )
    result.cases_created += len(cases) - len(existing_cases)
    case_ids = _existing_case_ids(cases)

    documents = [
        Document(
            case_id=case_ids[row.case_key],
            municipality_id=row.municipality_id,
            register=registers[(row.municipality_id, row.register)],
            document_number=row.document_number,
            title=row.document_title,
            document_date=row.document_date,
            registered_date=row.registered_date,
            direction=row.direction,
            party=row.party,
            party_type=row.party_type,
            secrecy=row.secrecy,
        )
        for row in batch
    ]
    existing_documents = Document.objects.filter(
        case_id__in=set(case_ids.values()),
    ).values_list("case_id", "document_number")
    existing_documents = set(existing_documents)
    Document.objects.bulk_create(
        documents,
        update_conflicts=True,
        unique_fields=["case", "document_number"],
        update_fields=[
            "title",
            "document_date",
            "registered_date",
            "direction",
            "party",
            "party_type",
            "secrecy",
            "municipality",
            "register",
        ],
    )
    updated = sum((d.case_id, d.document_number) in existing_documents for d in documents)
    result.documents_updated += updated
    result.documents_created += len(documents) - updated
    if connection.vendor == "postgresql":
        update_search_vectors(set(case_ids.values()))


def _existing_case_ids(cases: dict) -> dict:
    """(municipality id, register code, case number) → case id, for those that exist."""
    by_register: dict = {}
    for case in cases.values():
        by_register.setdefault(case.register_id, set()).add(case.case_number)
    ids = {}
    for register_id, numbers in by_register.items():
        for pk, municipality_id, code, number in Case.objects.filter(
            register_id=register_id, case_number__in=numbers
        ).values_list("pk", "municipality_id", "register__code", "case_number"):
            ids[(municipality_id, code, number)] = pk
    return ids


def _search_vector_sql() -> str:
    """The UPDATE that recomputes the search vectors of the documents of some cases."""
    vector = SEARCH_VECTOR.format(case="c", document="d")
    return (
        f"UPDATE diary_document AS d SET search_vector = {vector} "  # noqa: S608 - constant SQL
        "FROM diary_case AS c WHERE d.case_id = c.id AND c.id = ANY(%s)"
    )


def update_search_vectors(case_ids: set[int]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(_search_vector_sql(), [list(case_ids)])


# -- PostgreSQL: COPY into a staging table, then one INSERT … ON CONFLICT per table ------------

STAGING_TABLE = """
CREATE TEMPORARY TABLE IF NOT EXISTS diary_import_staging (
    seq integer,
    municipality_id bigint,
    register_id bigint,
    case_number text,
    case_title text,
    department text,
    document_number text,
    document_title text,
    document_date date,
    registered_date date,
    direction text,
    party text,
    party_type text,
    secrecy text
) ON COMMIT DROP
"""
STAGING_COLUMNS = (
    "seq, municipality_id, register_id, case_number, case_title, department, document_number, "
    "document_title, document_date, registered_date, direction, party, party_type, secrecy"
)
SEARCH_VECTOR = """
    setweight(to_tsvector('swedish', {case}.title), 'A')
    || setweight(to_tsvector('swedish', {document}.title), 'B')
    || setweight(to_tsvector('swedish', {document}.party || ' ' || {case}.department), 'C')
    || setweight(
        to_tsvector('simple', {case}.case_number || ' ' || {document}.document_number), 'A'
    )
"""
UPSERT_CASES = """
INSERT INTO diary_case (register_id, municipality_id, case_number, title, department)
SELECT DISTINCT ON (register_id, case_number)
    register_id, municipality_id, case_number, case_title, department
FROM diary_import_staging
ORDER BY register_id, case_number, seq DESC
ON CONFLICT (register_id, case_number) DO UPDATE
    SET title = EXCLUDED.title, department = EXCLUDED.department
    WHERE (diary_case.title, diary_case.department)
        IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.department)
RETURNING id, (xmax = 0) AS created
"""
# Only constant SQL is put into the statement; the rows travel by COPY.
UPSERT_DOCUMENTS = f"""
INSERT INTO diary_document (
    case_id, municipality_id, register_id, document_number, title, document_date,
    registered_date, direction, party, party_type, secrecy, search_vector
)
SELECT c.id, s.municipality_id, s.register_id, s.document_number, s.document_title,
    s.document_date, s.registered_date, s.direction, s.party, s.party_type, s.secrecy,
    {SEARCH_VECTOR.format(case="c", document="s").replace("s.title", "s.document_title")}
FROM diary_import_staging AS s
JOIN diary_case AS c ON c.register_id = s.register_id AND c.case_number = s.case_number
ON CONFLICT (case_id, document_number) DO UPDATE SET
    municipality_id = EXCLUDED.municipality_id, register_id = EXCLUDED.register_id,
    title = EXCLUDED.title, document_date = EXCLUDED.document_date,
    registered_date = EXCLUDED.registered_date, direction = EXCLUDED.direction,
    party = EXCLUDED.party, party_type = EXCLUDED.party_type, secrecy = EXCLUDED.secrecy,
    search_vector = EXCLUDED.search_vector
RETURNING (xmax = 0) AS created
"""  # noqa: S608


def _write_batch_copy(batch: list[Row], registers: dict, result: ImportResult) -> None:
    """The same as `_write_batch`, at PostgreSQL's speed: the rows go in by COPY and each table
    is written by one statement, the search vector computed in it."""
    for row in batch:
        key = (row.municipality_id, row.register)
        if key not in registers:
            registers[key], _ = Register.objects.get_or_create(
                municipality_id=row.municipality_id, code=row.register
            )
            result.registers.add(key)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for seq, row in enumerate(batch):
        writer.writerow(
            [
                seq,
                row.municipality_id,
                registers[(row.municipality_id, row.register)].pk,
                row.case_number,
                row.case_title,
                row.department,
                row.document_number,
                row.document_title,
                row.document_date.isoformat() if row.document_date else "",
                row.registered_date.isoformat(),
                row.direction,
                row.party,
                row.party_type,
                row.secrecy,
            ]
        )
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.execute(STAGING_TABLE)
        cursor.execute("TRUNCATE diary_import_staging")
        # Empty CSV fields are NULL only for the date; every text column takes "".
        cursor.cursor.copy_expert(
            f"COPY diary_import_staging ({STAGING_COLUMNS}) FROM STDIN WITH (FORMAT csv, "
            "FORCE_NOT_NULL (case_number, case_title, department, document_number, "
            "document_title, direction, party, party_type, secrecy))",
            buffer,
        )
        cursor.execute(UPSERT_CASES)
        changed_cases = cursor.fetchall()
        result.cases_created += sum(created for _, created in changed_cases)
        cursor.execute(UPSERT_DOCUMENTS)
        created = sum(created for (created,) in cursor.fetchall())
        result.documents_created += created
        result.documents_updated += len(batch) - created
        # A case whose title or department changed: its documents outside this batch search
        # by the new words too.
        retitled = [pk for pk, created in changed_cases if not created]
        if retitled:
            update_search_vectors(set(retitled))


class _Checker:
    """Checks rows one by one and remembers the wrong ones and every document seen, to report
    a document that appears twice in the file."""

    def __init__(self):
        self.municipalities = dict(Municipality.objects.values_list("slug", "pk"))
        self.errors: list[RowError] = []
        self.total_errors = 0
        self.seen: dict[bytes, int] = {}

    def check(self, number: int, raw) -> Row | None:
        try:
            row = check_row(raw, self.municipalities)
        except ValueError as error:
            self._error(number, str(error))
            return None
        # 16 bytes per document instead of the whole key: a million rows fit in memory.
        fingerprint = hashlib.blake2b(
            "\x1f".join(map(str, row.key)).encode(), digest_size=16
        ).digest()
        first = self.seen.setdefault(fingerprint, number)
        if first != number:
            self._error(number, f"samma handling som rad {first} (dubblett)")
            return None
        return row

    def _error(self, number: int, reason: str) -> None:
        self.total_errors += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(RowError(number, reason))


class _CheckedBatches(threading.Thread):
    """Reads and checks the rows in a thread of its own and hands over the checked rows in
    batches, so that checking (Python) and writing (PostgreSQL, which lets go of Python while
    it works) run at the same time. Touches no database: the writing stays in the caller's
    thread and transaction. After the first wrong row it hands over no more rows, only checks
    the rest. Ends with (number of rows, []) or, if reading failed, the exception."""

    def __init__(self, rows: Callable[[], Iterable[dict]], checker: "_Checker", size: int):
        super().__init__(name="diary-import-check", daemon=True)
        self.rows = rows
        self.checker = checker
        self.size = size
        self.batches: queue.Queue = queue.Queue(maxsize=2)  # bounded: a few batches in memory
        self.stopped = threading.Event()

    def run(self):
        try:
            batch: list[Row] = []
            number = 0
            for number, raw in enumerate(self.rows(), start=1):
                row = self.checker.check(number, raw)
                if self.checker.total_errors:
                    batch = []  # a rejected file: check the rest, hand over nothing more
                    if self.stopped.is_set():  # the writer failed: nobody waits for the rest
                        return
                    continue
                batch.append(row)
                if len(batch) == self.size:
                    if not self._hand_over((number, batch)):
                        return
                    batch = []
            if not batch or self._hand_over((number, batch)):
                self._hand_over((number, []))
        except BaseException as error:  # noqa: BLE001 - re-raised in the writing thread
            self._hand_over(error)

    def _hand_over(self, item) -> bool:
        """Put the item in the queue unless the writer has stopped waiting for it."""
        while not self.stopped.is_set():
            try:
                self.batches.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Iterator[tuple[int, list[Row]]]:
        """(rows read so far, batch) until the last, whose batch is empty."""
        while True:
            item = self.batches.get()
            if isinstance(item, BaseException):
                raise item
            yield item
            if not item[1]:
                return


def _foreign_keys_checked_per_statement(cursor) -> list[str]:
    """Have PostgreSQL check the diary tables' foreign keys after each statement rather than at
    the commit: the same work, but done while the next batch is being checked instead of at the
    end, when nothing else is left to do, and no queue of a million pending checks. Returns the
    constraints, to be deferred again afterwards (an import may run in a longer transaction)."""
    cursor.execute(
        "SELECT conname FROM pg_constraint WHERE contype = 'f' AND condeferred "
        "AND conrelid IN ('diary_document'::regclass, 'diary_case'::regclass)"
    )
    names = [connection.ops.quote_name(name) for (name,) in cursor.fetchall()]
    if names:
        cursor.execute(f"SET CONSTRAINTS {', '.join(names)} IMMEDIATE")
    return names


def import_rows(
    rows: Callable[[], Iterable[dict]],
    *,
    progress: Callable[[int, int | None, float], None] | None = None,
    batch_size: int = BATCH_SIZE,
    total: int | None = None,
) -> ImportResult:
    """Check and import the rows that `rows()` yields, in one pass and one transaction.

    Raises ImportRejected, having kept nothing, when any row is wrong. `progress(done, total,
    seconds)` is called after each batch written; `total` is what the caller knows of the
    number of rows beforehand (None: unknown). `rows()` is read in another thread, so it must
    not use the database.
    """
    started = time.monotonic()
    checker = _Checker()
    result = ImportResult()
    registers: dict = {}
    postgresql = connection.vendor == "postgresql"
    write = _write_batch_copy if postgresql else _write_batch
    number = 0
    batches = _CheckedBatches(rows, checker, batch_size)
    with transaction.atomic():
        deferred = []
        if postgresql:
            with connection.cursor() as cursor:
                deferred = _foreign_keys_checked_per_statement(cursor)
        batches.start()
        try:
            for number, batch in batches:
                if batch and not checker.total_errors:
                    write(batch, registers, result)
                    if progress:
                        progress(number, total, time.monotonic() - started)
        finally:
            batches.stopped.set()
            batches.join()
        if checker.total_errors:
            # Leaving the block by this exception rolls back what was written.
            raise ImportRejected(checker.errors, checker.total_errors)
        if deferred:
            with connection.cursor() as cursor:
                cursor.execute(f"SET CONSTRAINTS {', '.join(deferred)} DEFERRED")
    result.rows = number
    result.seconds = time.monotonic() - started
    return result


def count_rows(path: Path) -> int | None:
    """The number of rows of a CSV file, counted by its line ends (cheap even for a million
    rows); a quoted value with a line break in it makes this a little too high. None for JSON,
    whose rows are only known once it is parsed."""
    path = Path(path)
    if path.suffix.lower() != ".csv":
        return None
    lines, last = 0, b"\n"
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    if last != b"\n":
        lines += 1  # the last row has no line end
    return max(lines - 1, 0)  # less the header


def import_file(path, **kwargs) -> ImportResult:
    kwargs.setdefault("total", count_rows(path))
    return import_rows(lambda: read_file(path), **kwargs)
