from django.urls import path

from . import views, views_exports

app_name = "network"

urlpatterns = [
    # For analysts and staff: the monitor and its views of the stored figures.
    path("", views.monitor, name="monitor"),
    path("organisations/", views.organisations, name="organisations"),
    path("map/", views.map_page, name="map"),
    path("map/values.json", views.map_values, name="map_values"),
    path("graph/", views.graph, name="graph"),
    path("graph/data.json", views.graph_data, name="graph_data"),
    path("patterns/", views.patterns, name="patterns"),
    path("import/", views.import_page, name="import"),
    path("compute/", views.compute, name="compute"),
    # Downloads (Gephi, spreadsheets) of what the pages show, with the same filters.
    path("export/<str:fmt>/", views_exports.export, name="export"),
    # Public: aggregates only, no group under five organisations.
    path("public/", views_exports.public, name="public"),
]
