"""The editor groups, collections and review workflows (portal.identity.editor_groups) for an
installation that already has its municipalities and pages.

On a new, empty database there is nothing to attach them to yet: the demo seeder or
`manage.py setup_editor_groups` makes them once the pages exist, and either may be run again at
any time. The function reads only the columns it needs from the portal's page models, so later
fields on them do not break this migration."""

from django.db import migrations


def setup(apps, schema_editor):
    from portal.identity.editor_groups import setup_editor_groups
    from portal.models import Municipality

    if Municipality.objects.exists():
        setup_editor_groups()


class Migration(migrations.Migration):
    dependencies = [
        ("identity", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("citizen_portal", "0003_forms_files_references"),
        ("employee_portal", "0003_review_audience_notices"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
