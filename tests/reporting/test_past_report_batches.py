"""Past reports on the web: a background batch with progress, per-file outcomes and choices."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.builders import docx_bytes, make_round
from tests.reporting.test_prefill import login, past_report
from ttdn.core.exceptions import DomainError
from ttdn.reporting import prefill
from ttdn.reporting.models import (
    Attachment,
    PastReportBatch,
    PastReportFile,
    ReportImport,
    ReportRound,
    Submission,
)

pytestmark = pytest.mark.django_db

# A report that names neither its issuer nor its period: an old scan's text, a forwarded e-mail.
ANONYMOUS = docx_bytes(
    "Tình hình thông tin đối ngoại\nTrong kỳ, đơn vị tổ chức 04 hội nghị tập huấn cho 210 lượt "
    "cán bộ.\n"
)


def post_files(client, org, files, capture, **fields):
    with capture(execute=True):
        return client.post(
            reverse("reporting:past_reports"),
            {
                "province": org["province"].pk,
                "files": [SimpleUploadedFile(name, data) for name, data in files],
                **fields,
            },
        )


def test_folder_import_runs_as_a_batch_with_a_result_per_file(
    client, org, django_capture_on_commit_callbacks
):
    make_round(org)
    login(client, org, "coordinator")
    good = past_report("Kết quả công tác thông tin đối ngoại năm 2023")
    response = post_files(
        client,
        org,
        [("nv-2023.docx", good), ("lan-2.docx", good), ("hong.docx", b"PK\x03\x04 broken")],
        django_capture_on_commit_callbacks,
    )

    batch = PastReportBatch.objects.get()
    assert response["Location"] == batch.get_absolute_url()
    assert batch.status == PastReportBatch.Status.DONE
    outcomes = dict(batch.files.values_list("name", "outcome"))
    assert outcomes == {
        "nv-2023.docx": "imported",
        "lan-2.docx": "duplicate",
        "hong.docx": "failed",
    }
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "đã đọc 3/3 tệp" in page
    assert "Đã nhập: 1 · Trùng: 1 · Lỗi: 1" in page
    assert "Trùng, đã có" in page
    assert "hx-trigger" not in page  # finished: the page stops polling
    assert ReportImport.objects.count() == 1


def test_queued_batch_page_polls_and_shows_progress(client, org):
    make_round(org)
    login(client, org, "coordinator")
    # Without running the on-commit callbacks the worker has not started yet.
    response = client.post(
        reverse("reporting:past_reports"),
        {
            "province": org["province"].pk,
            "files": [SimpleUploadedFile("a.docx", past_report("Báo cáo năm 2023"))],
        },
    )
    batch = PastReportBatch.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert "đã đọc 0/1 tệp" in page
    fragment = client.get(batch.get_absolute_url(), headers={"HX-Request": "true"})
    assert fragment.content.decode().lstrip().startswith('<div id="batch"')

    prefill.run_past_report_batch(batch=batch)  # what the task worker does

    page = client.get(batch.get_absolute_url()).content.decode()
    assert "đã đọc 1/1 tệp" in page
    assert "hx-trigger" not in page


def test_defaults_form_gives_unit_and_period_to_files_that_do_not_say(
    client, org, django_capture_on_commit_callbacks
):
    make_round(org)
    login(client, org, "coordinator")
    post_files(
        client,
        org,
        [("cu.docx", ANONYMOUS)],
        django_capture_on_commit_callbacks,
        default_unit=org["unit_a"].pk,
        default_period="2022S2",
    )

    item = PastReportFile.objects.get()
    assert item.outcome == PastReportFile.Outcome.IMPORTED, item.error
    submission = ReportRound.objects.get(period_code="2022S2").submissions.get()
    assert submission.unit == org["unit_a"]


def test_file_without_unit_fails_naming_it_then_imports_with_the_unit_chosen(
    client, org, django_capture_on_commit_callbacks
):
    make_round(org)
    login(client, org, "coordinator")
    post_files(client, org, [("khong-ro.docx", ANONYMOUS)], django_capture_on_commit_callbacks)

    item = PastReportFile.objects.get()
    assert item.outcome == PastReportFile.Outcome.FAILED
    assert "khong-ro.docx" in item.error
    assert "đơn vị" in item.error
    assert not ReportRound.objects.exclude(pk=ReportRound.objects.order_by("id")[0].pk).exists()
    assert not ReportImport.objects.exists()  # nothing half-stored
    page = client.get(item.batch.get_absolute_url()).content.decode()
    assert "Nhập lại với lựa chọn này" in page

    response = client.post(
        reverse("reporting:past_report_retry", args=[item.batch.pk, item.pk]),
        {f"f{item.pk}-unit": org["unit_b"].pk, f"f{item.pk}-period": "2021"},
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.outcome == PastReportFile.Outcome.IMPORTED
    assert (item.unit, item.period_code) == (org["unit_b"], "2021")
    assert ReportRound.objects.get(period_code="2021").submissions.get().unit == org["unit_b"]


def test_invalid_default_period_is_refused_in_vietnamese(client, org):
    login(client, org, "coordinator")
    response = client.post(
        reverse("reporting:past_reports"),
        {
            "province": org["province"].pk,
            "files": [SimpleUploadedFile("a.docx", ANONYMOUS)],
            "default_period": "kỳ nào đó",
        },
    )
    assert response.status_code == 422
    assert not PastReportBatch.objects.exists()


def test_no_period_anywhere_names_the_file_and_stores_nothing(org):
    make_round(org)
    rounds = ReportRound.objects.count()
    with pytest.raises(DomainError, match=r"cu\.docx"):
        prefill.import_past_report(
            province=org["province"],
            data=ANONYMOUS,
            name="cu.docx",
            actor=None,
            fallback_unit=org["unit_a"],
        )
    assert ReportRound.objects.count() == rounds
    assert not Attachment.objects.exists()


def test_another_coordinators_batch_is_not_found(client, org, django_user_model):
    from ttdn.orgs.services import grant_role, save_unit

    batch = PastReportBatch.objects.create(province=org["province"])
    other = save_unit(code="tinh-khac", name="UBND tỉnh Khác", kind="province", actor=None)
    user = django_user_model.objects.create_user("dieu-phoi-khac", password="mat-khau-123")
    grant_role(user=user, unit=other, role="coordinator", actor=None)
    client.force_login(user)
    assert client.get(batch.get_absolute_url()).status_code == 404


def test_imported_report_is_kept_as_the_submissions_attachment_once(org):
    make_round(org)
    data = past_report("Kết quả công tác thông tin đối ngoại năm 2023")
    first = prefill.import_past_report(
        province=org["province"], data=data, name="a.docx", actor=None
    )
    again = prefill.import_past_report(
        province=org["province"], data=data, name="a.docx", actor=None
    )

    submission = Submission.objects.get(pk=first.report_import.submission_id)
    attachment = submission.attachments.get()
    assert attachment.file.read() == data
    assert first.report_import.attachment == attachment
    assert again.duplicate
    assert again.report_import == first.report_import
