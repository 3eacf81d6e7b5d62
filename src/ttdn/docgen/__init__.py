"""Official documents in the Nghị định 30/2020 (and Hướng dẫn 36) layout: DOCX, PDF, XLSX.

Pure Python; no Django. Build an :class:`OfficialDocument`, then call :func:`render_docx` or
:func:`render_pdf` (or :func:`render_html` for a browser preview); annex tables go to XLSX
with :func:`render_xlsx`.
"""

from ttdn.docgen.model import (
    MOTTO,
    NATIONAL_TITLE,
    PARTY_TITLE,
    Block,
    DocumentFormat,
    Heading,
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
    format_issue_date,
    short_date,
)
from ttdn.docgen.pdf import render_html, render_pdf
from ttdn.docgen.sheet import Cell, Sheet, render_xlsx
from ttdn.docgen.word import render_docx

__all__ = [
    "MOTTO",
    "NATIONAL_TITLE",
    "PARTY_TITLE",
    "Block",
    "Cell",
    "DocumentFormat",
    "Heading",
    "OfficialDocument",
    "Paragraph",
    "Sheet",
    "Signature",
    "Table",
    "format_issue_date",
    "render_docx",
    "render_html",
    "render_pdf",
    "render_xlsx",
    "short_date",
]
