"""The paper forms (blanketter) that still exist, printed as PDFs from
demo/citizen/printable-forms.toml.

Some people cannot or will not use a web form: no e-ID, protected personal data, a certificate
only on paper. For them the municipality keeps a printable form, made at seed time with the
portal's tagged-PDF writer (portal/pdf.py). `FORMS` holds the content; `SERVICE_DOCUMENTS` says
which service pages link to which form: service slug → [(form key, Swedish link text, English
link text)].
"""

from portal.pdf import TaggedPdf

from . import records


def build_pdf(form: dict) -> bytes:
    pdf = TaggedPdf(form["title"], form["author"])
    pdf.heading(form["title"])
    for text in form["intro"]:
        pdf.paragraph(text)
    for section in form["section"]:
        pdf.heading(section["heading"], level=2)
        for item in section["items"]:
            if "field" in item:
                pdf.field(item["field"], item.get("lines", 1))
            elif "check" in item:
                pdf.checkbox(item["check"])
            elif "text" in item:
                pdf.paragraph(item["text"])
            elif "signature" in item:
                pdf.signature(item["signature"])
    pdf.heading("Skicka blanketten till", level=2)
    for line in form["send_to"]:
        pdf.paragraph(line)
    return pdf.render()


FORMS = {form["key"]: form for form in records("printable-forms")["form"]}
SERVICE_DOCUMENTS = {}
for _key, _form in FORMS.items():
    for _link in _form.get("service", []):
        SERVICE_DOCUMENTS.setdefault(_link["slug"], []).append(
            (_key, _link["title"], _link["title_en"])
        )
