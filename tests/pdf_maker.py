"""A minimal PDF writer for the tests: pages of ruled tables with Chinese text, no dependency.

The text uses a Type 0 font with Identity-H encoding (character codes are the Unicode code
points) and a ToUnicode map, and no embedded font program: viewers substitute a font, and text
extraction (pdfplumber) reads the characters exactly.  A table is a list of rows; a cell is
text, or ``None`` to continue the cell above (a vertical merge: no rule between them).
"""

from __future__ import annotations

from collections.abc import Sequence

Table = Sequence[Sequence[str | None]]

FONT_SIZE = 9
ROW_HEIGHT = 16
PAGE_WIDTH, PAGE_HEIGHT = 842, 595  # A4 landscape


def _escape_hex(text: str) -> str:
    return "".join(f"{ord(char):04X}" for char in text if ord(char) <= 0xFFFF)


def _table_stream(table: Table, top: float) -> tuple[str, float]:
    columns = max(len(row) for row in table)
    widths = [24.0] * columns
    for row in table:
        for index, cell in enumerate(row):
            if cell:
                longest = max(len(line) for line in cell.split("\n"))
                widths[index] = max(widths[index], longest * FONT_SIZE + 6)
    scale = min(1.0, (PAGE_WIDTH - 40) / sum(widths))
    widths = [w * scale for w in widths]
    lefts = [20 + sum(widths[:i]) for i in range(columns)]
    parts: list[str] = ["0.5 w"]
    for r, row in enumerate(table):
        for c in range(columns):
            cell = row[c] if c < len(row) else ""
            if cell is None:
                continue
            span = 1
            while r + span < len(table) and c < len(table[r + span]) and table[r + span][c] is None:
                span += 1
            width = widths[c] if c < len(row) - 1 or len(row) == columns else sum(widths[c:])
            y = top - (r + span) * ROW_HEIGHT
            parts.append(f"{lefts[c]:.2f} {y:.2f} {width:.2f} {span * ROW_HEIGHT:.2f} re S")
            if cell:
                text_y = top - r * ROW_HEIGHT - ROW_HEIGHT + 4
                parts.append(
                    f"BT /F1 {FONT_SIZE} Tf {lefts[c] + 3:.2f} {text_y:.2f} Td "
                    f"<{_escape_hex(cell.replace(chr(10), ''))}> Tj ET"
                )
            if len(row) < columns and c == len(row) - 1:
                break
    return "\n".join(parts), top - len(table) * ROW_HEIGHT - 20


def make_pdf(pages: Sequence[Sequence[Table]], *, text: bool = True) -> bytes:
    """A PDF with one page per item, each holding its tables top to bottom.  With
    ``text=False`` the pages carry the rules only, as a scan without a text layer would."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    cmap_lines = "\n".join(f"<{h:02X}00> <{h:02X}FF> <{h:02X}00>" for h in range(256))
    cmap = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"256 beginbfrange\n{cmap_lines}\nendbfrange\n"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode()
    to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -120 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    )
    cid_font = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor %d 0 R /DW 1000 >>" % descriptor
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, to_unicode)
    )
    pages_id = len(objects) + 1 + 2 * len(pages)
    kids: list[int] = []
    for tables in pages:
        top = PAGE_HEIGHT - 30
        streams: list[str] = []
        for table in tables:
            stream, top = _table_stream(table, top)
            streams.append(stream)
        content = "\n".join(streams)
        if not text:
            content = "\n".join(line for line in content.splitlines() if not line.startswith("BT"))
        data = content.encode("ascii")
        stream_id = add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_id, PAGE_WIDTH, PAGE_HEIGHT, font, stream_id)
            )
        )
    kid_refs = b" ".join(b"%d 0 R" % k for k in kids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)
