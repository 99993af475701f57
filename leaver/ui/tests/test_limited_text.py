"""Free text with a limit (leaver.ui.widgets.LimitedTextField) and how a limited box is drawn:
the GOV.UK message over the limit, a line break counted once, never a maxlength that cuts text
off, and the GOV.UK character count on long boxes (text inputs do without)."""

from __future__ import annotations

from django import forms
from django.template import Context, Template

from leaver.ui.widgets import LimitedTextField


class NoteForm(forms.Form):
    note = LimitedTextField(label="Note", limit=5, what="The note",
                            widget=forms.Textarea(attrs={"rows": 2}))
    name = LimitedTextField(label="Name", limit=1_200, what="Name")


def test_text_at_the_limit_is_kept_and_one_over_is_refused_in_govuk_words():
    assert NoteForm({"note": "12345", "name": "Jo"}).is_valid()
    form = NoteForm({"note": "123456", "name": "Jo"})
    assert not form.is_valid()
    assert form.errors["note"] == ["The note must be 5 characters or fewer."]


def test_a_line_break_is_one_character():
    form = NoteForm({"note": "12\r\n45", "name": "Jo"})
    assert form.is_valid()
    assert form.cleaned_data["note"] == "12\n45"


def render(form: forms.Form, name: str) -> str:
    return Template("{% load govuk %}{% govuk_field field %}").render(
        Context({"field": form[name]}))


def test_a_long_box_counts_characters_and_never_cuts_text_off():
    form = NoteForm({"note": "123456", "name": "Jo"})
    form.is_valid()
    html = render(form, "note")
    assert 'data-module="govuk-character-count" data-maxlength="5"' in html
    assert "govuk-js-character-count" in html
    assert 'aria-describedby="id_note-info id_note-error"' in html
    assert '<div id="id_note-info" class="govuk-hint govuk-character-count__message">' \
           "You can enter up to 5 characters</div>" in html
    assert "maxlength=" not in html.replace("data-maxlength=", "")
    assert "\n123456</textarea>" in html  # what was typed, shown again


def test_a_text_input_has_no_character_count():
    html = render(NoteForm(), "name")
    assert "govuk-character-count" not in html
    assert "maxlength" not in html
