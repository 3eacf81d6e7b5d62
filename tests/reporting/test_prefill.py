"""A unit's Word/PDF report pre-fills its submission, figure by figure, after confirmation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.builders import docx_bytes, make_round, official_text
from ttdn.core.exceptions import DomainError
from ttdn.reporting import prefill
from ttdn.reporting.models import DataValue, ProposedValue, ReportImport, ReportRound, Submission

pytestmark = pytest.mark.django_db

BODY = (
    "Thực hiện văn bản số 2608/CV/BTGTU ngày 10/6/2024 của Ban Tuyên giáo Tỉnh ủy, Sở báo cáo "
    "như sau:\n"
    "1. Kết quả thực hiện\n"
    "Trong kỳ, Sở đã tổ chức 03 hội nghị tập huấn kỹ năng phát ngôn cho hơn 450 lượt cán bộ, "
    "công chức cấp xã.\n"
    "Trang Facebook “Du lịch Thử Nghiệm” hiện có 12.500 người theo dõi; Sở phối hợp Đài "
    "Truyền hình thực hiện 17 phóng sự quảng bá du lịch.\n"
    "Sở đề ra 05 nhóm nhiệm vụ trọng tâm cho năm tới.\n"
    "2. Khó khăn, vướng mắc\n"
    "Kinh phí cho công tác thông tin đối ngoại còn hạn chế.\n"
    "3. Phương hướng, nhiệm vụ 6 tháng cuối năm 2024\n"
    "Tiếp tục tổ chức tập huấn cho cán bộ cấp xã."
)


def report_text(body: str = BODY, **kwargs: object) -> str:
    return official_text(
        issuer_lines=("UBND TỈNH THỬ NGHIỆM", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
        number="45/BC-SVHTTDL",
        place_date="Thử Nghiệm, ngày 20 tháng 6 năm 2024",
        doc_type="BÁO CÁO",
        title="Kết quả công tác thông tin đối ngoại 6 tháng đầu năm 2024",
        body=body,
        signer=("GIÁM ĐỐC", "", "Trần Thị Bình"),
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def report_round(org):
    return make_round(org)


@pytest.fixture
def submission(org, report_round):
    return report_round.submissions.get(unit=org["unit_a"])


def upload(client, submission, data, name="bao-cao.docx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("reporting:import_upload", args=[submission.pk]),
        {"file": SimpleUploadedFile(name, data)},
    )


def login(client, org, role):
    client.force_login(org["users"][role])
    return client


def proposal(report_import, phrase_start):
    return report_import.values.get(phrase__startswith=phrase_start)


def test_uploaded_report_shows_each_figure_with_its_sentence_and_changes_nothing(
    client, org, submission
):
    login(client, org, "officer_a")
    response = upload(client, submission, docx_bytes(report_text()))

    report_import = ReportImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == report_import.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert "<mark>03 hội nghị tập huấn kỹ năng</mark> phát ngôn" in page
    assert "Trong kỳ, Sở đã tổ chức" in page
    assert "<mark>hơn 450 lượt cán bộ</mark>" in page
    assert "Không thuộc chỉ tiêu của đợt" in page  # 17 phóng sự: tv_reports is not asked
    assert not DataValue.objects.exists()
    submission.refresh_from_db()
    assert (submission.status, submission.version, submission.narrative) == ("draft", 1, {})


def test_figures_map_to_the_rounds_indicators_and_unmapped_ones_are_kept(org, submission):
    report_import = prefill.import_report(
        submission=submission,
        name="bc.docx",
        data=docx_bytes(report_text()),
        actor=org["users"]["officer_a"],
    )

    found = {
        (v.value, v.indicator.code if v.indicator else None, v.category)
        for v in report_import.values.select_related("indicator")
    }
    assert found >= {
        (Decimal(3), "training_sessions", ""),
        (Decimal(450), "training_attendances", ""),
        (Decimal(12500), "social_followers", "platform:facebook"),
        (Decimal(17), None, ""),
        (Decimal(5), None, ""),
    }
    assert proposal(report_import, "17").indicator_code == "tv_reports"
    assert proposal(report_import, "hơn 450").approx == "at_least"


def test_accept_correct_reject_then_apply_fills_the_draft_only(client, org, submission):
    login(client, org, "officer_a")
    upload(client, submission, docx_bytes(report_text()))
    report_import = ReportImport.objects.get()

    def url(proposed):
        return reverse(
            "reporting:import_decide", args=[submission.pk, report_import.pk, proposed.pk]
        )

    client.post(url(proposal(report_import, "03")), {"decision": "accepted"})
    client.post(
        url(proposal(report_import, "hơn 450")), {"decision": "corrected", "corrected": "1.200"}
    )
    client.post(url(proposal(report_import, "12.500")), {"decision": "rejected"})
    response = client.post(
        reverse("reporting:import_apply", args=[submission.pk, report_import.pk]),
        {"version": 1, "section": ["results", "difficulties", "next_period"]},
    )

    assert response.status_code == 302
    submission.refresh_from_db()
    values = {v.indicator.code: v.value for v in submission.values.select_related("indicator")}
    assert values == {"training_sessions": Decimal(3), "training_attendances": Decimal(1200)}
    assert submission.status == Submission.Status.DRAFT  # never submitted on its own
    assert submission.version == 2
    assert (
        submission.narrative["difficulties"]
        == "Kinh phí cho công tác thông tin đối ngoại còn hạn chế."
    )
    assert submission.narrative["next_period"] == "Tiếp tục tổ chức tập huấn cho cán bộ cấp xã."
    assert "03 hội nghị tập huấn" in submission.narrative["results"]
    report_import.refresh_from_db()
    assert report_import.status == ReportImport.Status.APPLIED


def test_htmx_decision_returns_the_updated_row(client, org, submission):
    login(client, org, "officer_a")
    upload(client, submission, docx_bytes(report_text()))
    report_import = ReportImport.objects.get()
    figure = proposal(report_import, "03")

    response = client.post(
        reverse("reporting:import_decide", args=[submission.pk, report_import.pk, figure.pk]),
        {"decision": "corrected", "corrected": "abc"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 422
    body = response.content.decode()
    assert body.lstrip().startswith("<tr")
    assert "Giá trị sửa phải là một số không âm." in body
    figure.refresh_from_db()
    assert figure.decision == ProposedValue.Decision.PENDING


def test_unmapped_figure_can_only_be_rejected(org, submission):
    report_import = prefill.import_report(
        submission=submission, name="bc.docx", data=docx_bytes(report_text()), actor=None
    )
    with pytest.raises(DomainError, match="chỉ có thể bỏ"):
        prefill.decide_value(
            proposed=proposal(report_import, "05"), decision="accepted", corrected=None, actor=None
        )


def test_stale_version_applies_nothing(client, org, submission):
    from ttdn.reporting.services import save_submission

    login(client, org, "officer_a")
    upload(client, submission, docx_bytes(report_text()))
    report_import = ReportImport.objects.get()
    prefill.decide_value(
        proposed=proposal(report_import, "03"), decision="accepted", corrected=None, actor=None
    )
    # A colleague saves the draft meanwhile.
    save_submission(submission=submission, values={}, narrative={}, version=1, actor=None)

    response = client.post(
        reverse("reporting:import_apply", args=[submission.pk, report_import.pk]),
        {"version": 1},
        follow=True,
    )

    assert "vừa được người khác cập nhật" in response.content.decode()
    assert not DataValue.objects.exists()
    report_import.refresh_from_db()
    assert report_import.status == ReportImport.Status.PENDING


def test_same_file_twice_gives_one_import(org, submission):
    data = docx_bytes(report_text())
    first = prefill.import_report(submission=submission, name="bc.docx", data=data, actor=None)
    again = prefill.import_report(submission=submission, name="bc.docx", data=data, actor=None)
    assert first.pk == again.pk
    assert ProposedValue.objects.filter(report_import=first).count() == first.values.count()
    assert ReportImport.objects.count() == 1


def test_broken_docx_is_refused_in_vietnamese_and_stores_nothing(client, org, submission):
    login(client, org, "officer_a")
    response = upload(client, submission, b"PK\x03\x04 not really a docx", name="hong.docx")

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "DOCX" in page or "đọc" in page
    assert not ReportImport.objects.exists()


def test_other_format_is_refused(org, submission):
    with pytest.raises(DomainError, match="DOCX, PDF"):
        prefill.import_report(submission=submission, name="anh.png", data=b"\x89PNG", actor=None)


def test_officer_of_another_unit_cannot_see_or_decide(client, org, submission):
    report_import = prefill.import_report(
        submission=submission, name="bc.docx", data=docx_bytes(report_text()), actor=None
    )
    figure = proposal(report_import, "03")
    login(client, org, "officer_b")

    review = client.get(report_import.get_absolute_url())
    decide = client.post(
        reverse("reporting:import_decide", args=[submission.pk, report_import.pk, figure.pk]),
        {"decision": "accepted"},
    )
    uploaded = upload(client, submission, docx_bytes(report_text()))

    assert (review.status_code, decide.status_code, uploaded.status_code) == (404, 404, 404)
    figure.refresh_from_db()
    assert figure.decision == ProposedValue.Decision.PENDING


def test_submitted_report_cannot_be_prefilled(org, submission):
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.SUBMITTED)
    submission.refresh_from_db()
    with pytest.raises(DomainError, match="đã gửi"):
        prefill.import_report(
            submission=submission, name="bc.docx", data=docx_bytes(report_text()), actor=None
        )


def test_viewer_sees_the_review_page_without_buttons(client, org, submission):
    report_import = prefill.import_report(
        submission=submission, name="bc.docx", data=docx_bytes(report_text()), actor=None
    )
    login(client, org, "viewer")
    page = client.get(report_import.get_absolute_url()).content.decode()
    assert "<mark>03 hội nghị tập huấn kỹ năng</mark>" in page
    assert "Điền vào bản nháp" not in page


def past_report(title: str, body: str = BODY) -> bytes:
    text = official_text(
        issuer_lines=("UBND TỈNH THỬ NGHIỆM", "SỞ NỘI VỤ"),
        number="12/BC-SNV",
        place_date="Thử Nghiệm, ngày 15 tháng 12 năm 2023",
        doc_type="BÁO CÁO",
        title=title,
        body=body,
        signer=("GIÁM ĐỐC", "", "Lê Văn Cường"),
    )
    return docx_bytes(text)


def test_coordinator_imports_past_reports_into_historical_rounds(
    client, org, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(client, org, "coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reporting:past_reports"),
            {
                "province": org["province"].pk,
                "files": [
                    SimpleUploadedFile(
                        "nv-2023.docx",
                        past_report("Kết quả công tác thông tin đối ngoại năm 2023"),
                    ),
                    SimpleUploadedFile("hong.docx", b"PK\x03\x04 broken"),
                ],
            },
        )

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "hong.docx" in page  # one of the two failed, and says why
    assert 'role="alert"' in page
    historical = ReportRound.objects.get(period_code="2023")
    assert historical.status == ReportRound.Status.CLOSED
    draft = historical.submissions.get()
    assert (draft.unit, draft.status) == (org["unit_b"], Submission.Status.DRAFT)
    report_import = draft.imports.get()
    assert report_import.origin == ReportImport.Origin.HISTORICAL
    assert report_import.values.filter(indicator__code="training_sessions").exists()
    assert not DataValue.objects.exists()  # still for a person to review
    assert report_import.get_absolute_url() in page


def test_past_report_without_a_period_asks_for_one(org):
    data = past_report("Về công tác thông tin đối ngoại")
    with pytest.raises(DomainError, match="kỳ báo cáo"):
        prefill.import_past_report(province=org["province"], data=data, name="x.docx", actor=None)


def test_unit_officer_cannot_import_past_reports(client, org):
    login(client, org, "officer_a")
    assert client.get(reverse("reporting:past_reports")).status_code == 403


def test_pdf_report_with_decomposed_text_is_read_too(org, submission):
    from tests.docparse.samples import pdf_bytes

    lines = [
        "BÁO CÁO",
        "Kết quả công tác thông tin đối ngoại 6 tháng đầu năm 2024",
        "1. Kết quả thực hiện",
        "Sở đã tổ chức 03 hội nghị tập huấn cho hơn 450 lượt cán bộ.",
    ]
    report_import = prefill.import_report(
        submission=submission, name="bc.pdf", data=pdf_bytes(lines, decomposed=True), actor=None
    )

    codes = [v.indicator.code for v in report_import.values.select_related("indicator")]
    assert codes == ["training_sessions", "training_attendances"]
    assert "Sở đã tổ chức" in report_import.narrative["results"]
