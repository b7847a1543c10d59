from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("datos/", views.index, name="index"),
    path("datos/datapackage.json", views.datapackage, name="datapackage"),
    path("datos/dcat.jsonld", views.dcat_jsonld, name="dcat_jsonld"),
    path("datos/dcat.ttl", views.dcat_turtle, name="dcat_turtle"),
    path("datos/api/3", views.ckan_api_root, name="ckan_root"),
    path("datos/api/3/action/<str:action>", views.ckan_action, name="ckan_action"),
    path("datos/<int:year>/<slug:slug>/", views.dataset, name="dataset"),
    path("datos/<int:year>/<slug:slug>.<str:fmt>", views.download, name="download"),
]
