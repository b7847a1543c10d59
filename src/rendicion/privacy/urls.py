from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("datos-personales/", views.rights, name="rights"),
    path("datos-personales/solicitud/", views.request_form, name="request"),
    path(
        "datos-personales/solicitud/<uuid:key>/",
        views.request_received,
        name="request_received",
    ),
    path("gestion/datos-personales/", views.queue, name="queue"),
    path(
        "gestion/datos-personales/solicitudes/<int:pk>/",
        views.request_detail,
        name="request_detail",
    ),
    path("gestion/datos-personales/persona/", views.person, name="person"),
    path(
        "gestion/datos-personales/persona/exportar.<str:fmt>",
        views.person_export,
        name="person_export",
    ),
    path("gestion/datos-personales/persona/anonimizar/", views.person_erase, name="person_erase"),
    path(
        "gestion/datos-personales/registros/<str:record_type>/<int:pk>/corregir/",
        views.rectify,
        name="rectify",
    ),
]
