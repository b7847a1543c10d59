from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("gestion/autodiagnosticos/", views.assessment_index, name="index"),
    path("gestion/autodiagnosticos/nuevo/", views.assessment_create, name="create"),
    path("gestion/autodiagnosticos/importar/", views.assessment_import, name="import"),
    path("gestion/autodiagnosticos/comparacion/", views.assessment_comparison, name="comparison"),
    path("gestion/autodiagnosticos/plantillas/", views.template_index, name="templates"),
    path(
        "gestion/autodiagnosticos/plantillas/generica/",
        views.template_builtin,
        name="template_builtin",
    ),
    path(
        "gestion/autodiagnosticos/plantillas/<int:pk>/plantilla.xlsx",
        views.template_export,
        name="template_export",
    ),
    path("gestion/autodiagnosticos/<int:year>/", views.assessment_detail, name="detail"),
    path("gestion/autodiagnosticos/<int:year>/calificar/", views.assessment_scores, name="scores"),
    path(
        "gestion/autodiagnosticos/<int:year>/autodiagnostico.xlsx",
        views.assessment_export,
        name="export",
    ),
    path(
        "gestion/autodiagnosticos/<int:year>/puntos/<int:number>/actividad/",
        views.assessment_point_activity,
        name="point_activity",
    ),
]
