"""Reading the PDFs the portal writes (portal.pdf), for the tests that check them: the text as
a reader extracts it (pypdf), the fonts, the structure tree and the metadata (pikepdf)."""

import io
import xml.etree.ElementTree as ET

import pikepdf
from pypdf import PdfReader

FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def extracted_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def page_count(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


def _fonts(resources, seen):
    """The font dictionaries of `resources`, those of its form XObjects included."""
    if resources is None:
        return
    for font in (resources.get("/Font") or {}).values():
        yield font
        yield from font.get("/DescendantFonts") or []
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.objgen in seen:
            continue
        seen.add(xobject.objgen)
        yield from _fonts(xobject.get("/Resources"), seen)


def fonts(pdf: pikepdf.Pdf) -> list:
    seen = set()
    return [font for page in pdf.pages for font in _fonts(page.obj.get("/Resources"), seen)]


def unembedded_fonts(pdf: pikepdf.Pdf) -> list[str]:
    """The names of the fonts that have no font file in the PDF (a Type 0 font's file is in its
    descendant's descriptor)."""
    missing = []
    for font in fonts(pdf):
        if font.get("/Subtype") == "/Type0":
            continue
        descriptor = font.get("/FontDescriptor")
        if descriptor is None or not any(key in descriptor for key in FONT_FILES):
            missing.append(str(font.get("/BaseFont")))
    return missing


def structure_types(pdf: pikepdf.Pdf) -> list[str]:
    """The structure elements' types (H1, P, L, Table …) in document order."""
    types = []

    def walk(node):
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary):
            if "/S" in node and node.get("/Type", "/StructElem") == "/StructElem":
                types.append(str(node.S)[1:])
            if "/K" in node:
                walk(node.K)

    walk(pdf.Root.StructTreeRoot.get("/K"))
    return types


def xmp(pdf: pikepdf.Pdf) -> ET.Element:
    """The XMP metadata, parsed as XML (it fails if it is not well-formed)."""
    # The portal's own file, written in the test: not untrusted input.
    return ET.fromstring(pdf.Root.Metadata.read_bytes())  # noqa: S314
