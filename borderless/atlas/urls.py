from django.urls import path

from . import views_atlas, views_contacts, views_matching

app_name = "atlas"

urlpatterns = [
    path("", views_atlas.search, name="search"),
    path("map.json", views_atlas.map_data, name="map_data"),
    path("profile/", views_atlas.profile_edit, name="profile_edit"),
    path("partners/", views_matching.recommendations, name="recommendations"),
    path("contacts/", views_contacts.contacts, name="contacts"),
    path("contacts/introduce/", views_contacts.introduce, name="introduce"),
    path("contacts/<int:pk>/", views_contacts.contact_detail, name="contact_detail"),
    path("contacts/<int:pk>/decide/", views_contacts.contact_decide, name="contact_decide"),
    path("contacts/<int:pk>/withdraw/", views_contacts.contact_withdraw, name="contact_withdraw"),
    path("contacts/<int:pk>/report/", views_contacts.contact_report, name="contact_report"),
    path("notifications/", views_contacts.notifications, name="notifications"),
    path("<slug:slug>/", views_atlas.detail, name="detail"),
    path("<slug:slug>/contact/", views_contacts.contact_new, name="contact_new"),
    path("<slug:slug>/block/", views_contacts.block, name="block"),
]
