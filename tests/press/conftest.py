"""Press fixtures: a province with places, articles written for the tests, and a local web
server on 127.0.0.1 that serves feeds and pages (RSS, Atom, a broken feed, a slow one)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

VI_TEXT = (
    "Sáng 12/3, tại thành phố Biên Hòa, UBND tỉnh Đồng Nai tổ chức hội nghị xúc tiến đầu tư "
    "với sự tham gia của hơn 300 nhà đầu tư trong và ngoài nước. Lãnh đạo tỉnh cho biết năm "
    "qua Đồng Nai thu hút 1,5 tỷ USD vốn FDI vào các khu công nghiệp, tăng trưởng ấn tượng so "
    "với cùng kỳ.\n"
    "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai giới thiệu các điểm đến du lịch mới tại "
    "phường Tam Hiệp. Các nhà đầu tư đánh giá cao môi trường kinh doanh thuận lợi và thủ tục "
    "hành chính được rút gọn.\n"
    "Dự án sân bay Long Thành dự kiến đưa vào khai thác, mở ra cơ hội hợp tác quốc tế cho doanh "
    "nghiệp của tỉnh."
)

EN_TEXT = (
    "Dong Nai province has reported a record number of foreign investors in its industrial "
    "parks this year, officials said on Tuesday. The southern province attracted more than "
    "1.5 billion USD in FDI, with investment from Korea and Japan leading the growth.\n"
    "The provincial Department of Culture, Sports and Tourism said tourists are returning to "
    "destinations around Bien Hoa, while the new Long Thanh airport is expected to boost "
    "exports and travel."
)

NEGATIVE_TEXT = (
    "Người dân phường Tam Hiệp, tỉnh Đồng Nai bức xúc vì tình trạng ô nhiễm kéo dài từ một cơ "
    "sở sản xuất. Cơ sở này nhiều lần vi phạm quy định về xả nước thải ra môi trường nhưng "
    "việc xử lý còn chậm trễ. Người dân nhiều lần khiếu kiện về sai phạm này."
)

OTHER_TEXT = (
    "Giá cà phê trên thị trường thế giới tiếp tục biến động trong tuần qua. Các chuyên gia dự "
    "báo xu hướng trong quý tới phụ thuộc vào thời tiết tại các vùng trồng lớn của Brazil và "
    "nhu cầu tiêu thụ tại châu Âu, nơi lượng hàng tồn kho đang ở mức thấp."
)


def page(title: str, text: str, *, url: str, date: str = "2026-03-12", comments: str = "") -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n"))
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{title} | Báo Thử</title><link rel="canonical" href="{url}">
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Báo Thử">
<meta property="article:published_time" content="{date}T08:30:00+07:00"></head>
<body><nav><a href="/">Trang chủ</a> <a href="/kinh-te">Kinh tế</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<section class="comments" id="comments"><h3>Bình luận</h3>
<div class="comment"><p>{comments or "Bình luận của bạn đọc: thông tin rất hay."}</p></div></section>
<footer>Bản quyền thuộc về Báo Thử. Liên hệ quảng cáo.</footer></body></html>"""


def rss(base: str, items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>"
        f"<pubDate>{date}</pubDate><description><![CDATA[<p>{title}</p>]]></description></item>"
        for title, path, date in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Báo Thử</title><link>{base}/</link>{entries}</channel></rss>"
    )


def atom(base: str, items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f'<entry><title>{title}</title><link href="{base}{path}"/><id>{base}{path}</id>'
        f"<updated>{date}</updated><summary>{title}</summary></entry>"
        for title, path, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Dong Nai News</title><id>{base}/</id><updated>2026-03-12T01:00:00Z</updated>"
        f"{entries}</feed>"
    )


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, tuple[str, bytes]] = {}
        self.delay: dict[str, float] = {}
        self.hits: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                server.hits[path] = server.hits.get(path, 0) + 1
                if path in server.delay:
                    time.sleep(server.delay[path])
                if path not in server.routes:
                    self.send_response(404)
                    self.end_headers()
                    return
                content_type, body = server.routes[path]
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def add(self, path: str, body: str, content_type: str = "text/html; charset=utf-8") -> str:
        self.routes[path] = (content_type, body.encode())
        return self.base + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feed_server():
    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def province(db):
    """Đồng Nai with a department, a city and a ward, and a second province (Thử Nghiệm)."""
    from ttdn.orgs.services import save_unit
    from ttdn.press.models import Topic
    from ttdn.press.taxonomy import load_default_topics

    load_default_topics(Topic)  # transactional tests empty the migrated taxonomy
    dong_nai = save_unit(
        code="dong-nai",
        name="Ủy ban nhân dân tỉnh Đồng Nai",
        kind="province",
        actor=None,
        aliases=["UBND tỉnh Đồng Nai"],
    )
    department = save_unit(
        code="so-vhttdl-dn",
        name="Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai",
        kind="department",
        parent=dong_nai,
        actor=None,
        aliases=["Sở VHTTDL", "Department of Culture, Sports and Tourism"],
    )
    city = save_unit(
        code="bien-hoa",
        name="Thành phố Biên Hòa",
        kind="district",
        parent=dong_nai,
        actor=None,
        aliases=["Bien Hoa"],
    )
    ward = save_unit(
        code="tam-hiep", name="Phường Tam Hiệp", kind="commune", parent=dong_nai, actor=None
    )
    other = save_unit(
        code="thu-nghiem-2", name="Ủy ban nhân dân tỉnh Lâm Thử", kind="province", actor=None
    )
    return {
        "province": dong_nai,
        "department": department,
        "city": city,
        "ward": ward,
        "other": other,
    }
