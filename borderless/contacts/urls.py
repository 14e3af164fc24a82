# Contact pages live under /atlas/ beside the profiles they start from.
from django.urls import path

from . import views

app_name = "contacts"

urlpatterns = [
    path("contacts/", views.contacts, name="list"),
    path("contacts/introduce/", views.introduce, name="introduce"),
    path("contacts/<int:pk>/", views.contact_detail, name="detail"),
    path("contacts/<int:pk>/decide/", views.contact_decide, name="decide"),
    path("contacts/<int:pk>/withdraw/", views.contact_withdraw, name="withdraw"),
    path("contacts/<int:pk>/report/", views.contact_report, name="report"),
    path("notifications/", views.notifications, name="notifications"),
    path("<slug:slug>/contact/", views.contact_new, name="new"),
    path("<slug:slug>/block/", views.block, name="block"),
]
