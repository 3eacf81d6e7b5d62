"""OfficialDocument → HTML → PDF (WeasyPrint), in the Nghị định 30/2020 layout.

Times New Roman is rarely installed on Linux servers; Liberation Serif (2.x, Debian
fonts-liberation2) is metric-compatible with it and covers every Vietnamese letter, so the
lines break where Word breaks them. It comes first in the stack: asked for "Times New Roman",
fontconfig answers with its alias, and pango then took Vietnamese italics from DejaVu Serif.
"""

from __future__ import annotations

from html import escape

from ttdn.docgen.model import MOTTO, Heading, OfficialDocument, Paragraph, Signature, Table

FONT_STACK = '"Liberation Serif", "Times New Roman", "DejaVu Serif", serif'


def render_pdf(doc: OfficialDocument) -> bytes:
    """Render the document to PDF bytes (A4, the decree's margins, page numbers from page 2)."""
    from weasyprint import HTML  # imported here: it takes 0.6 s and only PDF needs it

    pdf: bytes = HTML(string=render_html(doc)).write_pdf()
    return pdf


def render_html(doc: OfficialDocument) -> str:
    """Render the document as one self-contained HTML page (the source of the PDF)."""
    parts = [_header(doc), _title(doc)]
    parts.extend(_block(block) for block in doc.body)
    parts.append(_closing(doc))
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{escape(doc.doc_type)} {escape(doc.title)}</title>"
        f"<style>{_css(doc)}</style></head><body>{''.join(parts)}</body></html>"
    )


def _css(doc: OfficialDocument) -> str:
    top, right, bottom, left = doc.margins_mm
    size = doc.font_size
    return f"""
@page {{ size: A4; margin: {top}mm {right}mm {bottom}mm {left}mm;
  @top-center {{ content: counter(page); font-family: {FONT_STACK}; font-size: {size - 1}pt; }} }}
@page :first {{ @top-center {{ content: none; }} }}
body {{ font-family: {FONT_STACK}; font-size: {size}pt; line-height: 1.2; margin: 0; }}
table.hdr, table.end {{ width: 100%; border-collapse: collapse; }}
table.hdr td, table.end td {{ vertical-align: top; text-align: center; padding: 0; }}
table.hdr td.l {{ width: 41%; }} table.hdr td.r {{ width: 59%; }}
table.end td.l {{ width: 47%; text-align: left; }} table.end td.r {{ width: 53%; }}
.hdr p {{ margin: 0; font-size: 13pt; }}
.hdr .b {{ font-weight: bold; }}
.hdr .rule {{ display: inline-block; border-bottom: 0.6pt solid #000; padding-bottom: 1pt; }}
.hdr .short {{ width: 35%; margin: 3pt auto 0; border-top: 0.6pt solid #000; height: 0; }}
.hdr .motto {{ font-size: 14pt; }}
.hdr .num {{ margin-top: 6pt; }}
.hdr .subject {{ margin-top: 4pt; font-size: 12pt; }}
.hdr .date {{ margin-top: 8pt; font-style: italic; font-size: 14pt; }}
.doctype {{ margin: 20pt 0 0; text-align: center; font-weight: bold; font-size: 14pt; }}
.title {{ margin: 0 0 12pt; text-align: center; font-weight: bold; font-size: 14pt; }}
.to {{ margin: 14pt 0 6pt; text-align: center; }}
p.body, h2, h3, h4 {{ margin: 6pt 0 0; text-indent: 1.27cm; text-align: justify;
  line-height: 1.3; font-size: {size}pt; }}
h2, h3 {{ font-weight: bold; page-break-after: avoid; }}
h4 {{ font-weight: bold; font-style: italic; page-break-after: avoid; }}
.i {{ font-style: italic; }} .bo {{ font-weight: bold; }}
table.grid {{ width: 100%; border-collapse: collapse; margin: 6pt 0; font-size: 12pt; }}
table.grid th, table.grid td {{ border: 0.6pt solid #000; padding: 2pt 4pt; }}
table.grid th {{ text-align: center; }}
table.grid td.n {{ text-align: center; }} table.grid tr.total td {{ font-weight: bold; }}
.caption {{ text-align: center; font-weight: bold; margin: 8pt 0 0; font-size: 13pt; }}
table.end {{ margin-top: 14pt; page-break-inside: avoid; }}
.recipients p {{ margin: 0; font-size: 11pt; }}
.recipients p.label {{ font-size: 12pt; font-weight: bold; font-style: italic; }}
.sign p {{ margin: 0; font-weight: bold; }}
.sign .space {{ height: 2.6cm; }}
"""


