from django.db import migrations


def create_locales(apps, schema_editor):
    """Swedish comes with Wagtail's first migration (LANGUAGE_CODE); English is served at /en/."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("sv", "en"):
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
