"""Manual import of saved pages and feed files: the command and the web upload."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.press.conftest import EN_TEXT, VI_TEXT, page, rss
from ttdn.press.models import Article, Source

pytestmark = pytest.mark.django_db


def test_command_imports_saved_pages_and_feed_files(tmp_path, province, capsys):
    (tmp_path / "bai.html").write_text(
        page("Đồng Nai thu hút nhà đầu tư", VI_TEXT, url="https://baothu.vn/dau-tu-123.html"),
        encoding="utf-8",
    )
    (tmp_path / "feed.xml").write_text(
        rss(
            "https://news.example",
            [("Dong Nai draws record investors", "/invest", "Thu, 12 Mar 2026 01:30:00 GMT")],
        ),
        encoding="utf-8",
    )
    call_command("press_import", str(tmp_path / "bai.html"), str(tmp_path / "feed.xml"))
    out = capsys.readouterr().out
    assert "bai.html: 1 mới / new" in out
    article = Article.objects.get(url_key="baothu.vn/dau-tu-123.html")
    assert "Bình luận" not in article.text
    assert article.source.homepage == "https://baothu.vn/"
    assert Article.objects.filter(url_key="news.example/invest").exists()
    call_command("press_import", str(tmp_path))  # a folder; everything already there
    assert "1 đã có / already there" in capsys.readouterr().out
    assert Article.objects.count() == 2


def test_command_reports_bad_files_and_stores_nothing_of_them(tmp_path, province, capsys):
    (tmp_path / "hong.xml").write_bytes(b"<?xml version='1.0'?><rss><channel><item>")
    (tmp_path / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "khong-url.html").write_text(
        "<html><body><p>Không có địa chỉ gốc.</p></body></html>"
    )
    with pytest.raises(CommandError):
        call_command("press_import", str(tmp_path))
    out = capsys.readouterr().out
    assert "anh.png: LỖI / ERROR: Tệp không phải trang HTML đã lưu hay tệp RSS/Atom." in out
    assert "khong-url.html: LỖI / ERROR: Trang đã lưu không có địa chỉ gốc" in out
    assert "hong.xml: LỖI / ERROR" in out
    assert Article.objects.count() == 0
    assert Source.objects.count() == 0


def test_web_upload_of_several_files(client, org, province):
    client.force_login(org["users"]["coordinator"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = [
        SimpleUploadedFile(
            "a.html",
            page("Dong Nai draws record investors", EN_TEXT, url="https://news.example/x").encode(),
        ),
        SimpleUploadedFile("b.txt", b"plain text"),
    ]
    response = client.post(reverse("press:import"), {"files": files})
    assert response.status_code == 422
    body = response.content.decode()
    assert "a.html" in body
    assert "Tệp không phải trang HTML đã lưu hay tệp RSS/Atom." in body
    assert Article.objects.filter(url_key="news.example/x").exists()


def test_only_coordinators_import(client, org):
    client.force_login(org["users"]["officer_a"])
    assert client.get(reverse("press:import")).status_code == 403
