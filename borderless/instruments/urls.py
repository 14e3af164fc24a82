from django.urls import path

from . import views, views_curation

app_name = "instruments"

urlpatterns = [
    path("", views.finder, name="finder"),
    path("for-my-organisation/", views.mine, name="mine"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("deadlines.ics", views.export_ics, name="export_ics"),
    path("saved/", views.saved, name="saved"),
    path("saved/<int:pk>/delete/", views.saved_delete, name="saved_delete"),
    path("curate/", views_curation.curate, name="curate"),
    path("curate/new/", views_curation.create, name="create"),
    path("curate/import/", views_curation.import_catalogue, name="import"),
    path("curate/changes/", views_curation.changes, name="changes"),
    path("catalogue.json", views_curation.export_json, name="export_json"),
    path("catalogue.csv", views_curation.export_catalogue_csv, name="export_catalogue_csv"),
    path("<slug:identifier>/", views.detail, name="detail"),
    path("<slug:identifier>/edit/", views_curation.edit, name="edit"),
    path("<slug:identifier>/verify/", views_curation.verify, name="verify"),
    path("<slug:identifier>/history/", views_curation.history, name="history"),
]
