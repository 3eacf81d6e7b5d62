"""Files of a stored report: DOCX, PDF and the XLSX annex, from what the report stores."""

from __future__ import annotations

from ttdn.docgen import OfficialDocument, render_docx, render_pdf, render_xlsx
from ttdn.reports.document import annex_sheets, official_document
from ttdn.reports.models import ConsolidatedReport

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def document_of(report: ConsolidatedReport) -> OfficialDocument:
    return official_document(
        header=report.header,
        sections=report.sections,
        inputs=report.inputs,
        document_format=report.document_format,
    )


def render(report: ConsolidatedReport, file_format: str) -> bytes:
    """Render a ready report in one of CONTENT_TYPES' formats."""
    if file_format == "docx":
        return render_docx(document_of(report))
    if file_format == "pdf":
        return render_pdf(document_of(report))
    if file_format == "xlsx":
        return render_xlsx(annex_sheets(report.inputs))
    raise ValueError(file_format)


def filename(report: ConsolidatedReport, file_format: str) -> str:
    suffix = "phu-luc" if file_format == "xlsx" else "bao-cao"
    return f"{suffix}-{report.round.period_code}-{report.pk}.{file_format}"
