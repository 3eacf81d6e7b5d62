from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ttdn.orgs.forms import ThrottledAuthenticationForm
from ttdn.web import views as web_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(authentication_form=ThrottledAuthenticationForm),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("mat-khau/quen/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "mat-khau/da-gui/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"
    ),
    path(
        "mat-khau/dat-lai/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "mat-khau/xong/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("van-ban/", include("ttdn.documents.urls")),
    path("don-vi/", include("ttdn.orgs.urls")),
    path("bao-cao/", include("ttdn.reporting.urls")),
    path("ke-hoach/", include("ttdn.plans.urls")),
    path("bao-cao-tong-hop/", include("ttdn.reports.urls")),
    path("bao-chi/", include("ttdn.press.urls")),
    path("quan-tri/", admin.site.urls),
]
