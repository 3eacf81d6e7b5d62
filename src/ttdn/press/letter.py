"""The draft correction-request letter (công văn đề nghị cải chính), in the official format.

Filled into ``ttdn.docgen.OfficialDocument`` (Nghị định 30/2020 layout) and rendered by docgen;
the article is cited by outlet, date of publication, title and address. Number and signing
date stay blank for the văn thư, as in any draft.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from ttdn.docgen import OfficialDocument, Paragraph, Signature, render_docx, render_pdf, short_date
from ttdn.orgs.selectors import province_of
from ttdn.text import search_fold

if TYPE_CHECKING:
    from ttdn.press.models import Response


def _place(name: str) -> str:
    """Return "Đồng Nai" from "Ủy ban nhân dân tỉnh Đồng Nai"."""
    folded = search_fold(name)
    for marker in (" tinh ", " thanh pho "):
        index = folded.find(marker)
        if index >= 0:
            return name[index + len(marker) :].strip()
    return name


def correction_letter(response: Response) -> OfficialDocument:
    """Return the draft letter asking the outlet to correct the article of ``response``."""
    article = response.article
    owner = response.owner
    province = province_of(owner)
    published = (
        short_date(timezone.localtime(article.published_at).date()) if article.published_at else ""
    )
    on_day = f"Ngày {published}, " if published else ""
    body = [
        Paragraph(
            f"{on_day}{article.source.name} đăng tin, bài “{article.title}” tại địa chỉ "
            f"{article.url}."
        ),
        Paragraph(
            f"Qua theo dõi, {owner.name} nhận thấy tin, bài nêu trên có nội dung chưa chính xác"
            + (f": {response.note.strip()}" if response.note.strip() else ".")
        ),
        Paragraph(
            "Căn cứ Điều 42 Luật Báo chí năm 2016 về cải chính, đính chính, "
            f"{owner.name} đề nghị {article.source.name} kiểm tra, cải chính thông tin nêu trên "
            "theo quy định và thông báo kết quả cho cơ quan chúng tôi."
        ),
        Paragraph("Trân trọng./."),
    ]
    return OfficialDocument(
        parent_body=province.name if province and province.pk != owner.pk else "",
        issuing_body=owner.name,
        symbol=(owner.short_name or owner.code).upper().replace(" ", "") + "-TTĐN",
        place=_place(province.name) if province else "",
        year=timezone.localdate().year,
        subject="V/v đề nghị cải chính thông tin",
        addressees=(response.recipient or article.source.name,),
        body=tuple(body),
        signature=Signature(form="", authority="", title="Thủ trưởng đơn vị", name=""),
        recipients=("Như trên", "Lưu: VT"),
        metadata={"press_response": str(response.pk), "article_url": article.url},
    )


def correction_letter_docx(response: Response) -> bytes:
    return render_docx(correction_letter(response))


def correction_letter_pdf(response: Response) -> bytes:
    return render_pdf(correction_letter(response))
