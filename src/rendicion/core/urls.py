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
]
