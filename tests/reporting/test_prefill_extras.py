"""Pre-fill details: the file kept as an attachment, the catalogue's own words, added-up figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.builders import docx_bytes
from tests.reporting.test_prefill import login, proposal, report_text, upload
from ttdn.reporting import prefill
from ttdn.reporting.models import Indicator, ReportImport

pytestmark = pytest.mark.django_db

TWO_DEPARTMENTS = (
    "1. Kết quả thực hiện\n"
    "Phòng Văn hóa tổ chức 03 hội nghị tập huấn cho cán bộ cấp xã.\n"
    "Phòng Du lịch tổ chức 02 hội nghị tập huấn cho doanh nghiệp.\n"
)


@pytest.fixture
def submission(org):
    from tests.builders import make_round

    return make_round(org).submissions.get(unit=org["unit_a"])


def test_uploaded_report_is_kept_as_an_attachment_of_the_submission(client, org, submission):
    data = docx_bytes(report_text())
    login(client, org, "officer_a")
    upload(client, submission, data, name="bao-cao-6-thang.docx")

    attachment = submission.attachments.get()
    assert attachment.name == "bao-cao-6-thang.docx"
    assert attachment.file.read() == data
    assert ReportImport.objects.get().attachment == attachment
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "bao-cao-6-thang.docx" in page


def test_same_file_imported_again_after_discarding_adds_no_second_attachment(org, submission):
    data = docx_bytes(report_text())
    first = prefill.import_report(submission=submission, name="bc.docx", data=data, actor=None)
    prefill.discard_import(report_import=first, actor=None)
    second = prefill.import_report(submission=submission, name="bc.docx", data=data, actor=None)

    assert second.pk != first.pk
    assert submission.attachments.count() == 1
    assert second.attachment == first.attachment


def test_unreadable_upload_leaves_no_attachment(client, org, submission):
    login(client, org, "officer_a")
    upload(client, submission, b"PK\x03\x04 broken")
    assert not submission.attachments.exists()


def test_indicator_added_by_an_administrator_is_mapped_by_its_keywords(org, submission):
    podcasts = Indicator.objects.create(
        code="podcasts",
        name_vi="Số podcast quảng bá",
        name_en="Podcasts",
        unit_of_measure="số",
        channel=Indicator.Channel.INTERNET,
        keywords="số podcast\ntập podcast",
    )
    submission.round.indicators.add(podcasts)
    text = report_text("1. Kết quả thực hiện\nSở sản xuất 08 tập podcast về du lịch tỉnh.\n")

    report_import = prefill.import_report(
        submission=submission, name="bc.docx", data=docx_bytes(text), actor=None
    )

    assert proposal(report_import, "08").indicator == podcasts


def test_keywords_an_administrator_adds_to_a_default_indicator_are_used(org, submission):
    talks = Indicator.objects.get(code="talks")
    talks.keywords += "\nbuổi tọa đàm"
    talks.save()
    submission.round.indicators.add(talks)
    text = report_text("1. Kết quả thực hiện\nSở tổ chức 06 buổi tọa đàm với kiều bào.\n")

    report_import = prefill.import_report(
        submission=submission, name="bc.docx", data=docx_bytes(text), actor=None
    )

    assert proposal(report_import, "06").indicator == talks


def test_default_catalogue_carries_the_parsers_keywords(org, submission):
    keywords = Indicator.objects.get(code="training_sessions").keywords.splitlines()
    assert "hội nghị tập huấn" in keywords


def test_indicator_admin_edits_the_keywords(client, org):
    client.force_login(org["users"]["admin"])
    org["users"]["admin"].is_staff = org["users"]["admin"].is_superuser = True
    org["users"]["admin"].save()
    from tests.builders import make_round

    make_round(org)
    indicator = Indicator.objects.get(code="talks")
    page = client.get(reverse("admin:reporting_indicator_change", args=[indicator.pk]))
    assert 'name="keywords"' in page.content.decode()


def test_review_page_says_which_figures_will_be_added_together(client, org, submission):
    report_import = prefill.import_report(
        submission=submission,
        name="bc.docx",
        data=docx_bytes(report_text(TWO_DEPARTMENTS)),
        actor=None,
    )
    first, second = proposal(report_import, "03"), proposal(report_import, "02")
    prefill.decide_value(proposed=first, decision="accepted", corrected=None, actor=None)
    prefill.decide_value(proposed=second, decision="accepted", corrected=None, actor=None)
    login(client, org, "officer_a")

    page = client.get(report_import.get_absolute_url()).content.decode()

    assert page.count("sẽ được cộng lại") == 2
    assert "2 số đã nhận, tổng 5" in page
    result = prefill.apply_import(report_import=report_import, version=1, sections=[], actor=None)
    assert result.submission.values.get(indicator__code="training_sessions").value == Decimal(5)


def test_figure_alone_for_its_indicator_has_no_note(client, org, submission):
    report_import = prefill.import_report(
        submission=submission, name="bc.docx", data=docx_bytes(report_text()), actor=None
    )
    login(client, org, "officer_a")
    page = client.get(report_import.get_absolute_url()).content.decode()
    assert "sẽ được cộng lại" not in page


def test_htmx_decision_in_a_group_reloads_the_page_for_the_new_total(client, org, submission):
    report_import = prefill.import_report(
        submission=submission,
        name="bc.docx",
        data=docx_bytes(report_text(TWO_DEPARTMENTS)),
        actor=None,
    )
    login(client, org, "officer_a")
    response = client.post(
        reverse(
            "reporting:import_decide",
            args=[submission.pk, report_import.pk, proposal(report_import, "03").pk],
        ),
        {"decision": "accepted"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response["HX-Refresh"] == "true"
