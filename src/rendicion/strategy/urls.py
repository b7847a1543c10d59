from django.urls import path

from . import views

app_name = "strategy"

urlpatterns = [
    path("estrategia/<int:year>/", views.strategy_public, name="public_detail"),
    path("gestion/estrategias/nueva/", views.strategy_create, name="create"),
    path("gestion/estrategias/<int:year>/", views.staff_detail, name="staff_detail"),
    path("gestion/estrategias/<int:year>/editar/", views.strategy_edit, name="edit"),
    path("gestion/estrategias/<int:year>/etapas/", views.strategy_stages_edit, name="stages_edit"),
    path("gestion/estrategias/<int:year>/equipo/", views.strategy_team_edit, name="team_edit"),
    path("gestion/estrategias/<int:year>/copiar/", views.strategy_copy, name="copy"),
    path(
        "gestion/estrategias/<int:year>/dialogos/planteamiento/",
        views.dialogue_plan_edit,
        name="dialogue_plan_edit",
    ),
    path(
        "gestion/estrategias/<int:year>/cronograma.xlsx",
        views.cronograma_export,
        name="cronograma_export",
    ),
    path(
        "gestion/estrategias/<int:year>/cronograma/importar/",
        views.cronograma_import,
        name="cronograma_import",
    ),
    path(
        "gestion/estrategias/<int:year>/actividades/nueva/",
        views.activity_create,
        name="activity_create",
    ),
    path(
        "gestion/estrategias/<int:year>/actividades/<int:number>/",
        views.activity_detail,
        name="activity_detail",
    ),
    path(
        "gestion/estrategias/<int:year>/actividades/<int:number>/editar/",
        views.activity_edit,
        name="activity_edit",
    ),
    path(
        "gestion/estrategias/<int:year>/actividades/<int:number>/eliminar/",
        views.activity_delete,
        name="activity_delete",
    ),
    path("gestion/evidencias/<int:pk>/archivo/", views.evidence_download, name="evidence_download"),
    path("gestion/evidencias/<int:pk>/eliminar/", views.evidence_delete, name="evidence_delete"),
]
