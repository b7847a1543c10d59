from django.urls import path

from . import views

app_name = "commitments"

urlpatterns = [
    path("compromisos/", views.public_list, name="public_list"),
    path("espacios/<slug:slug>/compromisos/", views.space_public, name="space_public"),
    path("gestion/compromisos/", views.staff_latest, name="staff_latest"),
    path("gestion/compromisos/<int:year>/", views.staff_list, name="staff_list"),
    path("gestion/compromisos/<int:year>/nuevo/", views.staff_create, name="staff_create"),
    path(
        "gestion/compromisos/<int:year>/colibri.<str:fmt>",
        views.colibri_export,
        name="colibri_export",
    ),
    path("gestion/compromisos/compromiso/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("gestion/compromisos/compromiso/<int:pk>/editar/", views.staff_edit, name="staff_edit"),
]
