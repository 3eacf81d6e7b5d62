"""Documents the renderer tests lay out: a provincial report and a department's công văn."""

from __future__ import annotations

import datetime as dt

from ttdn.docgen import Heading, OfficialDocument, Paragraph, Signature, Table


def provincial_report(**changes: object) -> OfficialDocument:
    fields: dict[str, object] = {
        "issuing_body": "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI",
        "symbol": "BC-UBND",
        "place": "Đồng Nai",
        "year": 2024,
        "doc_type": "Báo cáo",
        "title": "Kết quả triển khai công tác thông tin đối ngoại 6 tháng đầu năm 2024",
        "body": (
            Paragraph(
                "Thực hiện văn bản số 2608-CV/BTGTU ngày 10/6/2024 của Ban Tuyên giáo Tỉnh ủy; "
                "UBND tỉnh báo cáo kết quả như sau:"
            ),
            Heading("1. Công tác chỉ đạo, triển khai thực hiện"),
            Paragraph("Kế hoạch số 262/KH-UBND ngày 08/11/2023 về hoạt động TTĐN.", bullet=True),
            Heading("2. Kết quả thực hiện"),
            Heading("a) Đào tạo, tập huấn", level=2),
            Paragraph("Tổ chức 07 hội nghị tập huấn cho hơn 5.000 lượt cán bộ, đảng viên."),
            Table(
                header=("Đơn vị", "Hội nghị", "Lượt người"),
                rows=(
                    ("Sở Văn hóa, Thể thao và Du lịch", "04", "3.000"),
                    ("UBND TP Biên Hòa", "03", "2.100"),
                ),
                caption="Bảng 1. Tập huấn",
                totals=("Tổng cộng", "07", "5.100"),
            ),
            Paragraph("Trên đây là kết quả triển khai công tác thông tin đối ngoại./."),
        ),
        "signature": Signature(
            form="TM.",
            authority="Ủy ban nhân dân",
            title="KT. Chủ tịch\nPhó Chủ tịch",
            name="Nguyễn Văn Ấn",
        ),
        "recipients": (
            "Ban Tuyên giáo Tỉnh ủy",
            "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
            "Lưu: VT, KGVX",
        ),
    }
    fields.update(changes)
    return OfficialDocument(**fields)  # type: ignore[arg-type]


def correction_letter() -> OfficialDocument:
    return OfficialDocument(
        parent_body="UBND tỉnh Đồng Nai",
        issuing_body="Sở Văn hóa, Thể thao\nvà Du lịch",
        symbol="SVHTTDL-TTĐN",
        number="125",
        place="Đồng Nai",
        issued_on=dt.date(2025, 2, 5),
        subject="V/v đề nghị cải chính thông tin",
        addressees=("Tòa soạn Báo Điện tử ABC",),
        body=(
            Paragraph(
                "Ngày 03/02/2025, Báo Điện tử ABC đăng bài viết có thông tin chưa chính xác."
            ),
        ),
        signature=Signature(
            form="KT.", authority="Giám đốc", title="Phó Giám đốc", name="Trần Thị Bình"
        ),
        recipients=("Như trên", "Lưu: VT"),
    )
