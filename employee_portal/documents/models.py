"""The document register of Medarbetarportalen: the policies, guidelines, routines, templates
and plans that employees work by, each with its owner and how long it is valid.

A document is one municipality's or shared by all of Dalsland (no municipality). Employees
see and open only documents still valid (`current`); editors keep those of their own
municipality, and the shared ones only with `manage_shared_documents` (wagtail_hooks.py).
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from portal.files import extension_of

from .files import (
    FILE_TYPES,
    get_register_storage,
    register_file_path,
    validate_register_file,
)

MANAGE_SHARED_PERMISSION = "employee_documents.manage_shared_documents"


class RegisterDocumentQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def current(self):
        """Still valid: the last day of validity is today or later."""
        return self.filter(valid_until__gte=timezone.localdate())

    def expired(self):
        return self.filter(valid_until__lt=timezone.localdate())

    def for_municipality(self, municipality_id):
        """This municipality's documents and those shared by all of Dalsland."""
        return self.filter(Q(municipality__isnull=True) | Q(municipality_id=municipality_id))


class RegisterDocument(index.Indexed, models.Model):
    """A shared document (styrdokument, rutin, mall) in the register."""

    class Category(models.TextChoices):
        POLICY = "policy", _("Policy")
        GUIDELINE = "riktlinje", _("Riktlinje")
        ROUTINE = "rutin", _("Rutin/instruktion")
        TEMPLATE = "mall", _("Mall/blankett")
        PLAN = "plan", _("Plan/program")

    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(
        _("sammanfattning"),
        max_length=600,
        help_text=_("Några meningar om vad dokumentet gäller och för vem."),
    )
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("kommun"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Tomt: gemensamt för hela Dalsland."),
    )
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("förvaltning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Frivilligt. Förvaltningen ska höra till den valda kommunen."),
    )
    owner = models.CharField(
        _("ansvarig"),
        max_length=150,
        help_text=_(
            "Funktion eller person som ansvarar för dokumentet, t.ex. HR-chef, Åmåls kommun."
        ),
    )
    owner_email = models.EmailField(_("ansvarigs e-post"))
    decided_by = models.CharField(
        _("beslutat av"),
        max_length=150,
        blank=True,
        help_text=_("Vem som beslutade och när, t.ex. Kommunfullmäktige 2024-03-20 § 45."),
    )
    valid_until = models.DateField(
        _("gäller till"),
        help_text=_("Sista dagen dokumentet gäller. Därefter visas det inte för medarbetarna."),
    )
    version = models.CharField(_("version"), max_length=20, blank=True)
    file = models.FileField(
        _("fil"),
        storage=get_register_storage,
        upload_to=register_file_path,
        max_length=200,
        validators=[validate_register_file],
        help_text=_("PDF, DOCX, XLSX eller ODT, högst 20 MB."),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("uppdaterad"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uppdaterad av"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RegisterDocumentQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.SearchField("owner"),
        index.FilterField("title"),
        index.FilterField("category"),
        index.FilterField("municipality"),
        index.FilterField("valid_until"),
        index.FilterField("updated_at"),
    ]

    class Meta:
        ordering = ["title"]
        # Not just "dokument": Wagtail's document library is called that in Swedish too.
        verbose_name = _("dokument i registret")
        verbose_name_plural = _("dokument i registret")
        permissions = [
            ("manage_shared_documents", _("Kan hantera dokument gemensamma för Dalsland")),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A replaced file is removed once the change is committed: an old version of an
        # internal document should not linger on disk, unreachable and unbacked by any row.
        previous = None
        if self.pk:
            previous = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        super().save(*args, **kwargs)
        if previous and previous != self.file.name:
            storage = self.file.storage
            transaction.on_commit(lambda: storage.delete(previous))

    def clean(self):
        department = self.department
        if department is not None and department.municipality_id != self.municipality_id:
            raise ValidationError(
                {"department": _("Förvaltningen hör till en annan kommun än den du valt.")}
            )

    @property
    def is_expired(self) -> bool:
        return self.valid_until < timezone.localdate()

    @property
    def municipality_label(self) -> str:
        if self.municipality_id:
            return self.municipality.name
        return str(_("Gemensamt för hela Dalsland"))

    @property
    def file_extension(self) -> str:
        return extension_of(self.file.name)

    @property
    def file_type(self) -> str:
        """What employees call the file: PDF, Word, Excel, OpenDocument-text."""
        entry = FILE_TYPES.get(self.file_extension)
        return entry.label if entry else self.file_extension.lstrip(".").upper()

    @property
    def content_type(self) -> str:
        entry = FILE_TYPES.get(self.file_extension)
        return entry.content_type if entry else "application/octet-stream"

    @property
    def file_size(self) -> int | None:
        try:
            return self.file.size
        except (FileNotFoundError, ValueError):
            return None

    @property
    def download_name(self) -> str:
        """The file's name on the employee's computer: the title, not the random stored name."""
        base = slugify(self.title)[:80] or "dokument"
        version = slugify(re.sub(r"\W+", "-", self.version))
        if version:
            base = f"{base}-v{version}"
        return f"{base}{self.file_extension}"


@receiver(post_delete, sender=RegisterDocument)
def delete_register_file(sender, instance, **kwargs):
    """A deleted document's file goes too, once the deletion is committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