def _lines(text: str, css: str) -> str:
    return "".join(f'<p class="{css}">{escape(line.upper())}</p>' for line in text.splitlines())


def _header(doc: OfficialDocument) -> str:
    left = _lines(doc.parent_body, "") if doc.parent_body else ""
    left += _lines(doc.issuing_body, "b")
    left += '<p class="b">*</p>' if doc.format == "party" else '<div class="short"></div>'
    left += f'<p class="num">{escape(doc.number_line).replace(" ", "&nbsp;")}</p>'
    if doc.is_letter and doc.subject:
        left += f'<p class="subject">{escape(doc.subject)}</p>'
    if doc.format == "party":
        right = f'<p class="b"><span class="rule">{escape(doc.heading_title)}</span></p>'
    else:
        right = (
            f'<p class="b">{escape(doc.heading_title)}</p>'
            f'<p class="b motto"><span class="rule">{escape(MOTTO)}</span></p>'
        )
    right += f'<p class="date">{escape(doc.date_line).replace("  ", "&nbsp;&nbsp;")}</p>'
    return (
        f'<table class="hdr"><tr><td class="l">{left}</td><td class="r">{right}</td></tr></table>'
    )


def _title(doc: OfficialDocument) -> str:
    if doc.is_letter:
        if not doc.addressees:
            return ""
        return f'<p class="to">Kính gửi: {escape("; ".join(doc.addressees))}.</p>'
    title = "<br>".join(escape(line) for line in doc.title.splitlines())
    return f'<p class="doctype">{escape(doc.doc_type.upper())}</p><p class="title">{title}</p>'


def _block(block: Heading | Paragraph | Table) -> str:
    if isinstance(block, Heading):
        tag = {1: "h2", 2: "h3"}.get(block.level, "h4")
        return f"<{tag}>{escape(block.text)}</{tag}>"
    if isinstance(block, Paragraph):
        css = " ".join(["body", *(["i"] if block.italic else []), *(["bo"] if block.bold else [])])
        text = f"- {block.text}" if block.bullet else block.text
        return f'<p class="{css}">{escape(text)}</p>'
    return _table(block)


def _table(block: Table) -> str:
    caption = f'<p class="caption">{escape(block.caption)}</p>' if block.caption else ""
    head = "".join(f"<th>{escape(text)}</th>" for text in block.header)
    body = "".join(
        "<tr>" + "".join(_cell(text, column) for column, text in enumerate(row)) + "</tr>"
        for row in block.rows
    )
    if block.totals:
        body += (
            '<tr class="total">'
            + "".join(_cell(text, column) for column, text in enumerate(block.totals))
            + "</tr>"
        )
    return (
        f'{caption}<table class="grid"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def _cell(text: str, column: int) -> str:
    css = ' class="n"' if column > 0 else ""
    return f"<td{css}>{escape(text)}</td>"


def _closing(doc: OfficialDocument) -> str:
    if not doc.recipients and doc.signature is None:
        return ""
    left = ""
    if doc.recipients:
        items = "".join(
            f"<p>- {escape(_recipient(text, last=index == len(doc.recipients) - 1))}</p>"
            for index, text in enumerate(doc.recipients)
        )
        left = f'<div class="recipients"><p class="label">Nơi nhận:</p>{items}</div>'
    right = _signature(doc.signature) if doc.signature else ""
    return (
        f'<table class="end"><tr><td class="l">{left}</td><td class="r">{right}</td></tr></table>'
    )


def _recipient(text: str, *, last: bool) -> str:
    if text.endswith((";", ".")):
        return text
    return f"{text}{'.' if last else ';'}"


def _signature(signature: Signature) -> str:
    lines = "".join(f"<p>{escape(line)}</p>" for line in signature.lines)
    return (
        f'<div class="sign">{lines}<div class="space"></div><p>{escape(signature.name)}</p></div>'
    )
