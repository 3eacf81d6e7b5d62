"""OfficialDocument → DOCX (python-docx), in the Nghị định 30/2020 layout."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from ttdn.docgen.model import MOTTO, Heading, OfficialDocument, Paragraph, Signature, Table

FONT = "Times New Roman"
#: Printable width of A4 between the decree's margins is about 16 cm; the header columns split
#: it so that "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12–13 pt bold) fits on one line.
LEFT_COLUMN_CM = 6.6
RIGHT_COLUMN_CM = 9.4

_Cell = Any  # python-docx ships no type information
_Para = Any


def render_docx(doc: OfficialDocument) -> bytes:
    """Render the document to DOCX bytes (A4, the decree's margins, Times New Roman)."""
    word = docx.Document()
    _page_setup(word, doc)
    _base_style(word, doc)
    _header(word, doc)
    _title(word, doc)
    for block in doc.body:
        if isinstance(block, Heading):
            _heading(word, block, doc)
        elif isinstance(block, Paragraph):
            _paragraph(word, block, doc)
        elif isinstance(block, Table):
            _table(word, block)
    _closing(word, doc)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _page_setup(word: Any, doc: OfficialDocument) -> None:
    top, right, bottom, left = doc.margins_mm
    section = word.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(10)
    # Page numbers at the top centre from page 2 on (Nghị định 30, Phụ lục I §3).
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(header, "PAGE", size=doc.font_size - 1)


def _base_style(word: Any, doc: OfficialDocument) -> None:
    style = word.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(doc.font_size)
    # Word picks the font per script; without eastAsia/cs some Vietnamese runs fall back.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    paragraph_format = style.paragraph_format
    paragraph_format.space_before = Pt(0)
    paragraph_format.space_after = Pt(0)
    paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _run(
    paragraph: _Para,
    text: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> Any:
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    return run


def _line(
    cell: _Cell,
    text: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    first: bool = False,
) -> _Para:
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Cm(0)
    _run(paragraph, text, size=size, bold=bold, italic=italic)
    return paragraph


def _rule_under(cell: _Cell, width_cm: float, column_cm: float) -> None:
    """Draw the short solid line under the issuing body / Tiêu ngữ (Phụ lục I §1, §2).

    A paragraph border spans the paragraph's indents, so an empty 2 pt paragraph with a top
    border and symmetric indents gives a centred line of the wanted length in Word and
    LibreOffice alike, without drawing shapes.
    """
    paragraph = cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    side = max((column_cm - width_cm) / 2, 0)
    paragraph.paragraph_format.left_indent = Cm(side)
    paragraph.paragraph_format.right_indent = Cm(side)
    _run(paragraph, "", size=2)
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    p_pr.append(borders)


def _text_width_cm(text: str, size: float, *, bold: bool) -> float:
    # Times New Roman averages about half an em per character (a little more in bold).
    return len(text) * size * (0.52 if bold else 0.47) / 72 * 2.54


def _no_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _two_columns(word: Any, left_cm: float, right_cm: float) -> tuple[_Cell, _Cell]:
    table = word.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    # LibreOffice reads the grid (column) widths, Word the cell widths: set both.
    for column, width in zip(table.columns, (left_cm, right_cm), strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    left, right = table.rows[0].cells
    return left, right


def _header(word: Any, doc: OfficialDocument) -> None:
    left, right = _two_columns(word, LEFT_COLUMN_CM, RIGHT_COLUMN_CM)
    size = 13.0
    first = True
    if doc.parent_body:
        for text in doc.parent_body.splitlines():
            _line(left, text.upper(), size=size, first=first)
            first = False
    issuing_lines = doc.issuing_body.splitlines() or [""]
    for text in issuing_lines:
        _line(left, text.upper(), size=size, bold=True, first=first)
        first = False
    if doc.format == "party":
        _line(left, "*", size=size)
    else:
        longest = max(len(t) for t in issuing_lines)
        _rule_under(
            left, max(_text_width_cm("X" * longest, size, bold=True) / 2.5, 1.5), LEFT_COLUMN_CM
        )
    number = _line(left, doc.number_line, size=13)
    number.paragraph_format.space_before = Pt(6)
    if doc.is_letter and doc.subject:
        subject = _line(left, doc.subject, size=12)
        subject.paragraph_format.space_before = Pt(6)

    _line(right, doc.heading_title, size=size, bold=True, first=True)
    if doc.format == "party":
        rule_source = doc.heading_title
        _rule_under(right, _text_width_cm(rule_source, size, bold=True), RIGHT_COLUMN_CM)
    else:
        _line(right, MOTTO, size=14, bold=True)
        _rule_under(right, _text_width_cm(MOTTO, 14, bold=True), RIGHT_COLUMN_CM)
    date = _line(right, doc.date_line, size=14, italic=True)
    date.paragraph_format.space_before = Pt(6)


def _title(word: Any, doc: OfficialDocument) -> None:
    if doc.is_letter:
        if doc.addressees:
            paragraph = word.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_before = Pt(12)
            _run(paragraph, "Kính gửi: ", size=doc.font_size)
            _run(paragraph, "; ".join(doc.addressees) + ".", size=doc.font_size)
        return
    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(18)
    _run(paragraph, doc.doc_type.upper(), size=14, bold=True)
    for text in doc.title.splitlines():
        line = word.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(line, text, size=14, bold=True)
    if doc.title:
        spacer = word.add_paragraph()
        spacer.paragraph_format.space_after = Pt(6)


def _body_format(paragraph: _Para) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph_format = paragraph.paragraph_format
    paragraph_format.first_line_indent = Cm(1.27)
    paragraph_format.space_before = Pt(6)
    paragraph_format.line_spacing = 1.15


def _heading(word: Any, block: Heading, doc: OfficialDocument) -> None:
    paragraph = word.add_paragraph()
    _body_format(paragraph)
    _run(paragraph, block.text, size=doc.font_size, bold=True, italic=block.level >= 3)


def _paragraph(word: Any, block: Paragraph, doc: OfficialDocument) -> None:
    paragraph = word.add_paragraph()
    _body_format(paragraph)
    text = f"- {block.text}" if block.bullet else block.text
    _run(paragraph, text, size=doc.font_size, bold=block.bold, italic=block.italic)


def _table(word: Any, block: Table) -> None:
    if block.caption:
        caption = word.add_paragraph()
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.paragraph_format.space_before = Pt(6)
        _run(caption, block.caption, size=13, bold=True)
    rows = [*block.rows, *([block.totals] if block.totals else [])]
    table = word.add_table(rows=1 + len(rows), cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        _cell_text(cell, text, bold=True, center=True)
    for index, (row, values) in enumerate(zip(table.rows[1:], rows, strict=True)):
        is_total = block.totals is not None and index == len(rows) - 1
        for column, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            _cell_text(cell, text, bold=is_total, center=column > 0)
    word.add_paragraph()


def _cell_text(cell: _Cell, text: str, *, bold: bool, center: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    _run(paragraph, text, size=12, bold=bold)


def _closing(word: Any, doc: OfficialDocument) -> None:
    if not doc.recipients and doc.signature is None:
        return
    word.add_paragraph()
    left, right = _two_columns(word, 7.5, 8.5)
    if doc.recipients:
        label = _line(left, "Nơi nhận:", size=12, bold=True, italic=True, first=True)
        label.alignment = WD_ALIGN_PARAGRAPH.LEFT
        for index, recipient in enumerate(doc.recipients):
            end = "." if index == len(doc.recipients) - 1 else ";"
            text = recipient if recipient.endswith((";", ".")) else f"{recipient}{end}"
            item = _line(left, f"- {text}", size=11)
            item.alignment = WD_ALIGN_PARAGRAPH.LEFT
    if doc.signature is not None:
        _signature(right, doc.signature, size=doc.font_size)


def _signature(cell: _Cell, signature: Signature, *, size: float) -> None:
    first = True
    for text in signature.lines:
        _line(cell, text, size=size, bold=True, first=first)
        first = False
    for _ in range(4):  # room for the signature and the seal
        _line(cell, "", size=size, first=first)
        first = False
    _line(cell, signature.name, size=size, bold=True)


def _field(paragraph: _Para, instruction: str, *, size: float) -> None:
    run = _run(paragraph, "", size=size)
    begin, text, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)
