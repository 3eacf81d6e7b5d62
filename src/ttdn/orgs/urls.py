from django.urls import path

from ttdn.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("xuat/<str:file_format>/", views.tree_export, name="tree_export"),
    path("nhap/", views.tree_import, name="tree_import"),
    path("nhat-ky/", views.audit_log, name="audit_log"),
    path("<slug:code>/", views.unit_detail, name="unit_detail"),
    path("<slug:code>/can-bo/", views.unit_members, name="unit_members"),
]
