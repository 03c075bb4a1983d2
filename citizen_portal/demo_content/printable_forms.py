"""The paper forms (blanketter) that still exist, printed as PDFs from
demo/citizen/printable-forms.toml.

Some people cannot or will not use a web form: no e-ID, protected personal data, a certificate
only on paper. For them the municipality keeps a printable form, made at seed time from a
template as a PDF/UA-1 file (portal/pdf.py). `FORMS` holds the content; `SERVICE_DOCUMENTS` says
which service pages link to which form: service slug → [(form key, Swedish link text, English
link text)].
"""

from portal.pdf import render_pdf

from . import records

# The height of a box to write in, per line, in millimetres.
LINE_HEIGHT_MM = 8


def build_pdf(form: dict) -> bytes:
    """The form as a PDF/UA-1 file (template citizen_portal/pdf/printable_form.html)."""
    sections = [
        {
            **section,
            "items": [
                {**item, "height_mm": LINE_HEIGHT_MM * item.get("lines", 1)}
                for item in section["items"]
            ],
        }
        for section in form["section"]
    ]
    return render_pdf(
        "citizen_portal/pdf/printable_form.html",
        {"form": {**form, "section": sections}},
        title=form["title"],
        author=form["author"],
        sender=form["author"],
    )


FORMS = {form["key"]: form for form in records("printable-forms")["form"]}
SERVICE_DOCUMENTS = {}
for _key, _form in FORMS.items():
    for _link in _form.get("service", []):
        SERVICE_DOCUMENTS.setdefault(_link["slug"], []).append(
            (_key, _link["title"], _link["title_en"])
        )
