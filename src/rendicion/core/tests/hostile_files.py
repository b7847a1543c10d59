"""Crafted spreadsheets, built in memory in milliseconds: what an attacker or a broken tool sends.

The ZIP is written by hand so that a part may declare any size and a 400 MB part can be made of
one compressed block repeated (each block ends with a full flush, so blocks are independent).
"""

import struct
import zlib

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CONTENT_TYPES = (
    _HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
    '+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
ROOT_RELS = (
    _HEAD + f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/officeDocument"'
    ' Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    _HEAD + f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets>'
    '<sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    _HEAD + f'<Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOC}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
NAME_ROWS = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>'
)
SHARED = f'{_HEAD}<sst xmlns="{_MAIN}"><si><t>Nombre</t></si><si><t>Ana Gómez</t></si></sst>'


def sheet_xml(dimension: str, rows: str = NAME_ROWS) -> str:
    return (
        f'{_HEAD}<worksheet xmlns="{_MAIN}"><dimension ref="{dimension}"/>'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )


class _Part:
    def __init__(self, name: str, raw: bytes, crc: int, size: int, declared: int | None = None):
        self.name, self.raw, self.crc, self.size = name.encode(), raw, crc, size
        self.declared = size if declared is None else declared


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def _part(name: str, text: str | bytes, declared: int | None = None) -> _Part:
    data = text.encode() if isinstance(text, str) else text
    return _Part(name, _deflate(data), zlib.crc32(data), len(data), declared)


def _zip(parts: list[_Part]) -> bytes:
    out, central = bytearray(), bytearray()
    for part in parts:
        offset = len(out)
        sizes = (part.crc, len(part.raw), part.declared, len(part.name))
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, *sizes, 0)
        out += part.name + part.raw
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, *sizes, 0, 0, 0, 0, 0, offset
        )
        central += part.name
    count = len(parts)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count, len(central), len(out), 0)
    return bytes(out + central + end)


def workbook(
    *, dimension: str = "A1:A2", rows: str = NAME_ROWS, shared: _Part | None = None
) -> bytes:
    """A valid one-sheet XLSX (a name column, one person) with the given sheet XML pieces."""
    return _zip(
        [
            _part("[Content_Types].xml", CONTENT_TYPES),
            _part("_rels/.rels", ROOT_RELS),
            _part("xl/workbook.xml", WORKBOOK),
            _part("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            _part("xl/worksheets/sheet1.xml", sheet_xml(dimension, rows)),
            shared or _part("xl/sharedStrings.xml", SHARED),
        ]
    )


def huge_dimension() -> bytes:
    """~2 KB: declares all of A1:XFD1048576 and holds a cell there (calamine aborts on it)."""
    far = '<row r="1048576"><c r="XFD1048576" t="s"><v>1</v></c></row>'
    return workbook(dimension="A1:XFD1048576", rows=NAME_ROWS + far)


def far_apart_cells() -> bytes:
    """Declares a small range but holds a cell at XFD1048576: only the memory bound stops it."""
    far = '<row r="1048576"><c r="XFD1048576" t="s"><v>1</v></c></row>'
    return workbook(dimension="A1:A2", rows=NAME_ROWS + far)


def shared_strings_bomb(megabytes: int = 400) -> bytes:
    """About 1 MB on disk; its shared-strings part unpacks to `megabytes` MB of one string."""
    head = f'{_HEAD}<sst xmlns="{_MAIN}"><si><t>Nombre</t></si><si><t>'.encode()
    tail = b"</t></si></sst>"
    block = b"A" * 2**20
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    last = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(megabytes):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + megabytes * len(block) + len(tail)
    shared = _Part("xl/sharedStrings.xml", first + repeated * megabytes + last, crc, size)
    return workbook(shared=shared)


def lying_sizes(megabytes: int = 64) -> bytes:
    """Every size in the ZIP says 1 KB; the shared strings really unpack to `megabytes` MB."""
    text = SHARED.replace("Ana Gómez", "A" * (megabytes * 2**20)).encode()
    return workbook(shared=_part("xl/sharedStrings.xml", text, declared=1024))


def serial_dates() -> bytes:
    """A name, a birth date typed as the serial 32874 (1990-01-01) and consent as a form words it."""
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Nombre</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Fecha de nacimiento</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>Autorizo el tratamiento de mis datos</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Ana Gómez</t></is></c><c r="B2"><v>32874</v>'
        '</c><c r="C2" t="inlineStr"><is><t>Sí, autorizo</t></is></c></row>'
    )
    return workbook(dimension="A1:C2", rows=rows)


def long_line_csv(path, megabytes: int) -> None:
    """A CSV of one line `megabytes` MB long, written in 1 MB pieces."""
    with open(path, "wb") as out:
        out.write(b"Nombre,Autorizo,")
        piece = b"x" * 2**20
        for _ in range(megabytes):
            out.write(piece)
        out.write(b"\n")


def mixed_encoding_csv() -> bytes:
    """Accented headers in UTF-8, one person's line in Windows-1252 (as a hand-edited file)."""
    header = "Nombre,Número de documento,Correo electrónico,Teléfono,Autorizo\n".encode()
    utf8 = "Ana Gómez,1020,ana@example.com,3001234567,Sí\n".encode()
    cp1252 = "José Peña,2030,jose@example.com,3007654321,Sí\n".encode("cp1252")
    return header + utf8 + cp1252
