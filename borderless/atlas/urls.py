from django.urls import path

from . import views

app_name = "atlas"

urlpatterns = [
    path("", views.search, name="search"),
    path("map.json", views.map_data, name="map_data"),
    path("profile/", views.profile_edit, name="profile_edit"),
    path("import/", views.organisations_import_upload, name="import"),
    path("<slug:slug>/", views.detail, name="detail"),
]
