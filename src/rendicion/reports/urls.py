from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("informes/", views.reports_index, name="index"),
    path("informes/<int:year>/", views.annual_public, name="annual"),
    path(
        "informes/<int:year>.pdf", views.annual_public_document, {"fmt": "pdf"}, name="annual_pdf"
    ),
    path(
        "informes/<int:year>.docx",
        views.annual_public_document,
        {"fmt": "docx"},
        name="annual_docx",
    ),
    path("informes/publicados/<int:pk>/", views.published_version, name="published"),
    path(
        "informes/publicados/<int:pk>.pdf",
        views.published_version_document,
        {"fmt": "pdf"},
        name="published_pdf",
    ),
    path(
        "informes/publicados/<int:pk>.docx",
        views.published_version_document,
        {"fmt": "docx"},
        name="published_docx",
    ),
    path("gestion/informes/<int:year>/", views.annual_preview, name="annual_preview"),
    path(
        "gestion/informes/<int:year>/informe.<str:fmt>",
        views.annual_download,
        name="annual_download",
    ),
    path("gestion/informes/<int:year>/publicar/", views.annual_publish, name="annual_publish"),
    path("gestion/informes/<int:year>/textos/", views.annual_narratives, name="annual_narratives"),
    path("gestion/espacios/<slug:slug>/informe/", views.space_preview, name="space_preview"),
    path(
        "gestion/espacios/<slug:slug>/informe/publicar/", views.space_publish, name="space_publish"
    ),
]
