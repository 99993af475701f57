"""Recording leavers from a CSV file: all or nothing; every problem listed by row number;
leavers already open, or twice in the file, reported and not duplicated."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.organisations.models import Pathway
from leaver.pathways.staff import upload
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.tests.cast import make_staff_case

HEADER = ("name,email,job_role,department,line_manager_email,line_manager_name,start_date,"
          "leaving_date,reason_code,school,language")


def row(name: str = "Ali Khan", email: str = "ali@home.example", start: str = "2019-09-01",
        leaving: str = "31/07/2027", reason: str = "workload", school: str = "Hill Primary",
        manager_email: str = "", manager_name: str = "Pat Jones", language: str = "en") -> str:
    return (f"{name},{email},Teacher,Maths,{manager_email},{manager_name},{start},{leaving},"
            f"{reason},{school},{language}")


def post(client, *rows: str, header: str = HEADER, name: str = "leavers.csv"):
    data = "\n".join([header, *rows]).encode()
    return client.post(reverse("staff:upload"),
                       {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


def staff_cases() -> int:
    return Interview.objects.filter(pathway=Pathway.STAFF).count()


def test_the_page_documents_the_columns_and_the_reason_codes(client, staff):
    client.force_login(staff.hr_lead)
    page = client.get(reverse("staff:upload")).content.decode()
    for column in upload.COLUMNS:
        assert column in page
    assert "<code>pupil_behaviour</code>" in page


def test_a_good_file_records_every_leaver_and_says_how_many(client, staff):
    client.force_login(staff.hr_lead)
    response = post(client, row(),
                    row("Bea Lund", "bea@home.example", school="Vale Academy", language="cy",
                        manager_email=staff.line_manager.email, manager_name=""))
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "2 leavers recorded" in page
    assert staff_cases() == 2
    bea = Interview.objects.get(leaver_name="Bea Lund").staff_leaver
    assert bea.language == "cy"
    assert bea.line_manager == staff.line_manager
    ali = Interview.objects.get(leaver_name="Ali Khan").staff_leaver
    assert ali.line_manager_name == "Pat Jones"
    assert str(ali.leaving_date) == "2027-07-31"
    assert AuditEvent.objects.filter(action=StaffEvent.LEAVER_RECORDED).count() == 2
    assert AuditEvent.objects.filter(action=StaffEvent.LEAVERS_UPLOADED).count() == 1


def test_any_bad_row_lists_every_problem_by_row_and_records_nothing(client, staff):
    client.force_login(staff.hr_lead)
    response = post(client, row(),
                    row("Bea Lund", "bea@home.example", reason="bored"),
                    row("Cal Moss", "cal@home.example", start="2020-01-01",
                        leaving="2019-01-01"),
                    row("Dee Ray", "dee@home.example", start="31 June 2020"),
                    row("Eve Sol", "eve@home.example", school="Nowhere High"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Row 3: “bored” is not one of the reasons for leaving" in page
    assert "Row 4: the leaving date is before the start date" in page
    assert "Row 5: the start date must be a date like" in page
    assert "Row 6: “Nowhere High” is not one of the open schools" in page
    assert "Row 2" not in page
    assert staff_cases() == 0
    assert not AuditEvent.objects.filter(action__startswith="staff.").exists()


def test_a_headteacher_cannot_upload_for_another_school(client, staff):
    client.force_login(staff.headteacher)
    response = post(client, row(school="Vale Academy"))
    assert "Row 2: “Vale Academy” is not one of the open schools" in response.content.decode()
    assert staff_cases() == 0


def test_a_leaver_already_open_or_twice_in_the_file_is_reported(client, staff):
    make_staff_case(staff, email="ali@home.example")
    client.force_login(staff.hr_lead)
    response = post(client, row(email="ALI@home.example"),
                    row("Bea Lund", "bea@home.example"), row("Bea Lund", "bea@home.example"))
    page = response.content.decode()
    assert "Row 2: a case for ALI@home.example at Hill Primary is already open" in page
    assert "Row 4: the same leaver is also in row 3" in page
    assert staff_cases() == 1


def test_a_leaver_whose_case_ended_can_be_recorded_again(client, staff):
    from leaver.pathways.staff.states import State

    make_staff_case(staff, State.DECLINED, email="ali@home.example")
    client.force_login(staff.hr_lead)
    assert post(client, row()).status_code == 302
    assert staff_cases() == 2


@pytest.mark.parametrize(("rows", "header", "message"), [
    ((), HEADER, "The file has no leavers in it."),
    ((row(),), "name,email,school", "The header row is missing: job_role, start_date"),
    ((row(),), HEADER + ",salary", "columns Leaver does not know: salary"),
])
def test_a_file_of_the_wrong_shape_is_refused(client, staff, rows, header, message):
    client.force_login(staff.hr_lead)
    response = post(client, *rows, header=header)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert staff_cases() == 0


def test_too_many_rows_or_too_big_a_file_is_refused(client, staff, monkeypatch):
    client.force_login(staff.hr_lead)
    monkeypatch.setattr(upload, "MAX_ROWS", 2)
    rows = [row(email=f"p{i}@home.example") for i in range(3)]
    assert "more than 2 leavers" in post(client, *rows).content.decode()
    big = SimpleUploadedFile("big.csv", b"x" * (upload.MAX_BYTES + 1))
    response = client.post(reverse("staff:upload"), {"file": big})
    assert response.status_code == 400
    assert "KB or smaller" in response.content.decode()
    assert staff_cases() == 0


def test_only_a_csv_file_is_accepted(client, staff):
    client.force_login(staff.hr_lead)
    response = post(client, row(), name="leavers.xlsx")
    assert "must be a CSV file" in response.content.decode()
    assert staff_cases() == 0


def test_a_formula_in_a_cell_is_kept_as_text(client, staff):
    client.force_login(staff.hr_lead)
    assert post(client, row(name="=HYPERLINK(x)")).status_code == 302
    assert Interview.objects.get(pathway=Pathway.STAFF).leaver_name == "=HYPERLINK(x)"


def test_the_action_checks_the_rows_again_and_records_none_if_one_is_now_open(staff):
    from leaver.core.errors import ActionRefused
    from leaver.pathways.staff.actions_leavers import record_leavers
    from leaver.pathways.staff.tests.cast import leaver_details

    # Checked, then someone recorded the second leaver before the upload was saved.
    rows = [(2, leaver_details(staff, email="a@home.example")),
            (5, leaver_details(staff, email="b@home.example"))]
    make_staff_case(staff, email="b@home.example")
    with pytest.raises(ActionRefused, match=r"Row 5: a case for b@home\.example"):
        record_leavers(actor=staff.hr_lead, rows=rows)
    assert staff_cases() == 1
    assert not AuditEvent.objects.filter(action=StaffEvent.LEAVERS_UPLOADED).exists()
