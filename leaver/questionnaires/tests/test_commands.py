"""import_xlsform / export_xlsform from the command line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from leaver.questionnaires.models import Version
from leaver.questionnaires.xlsform import read_xlsform

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ROOT = Path(__file__).resolve().parents[3]


def test_import_prints_the_key_and_version_and_export_round_trips(cast, tmp_path):
    out = io.StringIO()
    call_command("import_xlsform", str(SEEDS / "yp-appendix-1.xlsx"),
                 organisation=cast.org.slug, publish=True, stdout=out)
    # The cast's organisation already has version 1: it is seeded from the same workbook.
    assert out.getvalue().strip() == "yp-appendix-1 version 2 (published)"
    target = tmp_path / "out.xlsx"
    call_command("export_xlsform", "yp-appendix-1", output=str(target), stdout=io.StringIO())
    assert read_xlsform(target) == read_xlsform(SEEDS / "yp-appendix-1.xlsx")


def test_importing_again_makes_a_new_draft_after_the_published_one(cast):
    seed = str(SEEDS / "staff-exit.xlsx")
    call_command("import_xlsform", seed, organisation=cast.org.slug, publish=True,
                 pathway="staff", stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_xlsform", seed, organisation=cast.org.slug, template="staff-2026",
                 stdout=out)
    assert out.getvalue().strip() == "staff-2026 version 1 (draft)"
    call_command("import_xlsform", seed, organisation=cast.org.slug, stdout=out)
    assert out.getvalue().strip().endswith("staff-exit version 2 (draft)")


def test_a_bad_workbook_is_refused_whole_with_exit_status_1(cast, tmp_path):
    book = openpyxl.load_workbook(SEEDS / "yp-appendix-1.xlsx")
    survey = book["survey"]
    survey.append(["begin repeat", "visits", "Visits"])
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    before = list(Version.objects.values())
    with pytest.raises(CommandError, match="was not imported"):
        call_command("import_xlsform", str(bad), organisation=cast.org.slug,
                     stdout=io.StringIO(), stderr=io.StringIO())
    assert list(Version.objects.values()) == before


def test_the_command_exits_1_and_names_the_problem(tmp_path):
    environment = {"DEBUG": "true", "PATH": "/usr/bin:/bin",
                   "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}

    def manage(*words: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "manage.py", *words], cwd=ROOT, env=environment,
                              capture_output=True, text=True, timeout=300, check=False)

    assert manage("migrate", "-v0").returncode == 0
    assert manage("load_demo").returncode == 0
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"this is not a workbook")
    result = manage("import_xlsform", str(bad), "--organisation", "demo")
    assert result.returncode == 1
    assert "not imported" in result.stderr
    assert "workbook" in result.stderr.lower()
    good = manage("import_xlsform", str(SEEDS / "staff-exit.xlsx"), "--organisation", "demo",
                  "--pathway", "staff", "--publish")
    # The demo published version 1 for Riverside Academy: this is the next.
    assert (good.returncode, good.stdout.strip()) == (0, "staff-exit version 2 (published)")
    exported = manage("export_xlsform", "staff-exit", "--version", "2", "-o",
                      str(tmp_path / "staff.xlsx"))
    assert exported.returncode == 0, exported.stderr
    assert read_xlsform(tmp_path / "staff.xlsx") == read_xlsform(SEEDS / "staff-exit.xlsx")


def test_import_lists_each_ignored_column_as_a_warning(cast, tmp_path):
    from leaver.questionnaires.tests.xlsform_workbooks import workbook

    path = tmp_path / "Kobo Export.xlsx"
    path.write_bytes(workbook([["type", "name", "label", "autoplay", "media::image"],
                               ["text", "a", "A", "audio", "a.png"]], settings=None))
    out, err = io.StringIO(), io.StringIO()
    call_command("import_xlsform", str(path), organisation=cast.org.slug, stdout=out,
                 stderr=err)
    assert out.getvalue().strip() == "kobo-export version 1 (draft)"
    assert err.getvalue().splitlines() == [
        "Warning: sheet 'survey', column 'autoplay': Ignored: it only changes how ODK apps "
        "show the form.",
        "Warning: sheet 'survey', column 'media::image': Ignored: it only changes how ODK apps "
        "show the form.",
        "Warning: sheet 'settings', column 'form_id': There is no form_id, so the template key "
        "is 'kobo-export', from the file name."]
