from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from borderless.api.api import api
from borderless.web import views as web_views

admin.site.site_header = _("Borderless administration")
admin.site.site_title = _("Borderless")
admin.site.index_title = _("Platform data")

urlpatterns = [
    path("api/", api.urls),
    path("language/", web_views.switch_language, name="switch_language"),
]

urlpatterns += i18n_patterns(
    path("", include("borderless.web.urls")),
    path("accounts/", include("borderless.accounts.urls")),
    path("organisations/", include("borderless.organisations.urls")),
    path("quickscan/", include("borderless.quickscan.urls")),
    path("instruments/", include("borderless.instruments.urls")),
    # Partner suggestions and contacts sit under /atlas/ beside the profiles; the atlas's own
    # /atlas/<reference>/ comes last so that it claims no address of theirs.
    path("atlas/", include("borderless.matching.urls")),
    path("atlas/", include("borderless.contacts.urls")),
    path("atlas/", include("borderless.atlas.urls")),
    path("network/", include("borderless.network.urls")),
    path("jobs/", include("borderless.jobs.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

# Errors answer JSON under /api/ and a translated page elsewhere; a database outage answers 503.
handler400 = "borderless.web.errors.bad_request"
handler404 = "borderless.web.errors.page_not_found"
handler500 = "borderless.web.errors.server_error"
