"""Workbooks written in the wild (the XLSForm project's own examples, published/README.md):
each imports, and exports back to a workbook pyxform accepts that re-imports to an equal spec,
or is refused with the sheet, row and column of each thing that would change its meaning."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyxform.xls2json import workbook_to_json
from pyxform.xls2json_backends import get_xlsform

from leaver.questionnaires.xlsform import XLSFormError, import_xlsform, write_xlsform

PUBLISHED = Path(__file__).parent / "published"

IMPORTED = {
    # file: (key, number of items)
    "extra_columns.xlsx": ("extra_columns", 1),
    "field-list.xlsx": ("field-list", 1),
    "group.xlsx": ("group", 3),
    "specify_other.xlsx": ("specify_other", 2),
    "text_and_integer.xlsx": ("text_and_integer", 2),
    "yes_or_no_question.xlsx": ("yes_or_no_question", 1),
}

REFUSED = {
    # file: a place and words every refusal of it must include (sheet, row, column)
    "UCL_Biomass_Plot_Form.xlsx": ["sheet 'survey', row 16, column 'type': This uses choices "
                                   "from a file"],
    "case_insensitivity.xlsx": ["The sheet 'external_choices' uses choices from a file",
                                "The sheet 'osm' uses OpenStreetMap questions"],
    "choice_filter_test.xlsx": ["sheet 'survey', row 3, column 'choice_filter'"],
    "or_other.xlsx": ["sheet 'survey', row 3, column 'choice_filter'"],
    "loop.xlsx": ["sheet 'survey', row 3, column 'type'"],
    "xlsform_spec_test.xlsx": ["sheet 'survey', row 5, column 'label::english': Wording "
                               "cannot include the answers to other questions"],
    "survey_no_name.xlsx": ["The workbook has no 'survey' sheet"],
}


def test_every_published_workbook_is_covered():
    assert {p.name for p in PUBLISHED.glob("*.xlsx")} == set(IMPORTED) | set(REFUSED)


@pytest.mark.parametrize("name", sorted(IMPORTED))
def test_a_published_workbook_imports_and_round_trips(name, tmp_path):
    got = import_xlsform((PUBLISHED / name).read_bytes(), name)
    key, items = IMPORTED[name]
    assert got.questionnaire.key == key
    assert len(list(got.questionnaire.items())) == items
    written = write_xlsform(got.questionnaire)
    # pyxform, the reference implementation, accepts what Leaver writes back ...
    exported = tmp_path / f"{key}.xlsx"
    exported.write_bytes(written)
    assert workbook_to_json(get_xlsform(str(exported)), form_name=key)["children"]
    # ... and it reads back to the same questionnaire.
    assert import_xlsform(written, name).questionnaire == got.questionnaire


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_published_workbook_using_what_would_change_meaning_is_refused_by_place(name):
    with pytest.raises(XLSFormError) as refused:
        import_xlsform((PUBLISHED / name).read_bytes(), name)
    said = [str(problem) for problem in refused.value.problems]
    for expected in REFUSED[name]:
        assert any(expected in line for line in said), (expected, said)


def test_a_published_form_in_another_default_language_is_not_refused_for_its_title():
    # UCL_Biomass_Plot_Form's default language is Swahili (sw) and it has no title at all: its
    # key, from the file name, is its English title; it is refused only for what it uses.
    with pytest.raises(XLSFormError) as refused:
        import_xlsform((PUBLISHED / "UCL_Biomass_Plot_Form.xlsx").read_bytes(),
                       "UCL_Biomass_Plot_Form.xlsx")
    assert [p for p in refused.value.problems if p.sheet == "settings"] == []
