from django.urls import path

from . import views, views_exports, views_research, views_result

app_name = "quickscan"

urlpatterns = [
    path("", views.start, name="start"),
    path("how-we-score/", views.method, name="method"),
    path("take/<str:section>/", views.section, name="section"),
    path("complete/", views.complete, name="complete"),
    path("results/<uuid:public_id>/", views_result.result, name="result"),
    path("results/<uuid:public_id>/report.pdf", views_exports.report_pdf, name="pdf"),
    path("results/<uuid:public_id>/assessment.json", views_exports.assessment_json, name="json"),
    path("history/", views_result.history, name="history"),
    path("organisations/<slug:slug>/history/", views_result.history, name="organisation_history"),
    path("advisors/", views_result.advisors, name="advisors"),
    path("clients/", views_result.clients, name="clients"),
    path("research.csv", views_research.research_csv, name="research_csv"),
]
