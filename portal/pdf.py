"""Accessible PDF output: a small tagged-PDF writer for the documents the portal generates
(decisions, printable forms, register files in the demo).

Pure Python, no dependency, the same bytes every run: each document has a title shown in the
window, the language sv-SE, and a structure tree (headings, paragraphs, the fields' labels) so a
screen reader reads it in order; boxes and lines to write in are marked as artifacts. It uses the
standard PDF fonts (Helvetica), which are not embedded, so the files are tagged PDFs but do not
claim PDF/UA.
"""

import re
import zlib

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN

# Helvetica's widths (per 1000 units) for the characters the forms use; others count as 556.
_NARROW = {
    " ": 278,
    ",": 278,
    ".": 278,
    ":": 278,
    ";": 278,
    "i": 222,
    "j": 222,
    "l": 222,
    "f": 278,
    "t": 278,
    "r": 333,
    "(": 333,
    ")": 333,
    "-": 333,
    "I": 278,
    "/": 278,
    "'": 191,
    "!": 278,
}
_WIDE = {"m": 833, "w": 722, "M": 833, "W": 944, "—": 1000, "–": 556, "%": 889, "@": 1015}
_CAPITALS = 667


def text_width(text: str, size: float, bold: bool = False) -> float:
    total = 0
    for char in text:
        if char in _NARROW:
            total += _NARROW[char]
        elif char in _WIDE:
            total += _WIDE[char]
        elif char.isupper():
            total += _CAPITALS + (55 if bold else 0)
        else:
            total += 556 + (55 if bold else 0)
    return total * size / 1000


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and text_width(candidate, size, bold) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def pdf_string(text: str) -> bytes:
    """A literal string in WinAnsiEncoding (cp1252 holds å, ä, ö, é, – and ”)."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + re.sub(rb"([()\\])", rb"\\\1", raw) + b")"


def pdf_text_string(text: str) -> bytes:
    """A text string for metadata (UTF-16 with a byte-order mark)."""
    raw = b"\xfe\xff" + text.encode("utf-16-be")
    return b"(" + re.sub(rb"([()\\])", rb"\\\1", raw) + b")"


class _Page:
    def __init__(self):
        self.ops: list[bytes] = []
        self.elements: list[tuple[str, int]] = []  # (structure type, MCID)


class TaggedPdf:
    """Lays out headings, paragraphs and fields top to bottom over as many A4 pages as needed.

    Every piece of text is a marked-content sequence with an MCID, owned by one structure
    element (H1, H2, P) in reading order; the boxes and lines are artifacts."""

    def __init__(self, title: str, author: str, language: str = "sv-SE"):
        self.title, self.author, self.language = title, author, language
        self.pages: list[_Page] = []
        self.structure: list[tuple[str, int, int]] = []  # (type, page index, MCID)
        self._new_page()

    def _new_page(self):
        self.pages.append(_Page())
        self.y = PAGE_HEIGHT - MARGIN

    def _ensure(self, height: float):
        if self.y - height < MARGIN:
            self._new_page()

    @property
    def page(self) -> _Page:
        return self.pages[-1]

    def _text(self, tag: str, lines: list[str], size: float, bold: bool, leading: float):
        self._ensure(leading * len(lines))
        mcid = len(self.page.elements)
        font = b"/F2" if bold else b"/F1"
        ops = [
            b"/%s <</MCID %d>> BDC BT %s %.1f Tf %.1f TL"
            % (tag.encode(), mcid, font, size, leading)
        ]
        ops.append(b"%d %.1f Td" % (MARGIN, self.y - size))
        for i, line in enumerate(lines):
            ops.append((b"T* " if i else b"") + pdf_string(line) + b" Tj")
        ops.append(b"ET EMC")
        self.page.ops.append(b"\n".join(ops))
        self.page.elements.append((tag, mcid))
        self.structure.append((tag, len(self.pages) - 1, mcid))
        self.y -= leading * len(lines)

    def _artifact(self, ops: bytes):
        self.page.ops.append(b"/Artifact BMC " + ops + b" EMC")

    def heading(self, text: str, level: int = 1):
        size = 18 if level == 1 else 13
        self.y -= 6 if level == 1 else 10
        self._text(f"H{level}", wrap(text, size, CONTENT_WIDTH, True), size, True, size * 1.3)
        self.y -= 4

    def paragraph(self, text: str, size: float = 10):
        self._text("P", wrap(text, size, CONTENT_WIDTH), size, False, size * 1.4)
        self.y -= 6

    def field(self, label: str, lines: int = 1):
        """A label and a box to write in, `lines` lines high."""
        height = 22 * lines
        self._ensure(14 + height + 10)
        self._text("P", wrap(label, 10, CONTENT_WIDTH, True), 10, True, 13)
        self.y -= 3
        self._artifact(
            b"0.6 G 0.8 w %d %.1f %d %d re S" % (MARGIN, self.y - height, CONTENT_WIDTH, height)
        )
        self.y -= height + 10

    def checkbox(self, label: str):
        self._ensure(20)
        self._artifact(b"0.4 G 0.8 w %d %.1f 11 11 re S" % (MARGIN, self.y - 11))
        lines = wrap(label, 10, CONTENT_WIDTH - 20)
        mcid = len(self.page.elements)
        ops = [
            b"/P <</MCID %d>> BDC BT /F1 10 Tf 14 TL %d %.1f Td" % (mcid, MARGIN + 20, self.y - 9)
        ]
        ops += [(b"T* " if i else b"") + pdf_string(line) + b" Tj" for i, line in enumerate(lines)]
        ops.append(b"ET EMC")
        self.page.ops.append(b"\n".join(ops))
        self.page.elements.append(("P", mcid))
        self.structure.append(("P", len(self.pages) - 1, mcid))
        self.y -= 14 * len(lines) + 6

    def signature(self, label: str):
        self._ensure(50)
        self.y -= 24
        self._artifact(b"0 G 0.8 w %d %.1f m %d %.1f l S" % (MARGIN, self.y, MARGIN + 240, self.y))
        self.y -= 4
        self._text("P", [label], 9, False, 12)

    def render(self) -> bytes:
        objects: dict[int, bytes] = {}
        # 1 catalog, 2 pages, 3 info, 4 font, 5 bold font, 6 struct tree root, 7 document
        # element, 8 parent tree, 9 metadata; then pages, contents, structure elements.
        next_id = 10
        page_ids, content_ids = [], []
        for _page in self.pages:
            page_ids.append(next_id)
            content_ids.append(next_id + 1)
            next_id += 2
        element_ids = list(range(next_id, next_id + len(self.structure)))

        for index, page in enumerate(self.pages):
            stream = zlib.compress(b"\n".join(page.ops))
            objects[content_ids[index]] = (
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
                + stream
                + b"\nendstream"
            )
            objects[page_ids[index]] = (
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /StructParents %d /Tabs /S >>"
                % (PAGE_WIDTH, PAGE_HEIGHT, content_ids[index], index)
            )
        for (tag, page_index, mcid), element_id in zip(self.structure, element_ids, strict=True):
            objects[element_id] = b"<< /Type /StructElem /S /%s /P 7 0 R /Pg %d 0 R /K %d >>" % (
                tag.encode(),
                page_ids[page_index],
                mcid,
            )
        nums = []
        for index in range(len(self.pages)):
            refs = [
                b"%d 0 R" % element_id
                for (tag, page_index, mcid), element_id in zip(
                    self.structure, element_ids, strict=True
                )
                if page_index == index
            ]
            nums.append(b"%d [%s]" % (index, b" ".join(refs)))
        kids = b" ".join(b"%d 0 R" % i for i in page_ids)
        language = pdf_string(self.language)
        metadata = (
            '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
            'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{self.title}</rdf:li></rdf:Alt>'
            f"</dc:title><dc:creator><rdf:Seq><rdf:li>{self.author}</rdf:li></rdf:Seq>"
            f"</dc:creator><dc:language><rdf:Bag><rdf:li>{self.language}</rdf:li></rdf:Bag>"
            '</dc:language></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
        ).encode()
        objects[1] = (
            b"<< /Type /Catalog /Pages 2 0 R /Lang %s /MarkInfo << /Marked true >> "
            b"/StructTreeRoot 6 0 R /Metadata 9 0 R "
            b"/ViewerPreferences << /DisplayDocTitle true >> >>" % language
        )
        objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
        objects[3] = b"<< /Title %s /Author %s /Producer (Dalslandsportalen) >>" % (
            pdf_text_string(self.title),
            pdf_text_string(self.author),
        )
        for number, name in ((4, b"Helvetica"), (5, b"Helvetica-Bold")):
            objects[number] = (
                b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % name
            )
        objects[6] = (
            b"<< /Type /StructTreeRoot /K 7 0 R /ParentTree 8 0 R /ParentTreeNextKey %d >>"
            % (len(self.pages))
        )
        objects[7] = b"<< /Type /StructElem /S /Document /P 6 0 R /K [%s] >>" % b" ".join(
            b"%d 0 R" % i for i in element_ids
        )
        objects[8] = b"<< /Nums [%s] >>" % b" ".join(nums)
        objects[9] = (
            b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(metadata)
            + metadata
            + b"\nendstream"
        )

        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for number in sorted(objects):
            offsets[number] = len(out)
            out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
        xref = len(out)
        size = max(objects) + 1
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for number in range(1, size):
            out += b"%010d 00000 n \n" % offsets[number]
        out += b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            size,
            xref,
        )
        return bytes(out)
