from django.urls import path

from ttdn.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("tao-moi/", views.propose, name="propose"),
    path("de-xuat/<int:pk>/", views.draft_review, name="draft_review"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/chuoi-trien-khai/", views.plan_chain, name="plan_chain"),
    path("don-vi/<slug:code>/", views.unit_board, name="unit_board"),
    path("nhiem-vu/<int:pk>/", views.assignment_detail, name="assignment_detail"),
    path("nhiem-vu/<int:pk>/cap-nhat/", views.assignment_update, name="assignment_update"),
    path("nhiem-vu/<int:pk>/thoi-han/", views.assignment_due, name="assignment_due"),
    path("nhiem-vu/<int:pk>/giao-lai/", views.assignment_reassign, name="assignment_reassign"),
    path("minh-chung/<int:pk>/", views.evidence_file, name="evidence_file"),
    path("giao-lai/", views.reassign_list, name="reassign_list"),
]
