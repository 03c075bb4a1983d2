"""`import_diary`: CSV and JSON in, publication rules applied, re-import updates, a file with a
wrong row imports nothing."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from citizen_portal.diary.importer import FIELDS, ImportRejected, import_file, import_rows
from citizen_portal.diary.models import Case, Document, Register
from citizen_portal.diary.publication import MASKED_NUMBER

pytestmark = pytest.mark.django_db

ROWS = [
    {
        "municipality": "amal",
        "register": "KS",
        "case_number": "2099-00014",
        "case_title": "Detaljplan för Västerbyn 1:12",
        "document_number": "2099-00014-1",
        "document_title": "Begäran om planbesked",
        "document_date": "2026-01-10",
        "registered_date": "2026-01-12",
        "direction": "in",
        "party": "Anna Svensson",
        "party_type": "private",
        "department": "Samhällsbyggnadsförvaltningen",
        "secrecy": "",
    },
    {
        "municipality": "amal",
        "register": "KS",
        "case_number": "2099-00014",
        "case_title": "Detaljplan för Västerbyn 1:12",
        "document_number": "2099-00014-2",
        "document_title": "Yttrande, fastighetsägare 19121212-1212",
        "document_date": "",
        "registered_date": "2026-02-03",
        "direction": "in",
        "party": "Länsstyrelsen i Västra Götalands län",
        "party_type": "authority",
        "department": "Samhällsbyggnadsförvaltningen",
        "secrecy": "",
    },
    {
        "municipality": "mellerud",
        "register": "bun",
        "case_number": "BUN 2099/7",
        "case_title": "Skolplacering för elev med personnummer 640823-3234",
        "document_number": "BUN 2099/7-1",
        "document_title": "Utredning om Kalle Anka, född 640823-3234",
        "document_date": "2026-03-01",
        "registered_date": "2026-03-02",
        "direction": "internal",
        "party": "",
        "party_type": "",
        "department": "Barn- och utbildningsförvaltningen",
        "secrecy": "OSL 23 kap. 2 §",
    },
]


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_csv_file_imports_with_the_publication_rules_applied(tmp_path):
    call_command("import_diary", write_csv(tmp_path / "diarium.csv", ROWS), verbosity=0)

    case = Case.objects.get(register__municipality__slug="amal", case_number="2099-00014")
    first, second = case.documents.order_by("document_number")
    assert first.party == "" and first.display_party == "Privatperson"
    assert second.title == f"Yttrande, fastighetsägare {MASKED_NUMBER}"
    secret = Document.objects.get(document_number="BUN 2099/7-1")
    assert secret.title == ""
    assert secret.display_title == "Sekretessmarkerad handling (OSL 23 kap. 2 §)"
    assert "640823" not in secret.case.title
    assert secret.register.code == "BUN" and secret.direction == "internal"
    assert second.document_date is None


def test_re_importing_updates_instead_of_duplicating(tmp_path):
    path = write_csv(tmp_path / "diarium.csv", ROWS)
    import_file(path)
    new_title = "Detaljplan för Västerbyn 1:12 och 1:13"
    changed = [{**row, "case_title": new_title} for row in ROWS[:2]] + ROWS[2:]

    result = import_file(write_csv(tmp_path / "andra.csv", changed))

    assert (result.documents_created, result.documents_updated, result.cases_created) == (0, 3, 0)
    assert Document.objects.filter(case__case_number="2099-00014").count() == 2
    assert Case.objects.get(case_number="2099-00014").title.endswith("1:12 och 1:13")
    assert Register.objects.filter(municipality__slug="amal", code="KS").count() == 1


def test_the_same_case_number_in_two_registers_is_two_cases(tmp_path):
    other_board = {**ROWS[0], "register": "SBN", "document_number": "2099-00014-1"}

    import_file(write_csv(tmp_path / "diarium.csv", [ROWS[0], other_board]))

    assert Case.objects.filter(case_number="2099-00014").count() == 2


def test_a_json_file_imports_too(tmp_path):
    path = tmp_path / "diarium.json"
    path.write_text(json.dumps(ROWS), encoding="utf-8")

    result = import_file(path)

    assert result.rows == 3 and result.documents_created == 3


def test_a_file_with_one_wrong_row_imports_nothing_and_names_the_row(tmp_path):
    before = Document.objects.count()
    bad = {**ROWS[1], "registered_date": "3 februari 2026"}
    path = write_csv(tmp_path / "diarium.csv", [ROWS[0], bad, ROWS[2]])

    with pytest.raises(ImportRejected) as rejected:
        import_file(path)

    assert Document.objects.count() == before
    assert [error.row for error in rejected.value.errors] == [2]
    assert "registered_date" in rejected.value.errors[0].reason


def test_a_wrong_row_after_written_batches_takes_back_what_was_written(tmp_path):
    """The file is written batch by batch as it is read: a wrong row near the end must undo
    the new documents and the updates written before it."""
    import_file(write_csv(tmp_path / "first.csv", [ROWS[0]]))
    stored = Document.objects.get(document_number=ROWS[0]["document_number"])
    before = Document.objects.count()
    changed = {**ROWS[0], "document_title": "Ändrad rubrik som inte ska sparas"}
    bad = {**ROWS[2], "direction": "sideways"}
    path = write_csv(tmp_path / "diarium.csv", [changed, ROWS[1], bad])

    with pytest.raises(ImportRejected) as rejected:
        import_file(path, batch_size=1)

    assert [error.row for error in rejected.value.errors] == [3]
    assert Document.objects.count() == before
    stored.refresh_from_db()
    assert stored.title == ROWS[0]["document_title"]


def test_progress_is_reported_per_batch_against_the_counted_rows(tmp_path):
    calls = []
    path = write_csv(tmp_path / "diarium.csv", ROWS)

    import_file(path, batch_size=2, progress=lambda done, total, _s: calls.append((done, total)))

    assert calls == [(2, 3), (3, 3)]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"municipality": "goteborg"}, "okänd kommun"),
        ({"direction": "sideways"}, "direction"),
        ({"party_type": "alien"}, "party_type"),
        ({"party_type": ""}, "party_type saknas"),
        ({"case_number": ""}, "case_number saknas"),
        ({"document_title": ""}, "document_title saknas"),
        ({"register": "X" * 21}, "längre än 20"),
    ],
)
def test_each_kind_of_wrong_row_is_explained(tmp_path, change, reason):
    path = write_csv(tmp_path / "diarium.csv", [{**ROWS[0], **change}])

    with pytest.raises(ImportRejected) as rejected:
        import_file(path)

    assert reason in rejected.value.errors[0].reason


def test_a_document_twice_in_one_file_is_rejected(tmp_path):
    with pytest.raises(ImportRejected) as rejected:
        import_file(write_csv(tmp_path / "diarium.csv", [ROWS[0], ROWS[0]]))

    assert rejected.value.errors[0].row == 2
    assert "dubblett" in rejected.value.errors[0].reason


def test_the_command_exits_with_an_error_and_lists_the_rows(tmp_path, capsys):
    path = write_csv(tmp_path / "diarium.csv", [{**ROWS[0], "direction": "x"}, ROWS[1]])

    with pytest.raises(CommandError, match="1 felaktiga rader. Ingenting importerades"):
        call_command("import_diary", path)

    assert "rad 1: direction" in capsys.readouterr().err


def test_a_json_file_that_is_not_a_list_is_rejected(tmp_path):
    path = tmp_path / "diarium.json"
    path.write_text(json.dumps({"rows": ROWS}), encoding="utf-8")

    with pytest.raises(ImportRejected, match="1 felaktiga rader"):
        import_file(path)


def test_a_csv_file_without_the_required_columns_is_rejected(tmp_path):
    path = tmp_path / "diarium.csv"
    path.write_text("kommun;diarienummer\namal;1\n", encoding="utf-8")

    with pytest.raises(ImportRejected) as rejected:
        import_file(path)

    assert "rubrikraden saknar" in rejected.value.errors[0].reason


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search on PostgreSQL")
def test_the_import_keeps_the_swedish_search_vector_current(tmp_path):
    from django.contrib.postgres.search import SearchQuery

    import_file(write_csv(tmp_path / "diarium.csv", ROWS))

    found = Document.objects.filter(
        search_vector=SearchQuery("detaljplanen", config="swedish"),
        case__case_number__startswith="2099-",
    ).values_list("document_number", flat=True)
    assert set(found) == {"2099-00014-1", "2099-00014-2"}


def test_a_failure_while_reading_rows_imports_nothing_and_is_raised():
    """The rows are read and checked in a thread of their own: what goes wrong there reaches
    the caller, and the batches already written are rolled back."""
    before = Document.objects.count()

    def rows():
        yield from ROWS[:2]
        raise OSError("the disk went away")

    with pytest.raises(OSError, match="the disk went away"):
        import_rows(rows, batch_size=1)

    assert Document.objects.count() == before


def test_a_json_number_is_read_as_text_and_anything_else_is_explained():
    import_rows(lambda: [{**ROWS[0], "case_number": 2099, "document_number": 20991}])
    assert Document.objects.filter(case__case_number="2099", document_number="20991").exists()

    with pytest.raises(ImportRejected) as rejected:
        import_rows(lambda: [{**ROWS[0], "case_title": ["a", "list"]}])
    assert "case_title: ska vara text" in rejected.value.errors[0].reason


@pytest.mark.skipif(connection.vendor != "postgresql", reason="deferred constraints")
def test_the_import_leaves_foreign_keys_checked_at_the_commit_again():
    """The import has PostgreSQL check the diary's foreign keys per statement while it writes;
    in a longer transaction, what comes after it keeps the usual check at the commit."""
    import_rows(lambda: ROWS[:1])
    case = Case.objects.get(case_number="2099-00014")

    with connection.cursor() as cursor:
        # A document whose case does not exist yet: fine until the commit, when deferred.
        cursor.execute(
            "INSERT INTO diary_document (case_id, municipality_id, register_id, "
            "document_number, title, registered_date, direction, party, party_type, secrecy) "
            "SELECT %s, municipality_id, register_id, 'X-1', 'x', '2026-01-01', 'in', '', '', '' "
            "FROM diary_case WHERE id = %s",
            [case.pk + 1_000_000, case.pk],
        )
        cursor.execute("DELETE FROM diary_document WHERE document_number = 'X-1'")
