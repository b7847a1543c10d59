from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("espacios/<slug:slug>/asistencia/", views.attendance_form, name="attendance"),
    path(
        "espacios/<slug:slug>/asistencia/registrada/<uuid:key>/",
        views.attendance_done,
        name="attendance_done",
    ),
    path("espacios/<slug:slug>/evaluacion/", views.evaluation_form, name="evaluation"),
    path(
        "espacios/<slug:slug>/evaluacion/enviada/<uuid:key>/",
        views.evaluation_done,
        name="evaluation_done",
    ),
    path("gestion/espacios/<slug:slug>/participacion/", views.space_participation, name="space"),
    path(
        "gestion/espacios/<slug:slug>/asistencia.<str:fmt>",
        views.attendance_export,
        name="attendance_export",
    ),
    path(
        "gestion/espacios/<slug:slug>/asistencia/importar/",
        views.attendance_import,
        name="attendance_import",
    ),
    path(
        "gestion/espacios/<slug:slug>/evaluacion/importar/",
        views.evaluation_import,
        name="evaluation_import",
    ),
    path("gestion/estrategias/<int:year>/participacion/", views.year_participation, name="year"),
]
