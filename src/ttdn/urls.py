from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ttdn.web import views as web_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("van-ban/", include("ttdn.documents.urls")),
    path("quan-tri/", admin.site.urls),
]
