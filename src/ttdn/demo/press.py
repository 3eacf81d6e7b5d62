"""Demo press monitoring for Đồng Nai: sources, ~20 articles written for the demo, a response.

The articles are short texts written for this demo (no real article is copied); they cover the
topics of the default taxonomy in Vietnamese and English, with one syndicated copy and one
inaccurate report that a correction request is under way for.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ttdn.orgs.models import OrgUnit
from ttdn.press import services
from ttdn.press.models import Article, Response

SOURCES = [
    # code, name, homepage, kind, language, country, collection
    (
        "bao-dong-nai",
        "Báo Đồng Nai",
        "https://baodongnai.example/",
        "provincial",
        "vi",
        "VN",
        ("dia-phuong", "Báo chí địa phương"),
    ),
    (
        "bao-trung-uong",
        "Báo Tin tức Trung ương",
        "https://tintuc.example/",
        "central",
        "vi",
        "VN",
        ("trung-uong", "Báo chí Trung ương"),
    ),
    (
        "vietnam-news",
        "Vietnam Daily (English)",
        "https://vndaily.example/",
        "central",
        "en",
        "VN",
        ("trung-uong", "Báo chí Trung ương"),
    ),
    (
        "asia-times",
        "Asia Business Review",
        "https://asiabusiness.example/",
        "foreign",
        "en",
        "SG",
        ("nuoc-ngoai", "Báo chí nước ngoài"),
    ),
    (
        "cong-dong-nai",
        "Cổng thông tin điện tử tỉnh Đồng Nai",
        "https://dongnai.example/",
        "government",
        "vi",
        "VN",
        ("chinh-quyen", "Cổng thông tin chính quyền"),
    ),
]

# source, days ago, title, text
ARTICLES: list[tuple[str, int, str, str]] = [
    (
        "bao-dong-nai",
        2,
        "Đồng Nai đón 12 dự án FDI mới trong quý",
        (
            "Trong quý, tỉnh Đồng Nai thu hút thêm 12 dự án có vốn FDI vào các khu công nghiệp Nhơn "
            "Trạch và Long Thành. Các nhà đầu tư Hàn Quốc, Nhật Bản đánh giá cao môi trường đầu tư "
            "thuận lợi, thủ tục hành chính được rút ngắn. Tăng trưởng công nghiệp đạt kết quả ấn tượng."
        ),
    ),
    (
        "vietnam-news",
        3,
        "Dong Nai draws new wave of foreign investors",
        (
            "Dong Nai province welcomed twelve new FDI projects this quarter, mostly in industrial parks "
            "in Nhon Trach and Long Thanh. Investors from Korea and Japan praised the improved business "
            "climate, and officials expect the Long Thanh airport to boost exports and growth."
        ),
    ),
    (
        "asia-times",
        4,
        "Long Thanh airport reshapes southern Vietnam's industrial map",
        (
            "The new Long Thanh airport in Dong Nai is expected to open next year. Industrial park "
            "developers report record demand, and investors see the province as a successful logistics "
            "hub, although some complaints about land clearance delays remain."
        ),
    ),
    (
        "bao-trung-uong",
        5,
        "Đồng Nai phát triển du lịch sinh thái gắn với di sản văn hóa",
        (
            "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai giới thiệu các điểm đến du lịch sinh thái "
            "mới tại Vườn quốc gia Cát Tiên và khu di tích Văn miếu Trấn Biên. Lượng du khách tăng "
            "mạnh, các lễ hội văn hóa truyền thống thu hút đông đảo người dân và khách du lịch."
        ),
    ),
    (
        "bao-dong-nai",
        6,
        "Lễ hội văn hóa các dân tộc thiểu số tỉnh Đồng Nai",
        (
            "Lễ hội văn hóa đồng bào dân tộc thiểu số tỉnh Đồng Nai quy tụ nghệ nhân người Chơro, "
            "người Stiêng, người Mạ. Đây là dịp bảo tồn di sản văn hóa, tăng cường công tác dân tộc "
            "và quảng bá du lịch cộng đồng."
        ),
    ),
    (
        "cong-dong-nai",
        8,
        "Đồng Nai đẩy mạnh chuyển đổi số và dịch vụ công trực tuyến",
        (
            "UBND tỉnh Đồng Nai ban hành kế hoạch chuyển đổi số năm 2026, nâng tỷ lệ dịch vụ công trực "
            "tuyến toàn trình. Chính quyền số và dữ liệu số giúp cải cách hành chính hiệu quả, người "
            "dân hài lòng."
        ),
    ),
    (
        "bao-trung-uong",
        9,
        "Đồng Nai vận hành chính quyền hai cấp sau sáp nhập",
        (
            "Sau sáp nhập với Bình Phước, tỉnh Đồng Nai vận hành chính quyền hai cấp. Bộ máy được tinh "
            "gọn, thủ tục hành chính tại bộ phận một cửa phường Trấn Biên được giải quyết thuận lợi."
        ),
    ),
    (
        "bao-dong-nai",
        10,
        "Người dân bức xúc vì ô nhiễm nước thải tại Nhơn Trạch",
        (
            "Người dân huyện Nhơn Trạch, tỉnh Đồng Nai bức xúc vì tình trạng ô nhiễm kéo dài. Một cơ "
            "sở sản xuất nhiều lần vi phạm quy định xả nước thải ra môi trường, việc xử lý còn chậm "
            "trễ khiến người dân khiếu kiện."
        ),
    ),
    (
        "asia-times",
        11,
        "Pollution complaints test Dong Nai's green ambitions",
        (
            "Residents of Nhon Trach in Dong Nai province have filed complaints about pollution from a "
            "factory. Environmental groups say wastewater violations show weak enforcement, a damage to "
            "the province's image. Local officials promised an inspection."
        ),
    ),
    (
        "bao-trung-uong",
        12,
        "Đoàn đại sứ các nước ASEAN thăm và làm việc tại Đồng Nai",
        (
            "Đoàn đại sứ, tổng lãnh sự các nước ASEAN thăm tỉnh Đồng Nai, tìm hiểu cơ hội hợp tác "
            "quốc tế về đầu tư, giáo dục. Lãnh đạo tỉnh cảm ơn các đại sứ quán đã hỗ trợ xúc tiến đầu "
            "tư, tăng cường quan hệ hữu nghị và ngoại giao kinh tế."
        ),
    ),
    (
        "vietnam-news",
        13,
        "ASEAN ambassadors visit Dong Nai to explore cooperation",
        (
            "A delegation of ASEAN ambassadors and consuls general visited Dong Nai province to discuss "
            "cooperation in investment and education. The diplomatic visit was welcomed by provincial "
            "leaders as a successful step in economic diplomacy."
        ),
    ),
    (
        "bao-dong-nai",
        15,
        "Giáo xứ và nhà chùa chung tay hỗ trợ người nghèo",
        (
            "Các giáo xứ Công giáo và cơ sở Phật giáo trên địa bàn thành phố Biên Hòa, tỉnh Đồng Nai "
            "phối hợp trao quà cho người nghèo. Hoạt động tôn giáo gắn bó với cộng đồng, thể hiện tự do "
            "tôn giáo, tín ngưỡng được bảo đảm."
        ),
    ),
    (
        "asia-times",
        16,
        "Rights group claims restrictions on religious activities",
        (
            "A foreign rights group claimed that religious activities in a parish near Bien Hoa in "
            "Dong Nai were restricted, citing human rights concerns. The report gave no names and no "
            "dates; local parishioners contacted by other media described regular church services."
        ),
    ),
    (
        "bao-trung-uong",
        18,
        "Bộ đội biên phòng cùng ngư dân bảo vệ chủ quyền biển đảo",
        (
            "Lực lượng biên phòng phối hợp với ngư dân tuyên truyền về chủ quyền biển đảo, bảo vệ vùng "
            "biển. Hoạt động diễn ra tại nhiều địa phương ven biển phía Nam."
        ),
    ),
    (
        "bao-dong-nai",
        20,
        "Bình Phước cũ: cửa khẩu Hoa Lư sôi động giao thương",
        (
            "Cửa khẩu quốc tế Hoa Lư trên tuyến biên giới Việt Nam - Campuchia thuộc tỉnh Đồng Nai (mới) "
            "sôi động hoạt động xuất khẩu. Công tác quản lý đường biên, cột mốc được tăng cường."
        ),
    ),
    (
        "vietnam-news",
        24,
        "Dong Nai tourism recovers as visitors return to Cat Tien",
        (
            "Tourists are returning to Cat Tien National Park in Dong Nai, with the provincial "
            "Department of Culture, Sports and Tourism reporting record visitor numbers. New resorts "
            "and festivals make the destination more attractive."
        ),
    ),
    (
        "cong-dong-nai",
        27,
        "Đồng Nai khởi công khu công nghiệp công nghệ cao",
        (
            "Tỉnh Đồng Nai khởi công khu công nghiệp công nghệ cao với tổng vốn đầu tư 1 tỷ USD. Dự án "
            "được kỳ vọng thu hút doanh nghiệp công nghệ, tạo đột phá tăng trưởng bền vững."
        ),
    ),
    (
        "bao-trung-uong",
        33,
        "Giá cà phê thế giới tăng mạnh",
        (
            "Giá cà phê trên thị trường thế giới tiếp tục tăng do nguồn cung từ Brazil giảm. Các "
            "chuyên gia dự báo xu hướng trong quý tới còn phụ thuộc vào thời tiết."
        ),
    ),
    (
        "bao-dong-nai",
        40,
        "Đồng Nai tổ chức hội nghị tập huấn công tác thông tin đối ngoại",
        (
            "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai tổ chức hội nghị tập huấn công tác thông tin "
            "đối ngoại cho hơn 200 cán bộ. Hội nghị giúp nâng cao hiệu quả hợp tác quốc tế, quảng bá "
            "hình ảnh tỉnh."
        ),
    ),
]

# The same story as the first article, republished by the central paper (a syndicated copy).
COPY = (
    "bao-trung-uong",
    2,
    "Quý này, Đồng Nai đón 12 dự án FDI",
    ARTICLES[0][3] + " (Theo Báo Đồng Nai)",
)


@transaction.atomic
def load_demo_press(units: dict[str, OrgUnit]) -> int:
    """Create the demo sources and articles once (later runs find them); return new articles."""
    sources = {}
    for code, name, homepage, kind, language, country, collection in SOURCES:
        sources[code] = services.save_source(
            code=code,
            name=name,
            homepage=homepage,
            kind=kind,
            language=language,
            country=country,
            collections=[collection],
            actor=None,
        )
    context = services.analysis_context()
    now = timezone.now()
    created = 0
    for number, (source, days, title, text) in enumerate([*ARTICLES, COPY]):
        result = services.ingest_article(
            source=sources[source],
            url=f"{sources[source].homepage}bai-{number + 1}.html",
            title=title,
            text=text,
            published_at=now - dt.timedelta(days=days, hours=number % 5),
            context=context,
            now=now - dt.timedelta(days=days),
        )
        created += result.outcome in {"new", "copy"}
    # Demo sources have example.invalid-style addresses: mark them as read so the health page is
    # meaningful without network access.
    for source in sources.values():
        source.last_success_at = source.last_polled_at = source.last_article_at = now
        source.next_poll_at = now + dt.timedelta(days=3650)
        source.save()
    rights = Article.objects.filter(title__startswith="Rights group claims").first()
    owner = units.get("so-vhttdl-dong-nai")
    if rights is not None and owner is not None and not rights.responses.exists():
        from ttdn.press.models import Flag

        flag = Flag.objects.create(
            article=rights,
            reason=Flag.Reason.INACCURATE,
            unit=owner,
            note="Thông tin không có nguồn, trái với thực tế sinh hoạt tôn giáo tại địa phương.",
        )
        response = Response.objects.create(
            article=rights,
            flag=flag,
            kind=Response.Kind.CORRECTION,
            owner=owner,
            deadline=timezone.localdate() + dt.timedelta(days=5),
            status=Response.Status.IN_PROGRESS,
            recipient=rights.source.name,
            note="các buổi lễ tại giáo xứ diễn ra bình thường, không có hạn chế nào",
        )
        Response.objects.create(
            article=Article.objects.get(title__startswith="Người dân bức xúc"),
            kind=Response.Kind.INFORMATION,
            owner=owner,
            deadline=timezone.localdate() - dt.timedelta(days=3),
            status=Response.Status.SENT,
            sent_at=now - dt.timedelta(days=4),
            recipient="Báo Đồng Nai",
            note="Cung cấp kết quả kiểm tra của Sở Nông nghiệp và Môi trường.",
        )
        del response
    return created
