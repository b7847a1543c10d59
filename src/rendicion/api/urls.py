from django.urls import path, re_path

from . import views
from .api import api

app_name = "api"

urlpatterns = [
    path("api/", views.docs, name="docs"),
    path("api/openapi.json", views.openapi_json, name="openapi"),
    # Anything else under /api/ that no route took: a 404 in the API's error shape.
    re_path(r"^api/(?P<rest>[\s\S]*)$", views.not_found, name="not_found"),
    path("gestion/api/claves/", views.token_list, name="token_list"),
    path("gestion/api/claves/revocar/", views.token_revoke, name="token_revoke"),
]


def rest_urls():
    """/api/v1/: ninja's routes, each behind the rate limits and ETags (views.api_call)."""
    patterns, app, namespace = api.urls
    for pattern in patterns:
        pattern.callback = views.api_call(pattern.callback)
    return patterns, app, namespace
