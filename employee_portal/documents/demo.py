"""Demo content for the document register, from demo/employee/documents.toml: policies,
guidelines, routines, templates and plans of the five municipalities and of all of Dalsland,
each with a small PDF/UA-1 file made at seed time from its text in demo/employee/documents/
(template portal/pdf/document.html, rendered by portal/pdf.py).

One routine has run out: it is in the admin, marked as expired, and employees never see it.
A document that exists (same title and municipality) is left as an editor may have changed it.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from portal.demo import load_records, read_fragment, seeder
from portal.models import Department, Municipality
from portal.pdf import municipality_sender, render_pdf

from .models import RegisterDocument


def sections(markdown: str) -> list[tuple[str, str]]:
    """(heading, text) of each "## " section of a document's text; a section's lines are one
    paragraph."""
    result = []
    for part in markdown.split("## ")[1:]:
        heading, _, text = part.partition("\n")
        result.append((heading.strip(), " ".join(text.split())))
    return result


def documents() -> list[dict]:
    """The documents of demo/employee/documents.toml with their sections; no municipality is
    Dalsland-wide (None)."""
    return [
        {
            "municipality": None,
            **{key: value for key, value in item.items() if key != "file"},
            "sections": sections(read_fragment(f"employee/documents/{item['file']}")),
        }
        for item in load_records("employee/documents")["document"]
    ]


def build_pdf(item: dict, municipality: Municipality | None) -> bytes:
    author = municipality.name if municipality else "Dalslandskommunerna"
    facts = [f"Ansvarig: {item['owner']}"]
    if item["decided_by"]:
        facts.append(f"Beslutad av: {item['decided_by']}")
    if item["version"]:
        facts.append(f"Version: {item['version']}")
    return render_pdf(
        "portal/pdf/document.html",
        {"paragraphs": [item["description"]], "facts": facts, "sections": item["sections"]},
        title=item["title"],
        author=author,
        sender=municipality_sender(municipality) or author,
    )


@seeder(47)
def seed_document_register(stdout, style):
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    today = timezone.localdate()
    created = 0
    for item in documents():
        municipality = municipalities[item["municipality"]] if item["municipality"] else None
        if RegisterDocument.objects.filter(title=item["title"], municipality=municipality).exists():
            continue
        department = None
        if item.get("department"):
            department = Department.objects.get(municipality=municipality, slug=item["department"])
        document = RegisterDocument(
            title=item["title"],
            description=item["description"],
            category=item["category"],
            municipality=municipality,
            department=department,
            owner=item["owner"],
            owner_email=item["owner_email"],
            decided_by=item["decided_by"],
            version=item["version"],
            valid_until=today + datetime.timedelta(days=item["valid_days"]),
        )
        document.file.save("dokument.pdf", ContentFile(build_pdf(item, municipality)), save=False)
        document.full_clean()
        document.save()
        created += 1
    return f"{created} dokument i dokumentregistret"
