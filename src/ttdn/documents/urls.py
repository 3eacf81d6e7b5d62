from django.urls import path

from ttdn.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("tai-len/", views.document_upload, name="upload"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/tep/", views.document_file, name="file"),
]
