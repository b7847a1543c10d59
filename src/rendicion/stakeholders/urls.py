from django.urls import path

from . import views

app_name = "stakeholders"

urlpatterns = [
    path("gestion/aprestamiento/", views.readiness_home, name="readiness_home"),
    path(
        "gestion/estrategias/<int:year>/aprestamiento/",
        views.readiness_year,
        name="readiness_year",
    ),
    path("gestion/estrategias/<int:year>/parrilla/", views.parrilla_year, name="parrilla"),
    path("gestion/grupos-de-valor/", views.group_list, name="group_list"),
    path("gestion/grupos-de-valor/nuevo/", views.group_edit, name="group_create"),
    path("gestion/grupos-de-valor/necesidades/", views.need_matrix, name="need_matrix"),
    path("gestion/grupos-de-valor/<int:pk>/", views.group_detail, name="group_detail"),
    path("gestion/grupos-de-valor/<int:pk>/editar/", views.group_edit, name="group_edit"),
    path("gestion/piezas/<int:pk>/estado/", views.piece_state, name="piece_state"),
    path("gestion/espacios/<slug:slug>/convocatoria/", views.convocation, name="convocation"),
    path(
        "gestion/espacios/<slug:slug>/convocatoria/grupos/",
        views.convocation_groups,
        name="convocation_groups",
    ),
    path(
        "gestion/espacios/<slug:slug>/convocatoria/invitados.csv",
        views.invitees_export,
        name="invitees_export",
    ),
    path("invitaciones/cancelar/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
