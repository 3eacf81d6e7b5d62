from django.urls import path

from ttdn.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_index, name="index"),
    path("dot/<int:round_id>/", views.round_reports, name="round_reports"),
    path("dot/<int:round_id>/tao/", views.report_create, name="create"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/tien-do/", views.report_progress, name="progress"),
    path("<int:pk>/dau-van-ban/", views.header_edit, name="header_edit"),
    path("<int:pk>/muc/<slug:code>/", views.section_edit, name="section_edit"),
    path("<int:pk>/tai/<str:file_format>/", views.report_download, name="download"),
]
