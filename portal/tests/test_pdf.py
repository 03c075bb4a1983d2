"""The PDFs the portal writes (portal.pdf): PDF/UA-1 from a template, with the title in the
window and in well-formed metadata, the language, embedded subset fonts that print every
letter the residents' names have, and "Sida X av Y" with the sender on every page."""

import io

import pikepdf

from portal.pdf import render_pdf

from .pdf_inspection import (
    extracted_text,
    fonts,
    page_count,
    structure_types,
    unembedded_fonts,
    xmp,
)

NAMES = "Łukasz Wójcik-Čeněk Ŋaavre, Đurđa Šimić, Øystein Ærø, Åsa Örn ≥ 3 → 4"


def render(title="Bygglov & strandskydd", paragraphs=(NAMES,), **kwargs):
    return render_pdf(
        "portal/pdf/document.html",
        {
            "paragraphs": list(paragraphs),
            "facts": ["Ansvarig: Åsa Örn"],
            "sections": [("Skäl", "Första raden.")],
        },
        title=title,
        sender="Åmåls kommun · Box 62, 662 22 Åmål",
        **kwargs,
    )


def test_the_pdf_declares_pdf_ua_1_with_its_title_and_language_in_well_formed_metadata():
    pdf = pikepdf.open(io.BytesIO(render()))
    with pdf.open_metadata() as meta:
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == "Bygglov & strandskydd"
    root = xmp(pdf)  # an unescaped "&" would not parse
    assert "Bygglov & strandskydd" in "".join(root.itertext())
    assert str(pdf.docinfo["/Title"]) == "Bygglov & strandskydd"
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
    assert str(pdf.Root.Lang) == "sv"
    assert bool(pdf.Root.MarkInfo.Marked) is True


def test_every_font_is_embedded_and_subset_and_every_letter_survives():
    content = render()
    pdf = pikepdf.open(io.BytesIO(content))
    assert fonts(pdf)
    assert unembedded_fonts(pdf) == []
    for font in fonts(pdf):
        # DejaVu Sans, subset: the name starts with six capitals and "+".
        assert str(font.BaseFont)[7:] in ("+DejaVu-Sans", "+DejaVu-Sans-Bold"), font.BaseFont
    assert NAMES in extracted_text(content)


def test_the_structure_tree_has_the_headings_in_order_the_paragraphs_and_the_list():
    types = structure_types(pikepdf.open(io.BytesIO(render())))
    # The sender, the title, the paragraph, the list of facts, the heading and its text.
    assert [t for t in types if t in ("H1", "H2", "P", "L")] == ["P", "H1", "P", "L", "H2", "P"]
    assert "LI" in types and "LBody" in types


def test_a_long_text_flows_onto_further_pages_numbered_sida_x_av_y_with_the_sender():
    long_paragraph = " ".join(f"ord{number}" for number in range(3000))
    content = render(paragraphs=[long_paragraph])
    pages = page_count(content)
    assert pages > 1
    text = extracted_text(content)
    assert all(f"ord{number}" in text.split() for number in range(3000))
    assert f"Sida 1 av {pages}" in text and f"Sida {pages} av {pages}" in text
    assert text.count("Box 62, 662 22 Åmål") >= pages
