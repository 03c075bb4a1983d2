# Review dates on service pages (portal.models.ReviewedPageMixin). Existing pages get a date a
# year ahead; their owners then set each page's own.

import datetime

import django.db.models.deletion
from django.db import migrations, models


def a_year_ahead():
    return datetime.date.today() + datetime.timedelta(days=365)


class Migration(migrations.Migration):
    dependencies = [
        ("citizen_portal", "0003_forms_files_references"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="servicepage",
            name="review_by",
            field=models.DateField(
                default=a_year_ahead,
                help_text="Ägaren får en påminnelse före datumet. Efter datumet avpubliceras "
                "sidan tills någon bekräftar att innehållet stämmer.",
                verbose_name="granskas senast",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="servicepage",
            name="review_interval_months",
            field=models.PositiveSmallIntegerField(
                choices=[
                    (1, "1 månad"),
                    (3, "3 månader"),
                    (6, "6 månader"),
                    (12, "12 månader"),
                    (24, "24 månader"),
                ],
                default=12,
                verbose_name="giltig så länge efter bekräftelse",
            ),
        ),
        migrations.AddField(
            model_name="servicepage",
            name="reminded_for",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="påmind inför"
            ),
        ),
        migrations.AddField(
            model_name="servicepage",
            name="stale_since",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="inaktuell sedan"
            ),
        ),
        migrations.AddField(
            model_name="servicepage",
            name="stale_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="version som var publicerad",
            ),
        ),
    ]
