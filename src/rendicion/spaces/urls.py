from django.urls import path

from . import publication_views as pv
from . import views, views_memory

app_name = "spaces"

urlpatterns = [
    path("espacios/", views.space_list_public, name="public_list"),
    path("espacios/<slug:slug>/", views.space_public, name="public_detail"),
    path("espacios/<slug:slug>/evento.ics", views.space_ics, name="ics"),
    path("espacios/<slug:slug>/codigos-qr/", views.space_qr, name="qr"),
    path(
        "espacios/<slug:slug>/fotos/<int:pk>/<str:size>.jpg",
        views_memory.photo_public,
        name="photo",
    ),
    path("estrategia/<int:year>/espacios.ics", views.year_ics, name="year_ics"),
    path("gestion/espacios/", views.staff_list, name="staff_list"),
    path("gestion/estrategias/<int:year>/espacios/nuevo/", views.staff_create, name="staff_create"),
    path("gestion/espacios/<slug:slug>/", views.staff_detail, name="staff_detail"),
    path("gestion/espacios/<slug:slug>/editar/", views.staff_edit, name="staff_edit"),
    path(
        "gestion/espacios/<slug:slug>/formularios/",
        views.staff_form_window,
        name="staff_form_window",
    ),
    path("gestion/espacios/<slug:slug>/estado/", views.staff_status, name="staff_status"),
    path("gestion/espacios/<slug:slug>/piezas/", views.staff_piece_add, name="staff_piece_add"),
    path("publicaciones/<int:pk>/", pv.publication_public, name="publication_public"),
    path("publicaciones/<int:pk>/archivo/", pv.publication_file, name="publication_file"),
    path(
        "gestion/estrategias/<int:year>/publicaciones/",
        pv.publication_list,
        name="publication_list",
    ),
    path(
        "gestion/estrategias/<int:year>/publicaciones/nueva/",
        pv.publication_create,
        name="publication_create",
    ),
    path("gestion/publicaciones/<int:pk>/", pv.publication_detail, name="publication_detail"),
    path("gestion/publicaciones/<int:pk>/editar/", pv.publication_edit, name="publication_edit"),
    path("gestion/publicaciones/<int:pk>/estado/", pv.publication_state, name="publication_state"),
    path(
        "gestion/publicaciones/<int:pk>/difusion/",
        pv.publication_spread,
        name="publication_spread",
    ),
    path(
        "gestion/publicaciones/<int:pk>/comentarios/",
        pv.publication_moderate,
        name="publication_moderate",
    ),
    path("gestion/espacios/<slug:slug>/memoria/", views_memory.staff_memory, name="staff_memory"),
    path(
        "gestion/espacios/<slug:slug>/memoria/fotos/",
        views_memory.staff_photo_add,
        name="staff_photo_add",
    ),
    path(
        "gestion/espacios/<slug:slug>/memoria/fotos/<int:pk>/",
        views_memory.staff_photo_edit,
        name="staff_photo_edit",
    ),
    path(
        "gestion/espacios/<slug:slug>/memoria/fotos/<int:pk>/original/",
        views_memory.staff_photo_original,
        name="staff_photo_original",
    ),
    path(
        "gestion/espacios/<slug:slug>/memoria/grabaciones/",
        views_memory.staff_recording_add,
        name="staff_recording_add",
    ),
    path(
        "gestion/espacios/<slug:slug>/memoria/resultados/",
        views_memory.staff_highlight_add,
        name="staff_highlight_add",
    ),
    path(
        "gestion/espacios/<slug:slug>/memoria/eliminar/<str:what>/<int:pk>/",
        views_memory.staff_memory_delete,
        name="staff_memory_delete",
    ),
]
