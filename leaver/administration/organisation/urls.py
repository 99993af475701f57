"""The organisation settings area (see leaver/administration/urls.py): one first page with a
card per section, then each section's pages. A new section adds its pages here and its card
in queries.SECTIONS."""

from django.urls import path

from leaver.administration.organisation import (
    views,
    views_deadlines,
    views_distribution,
    views_places,
    views_statements,
)

app_name = "organisation"
urlpatterns = [
    path("", views.index, name="index"),
    path("places/", views_places.place_list, name="places"),
    path("places/add/", views_places.place_add, name="place_add"),
    path("places/<uuid:public_id>/change/", views_places.place_change, name="place_change"),
    path("places/<uuid:public_id>/close/", views_places.place_close, name="place_close"),
    path("places/<uuid:public_id>/reopen/", views_places.place_reopen, name="place_reopen"),
    path("statements/", views_statements.statement_list, name="statements"),
    path("statements/<slug:pathway>/new/", views_statements.statement_new,
         name="statement_new"),
    path("statements/<uuid:public_id>/", views_statements.statement_preview, name="statement"),
    path("statements/<uuid:public_id>/change/", views_statements.statement_change,
         name="statement_change"),
    path("statements/<uuid:public_id>/publish/", views_statements.statement_publish,
         name="statement_publish"),
    path("statements/<uuid:public_id>/delete/", views_statements.statement_delete,
         name="statement_delete"),
    path("distribution/", views_distribution.rule_list, name="distribution"),
    path("distribution/<slug:pathway>/add/", views_distribution.rule_add, name="rule_add"),
    path("distribution/<slug:pathway>/check/", views_distribution.rule_check,
         name="rule_check"),
    path("distribution/<uuid:public_id>/remove/", views_distribution.rule_remove,
         name="rule_remove"),
    path("letters/", views.letter_details, name="letters"),
    path("letters/organisation/", views.organisation_details, name="organisation_details"),
    path("letters/contacts/", views.letter_contacts, name="letter_contacts"),
    path("deadlines/", views_deadlines.deadline_list, name="deadlines"),
    path("deadlines/change/", views_deadlines.deadlines_change, name="deadlines_change"),
]
