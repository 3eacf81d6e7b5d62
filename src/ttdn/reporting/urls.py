from django.urls import path

from ttdn.reporting import prefill_views, views

app_name = "reporting"
urlpatterns = [
    path("", views.round_list, name="round_list"),
    path("tao-moi/", views.round_create, name="round_create"),
    path("<int:pk>/", views.round_detail, name="round_detail"),
    path("<int:pk>/xuat/<str:file_format>/", views.round_export, name="round_export"),
    path("<int:pk>/mau-nhap/", views.round_template, name="round_template"),
    path("<int:pk>/nhap/", views.round_import, name="round_import"),
    path("bao-cao/<int:pk>/", views.submission_detail, name="submission_detail"),
    path("bao-cao/<int:pk>/kiem-tra/", views.submission_check, name="submission_check"),
    path("bao-cao/<int:pk>/gui/", views.submission_submit, name="submission_submit"),
    path("bao-cao/<int:pk>/dinh-kem/", views.submission_attach, name="submission_attach"),
    path(
        "bao-cao/<int:pk>/dinh-kem/<int:attachment_id>/",
        views.attachment_file,
        name="attachment_file",
    ),
    path("bao-cao/<int:pk>/duyet/", views.submission_review, name="submission_review"),
    path("hoat-dong/", views.activity_list, name="activity_list"),
    # Figures read from the units' Word/PDF reports (issue #6).
    path("bao-cao/<int:pk>/nhap-van-ban/", prefill_views.import_upload, name="import_upload"),
    path(
        "bao-cao/<int:pk>/nhap-van-ban/<int:import_id>/",
        prefill_views.import_review,
        name="import_review",
    ),
    path(
        "bao-cao/<int:pk>/nhap-van-ban/<int:import_id>/so-lieu/<int:value_id>/",
        prefill_views.import_decide,
        name="import_decide",
    ),
    path(
        "bao-cao/<int:pk>/nhap-van-ban/<int:import_id>/dien/",
        prefill_views.import_apply,
        name="import_apply",
    ),
    path(
        "bao-cao/<int:pk>/nhap-van-ban/<int:import_id>/bo/",
        prefill_views.import_discard,
        name="import_discard",
    ),
    path("bao-cao-cu/", prefill_views.past_reports, name="past_reports"),
    path("bao-cao-cu/<int:pk>/", prefill_views.past_report_batch, name="past_report_batch"),
    path(
        "bao-cao-cu/<int:pk>/tep/<int:file_id>/",
        prefill_views.past_report_retry,
        name="past_report_retry",
    ),
]
