from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("salud/", views.health, name="health"),
    path("politica-de-datos/", views.privacy, name="privacy"),
    path("terminos-de-uso/", views.terms, name="terms"),
    path("gestion/entrar/", views.LoginView.as_view(), name="login"),
    path("gestion/salir/", auth_views.LogoutView.as_view(), name="logout"),
    path("gestion/auditoria/", views.audit, name="audit"),
    path("gestion/verificar/", views.two_factor_verify_view, name="two_factor_verify"),
    path("gestion/cuenta/", views.account, name="account"),
    path("gestion/cuenta/contrasena/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "gestion/cuenta/verificacion/activar/",
        views.two_factor_enrol_view,
        name="two_factor_enrol",
    ),
    path(
        "gestion/cuenta/verificacion/codigos/",
        views.two_factor_codes_view,
        name="two_factor_codes",
    ),
    path(
        "gestion/cuenta/verificacion/codigos/nuevos/",
        views.two_factor_codes_regenerate_view,
        name="two_factor_codes_regenerate",
    ),
    path(
        "gestion/cuenta/verificacion/quitar/",
        views.two_factor_remove_view,
        name="two_factor_remove",
    ),
]
