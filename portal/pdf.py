"""Accessible PDF output: the documents the portal generates (the decision of a case, the
printable forms, the register files and attachments of the demo) are Django templates that
WeasyPrint turns into PDF/UA-1.

`render_pdf` renders a template that extends "portal/pdf/base.html" and returns the PDF's bytes.
The print stylesheet (portal/pdf/print.css) sets A4 pages with margins, the sender (the
municipality's name and address) and "Sida X av Y" in the footer. The font is DejaVu Sans from
the Debian package fonts-dejavu-core, embedded and subset, so Swedish, Nordic, Sámi and Central
European letters (å, ø, Ŋ, đ, Ł, Č, ě) and signs such as ≥ and → print as written. WeasyPrint
tags the structure (headings, paragraphs, lists, tables) from the HTML, writes the title and the
language into the document and the XMP metadata, and marks the header and footer as artifacts.

WeasyPrint 70 writes one PDF variant at a time: PDF/A-3a (archival and tagged) and PDF/UA-1
cannot both be declared in one file, so every document, decisions included, is PDF/UA-1.
"""

from pathlib import Path

from django.template.loader import render_to_string

PDF_UA_1 = "pdf/ua-1"
STYLESHEET = Path(__file__).parent / "templates" / "portal" / "pdf" / "print.css"


def render_pdf(
    template_name: str,
    context: dict | None = None,
    *,
    title: str,
    lang: str = "sv",
    variant: str = PDF_UA_1,
    author: str = "",
    sender: str = "",
) -> bytes:
    """The PDF of `template_name` rendered with `context`.

    `title` is shown in the PDF reader's window and heads the document's metadata; `lang` is the
    document's language; `sender` (the municipality's name and address) is printed in every
    page's footer; `variant` is one of WeasyPrint's PDF variants."""
    # Imported here: WeasyPrint loads Pango when imported, which only PDF output needs.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(
        template_name,
        {
            **(context or {}),
            "pdf_title": title,
            "pdf_lang": lang,
            "pdf_author": author,
            "pdf_sender": sender,
        },
    )
    # Only local files (the stylesheet and the fonts): a document never fetches from the network.
    fetcher = URLFetcher(allowed_protocols={"file"})
    document = HTML(string=html, base_url=str(STYLESHEET.parent), url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[str(STYLESHEET)], pdf_variant=variant)


def municipality_sender(municipality) -> str:
    """The sender line of a municipality's document: its name, postal address and phone."""
    if municipality is None:
        return ""
    parts = [municipality.name, municipality.postal_address, municipality.phone]
    return " · ".join(part for part in parts if part)
