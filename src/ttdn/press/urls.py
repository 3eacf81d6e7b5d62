from django.urls import path

from ttdn.press import views

app_name = "press"
urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("tin-bai/<int:pk>/", views.article_detail, name="article_detail"),
    path("tin-bai/<int:pk>/danh-dau/", views.article_flag, name="article_flag"),
    path("tin-bai/<int:pk>/sac-thai/", views.article_tone, name="article_tone"),
    path("tin-bai/<int:pk>/phan-hoi/", views.response_open, name="response_open"),
    path("phan-hoi/", views.response_board, name="response_board"),
    path("phan-hoi/<int:pk>/", views.response_detail, name="response_detail"),
    path(
        "phan-hoi/<int:pk>/cong-van.<str:file_format>",
        views.response_letter,
        name="response_letter",
    ),
    path("nguon-tin/", views.source_list, name="source_list"),
    path("nguon-tin/them/", views.source_edit, name="source_create"),
    path("nguon-tin/<int:pk>/sua/", views.source_edit, name="source_edit"),
    path("dien-bien/", views.attention, name="attention"),
    path("nhap/", views.press_import, name="import"),
    path("tim-kiem/luu/", views.search_save, name="search_save"),
    path("tim-kiem/<int:pk>/xoa/", views.search_delete, name="search_delete"),
]
