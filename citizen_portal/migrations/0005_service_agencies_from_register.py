# Service pages link their agencies through the agency register instead of keeping their own
# name and address: each old block {name, url, description} becomes {agency, description}, the
# agency found by its address in the page's language, else in Swedish, else added to the
# register (as a national agency, for an administrator to check).

import json
import uuid

import wagtail.fields
from django.conf import settings
from django.db import migrations


def _normalised(url):
    return (url or "").strip().rstrip("/").lower()


def to_register(apps, schema_editor):
    Agency = apps.get_model("agencies", "Agency")
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.page_ptr_id, s.related_agencies, p.locale_id "
            "FROM citizen_portal_servicepage s JOIN wagtailcore_page p ON p.id = s.page_ptr_id"
        )
        rows = cursor.fetchall()
    for page_id, raw, locale_id in rows:
        blocks = json.loads(raw) if isinstance(raw, str) else (raw or [])
        if not blocks or all("agency" in (b.get("value") or {}) for b in blocks):
            continue
        converted = []
        for block in blocks:
            value = block.get("value") or {}
            url = _normalised(value.get("url"))
            candidates = [a for a in Agency.objects.all() if _normalised(a.url) == url]
            agency = next((a for a in candidates if a.locale_id == locale_id), None) or next(
                (a for a in candidates if default and a.locale_id == default.pk), None
            )
            if agency is None:
                agency = Agency.objects.create(
                    name=value.get("name") or value.get("url", "")[:200],
                    url=value.get("url", ""),
                    level="stat",
                    topics=[],
                    description=value.get("description", "")[:500],
                    locale_id=default.pk if default else locale_id,
                    translation_key=uuid.uuid4(),
                )
            converted.append(
                {
                    "type": "agency",
                    "id": block.get("id") or str(uuid.uuid4()),
                    "value": {"agency": agency.pk, "description": value.get("description", "")},
                }
            )
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE citizen_portal_servicepage SET related_agencies = %s WHERE page_ptr_id = %s",
                [json.dumps(converted), page_id],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("citizen_portal", "0004_service_page_review"),
        ("agencies", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(to_register, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="servicepage",
            name="related_agencies",
            field=wagtail.fields.StreamField(
                [("agency", 2)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.snippets.blocks.SnippetChooserBlock",
                        ("agencies.Agency",),
                        {"label": "Myndighet"},
                    ),
                    1: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Lämna tomt för att visa beskrivningen i myndighetsregistret.",
                            "label": "Vad gör man där?",
                            "required": False,
                        },
                    ),
                    2: ("wagtail.blocks.StructBlock", [[("agency", 0), ("description", 1)]], {}),
                },
                verbose_name="andra myndigheter",
            ),
        ),
    ]
