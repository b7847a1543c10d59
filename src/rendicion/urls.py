from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from rendicion.api.urls import rest_urls
from rendicion.sitemaps import SITEMAPS

admin.site.site_header = "Rendición — administración"
admin.site.site_title = "Rendición"

urlpatterns = [
    path("", include("rendicion.core.urls")),
    path("", include("rendicion.portal.urls")),
    path("", include("rendicion.strategy.urls")),
    path("", include("rendicion.spaces.urls")),
    path("", include("rendicion.participation.urls")),
    path("", include("rendicion.assessment.urls")),
    path("", include("rendicion.stakeholders.urls")),
    path("", include("rendicion.questions.urls")),
    path("", include("rendicion.commitments.urls")),
    path("", include("rendicion.reports.urls")),
    path("", include("rendicion.privacy.urls")),
    path("", include("rendicion.opendata.urls")),
    path("api/v1/", rest_urls()),
    path("", include("rendicion.api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("gestion/admin/", admin.site.urls),
]
