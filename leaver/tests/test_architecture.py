"""The shape of the code is checked by tools in `make test`; these prove the tools would catch
a break, so a silently passing check cannot hide one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from leaver.cases import engine
from leaver.organisations.models import Pathway

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
BASH = shutil.which("bash") or "/bin/bash"


def test_the_import_contracts_hold():
    result = subprocess.run([LINT_IMPORTS, "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_an_upward_import_breaks_the_layers_contract(tmp_path):
    # The same layers with the kernel put beneath the questionnaires it imports: its real
    # imports now run upward.
    config = (ROOT / ".importlinter").read_text()
    swapped = config.replace("    leaver.cases\n    leaver.questionnaires\n",
                             "    leaver.questionnaires\n    leaver.cases\n")
    assert swapped != config
    (tmp_path / ".importlinter").write_text(swapped)
    result = subprocess.run([LINT_IMPORTS, "--no-cache", "--config", tmp_path / ".importlinter"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "leaver.cases is not allowed to import leaver.questionnaires" in result.stdout


def test_the_module_size_check_names_a_module_over_the_limit():
    ok = subprocess.run([BASH, "scripts/module-sizes.sh"], cwd=ROOT, capture_output=True,
                        text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    tight = subprocess.run([BASH, "scripts/module-sizes.sh", "300"], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    assert tight.returncode == 1
    assert "leaver/questionnaires/conditions.py" in tight.stderr


def test_every_pathway_that_cases_can_be_on_is_registered():
    registered = {d.pathway for d in engine.definitions()}
    assert Pathway.YOUNG_PERSON in registered
    for definition in engine.definitions():
        # Every transition's states are states of its own pathway.
        states = set(definition.states.values)
        for transition in definition.transitions.values():
            assert transition.sources <= states, transition.name
            assert transition.target is None or transition.target in states, transition.name
        assert definition.terminal <= states


def test_the_kernel_never_asks_which_pathway_a_case_is_on():
    """leaver.cases and leaver.reviews serve every pathway: what differs is in the pathway's
    Definition, never in an `if case.pathway == …` of theirs (issue 11)."""
    import re

    root = Path(__file__).resolve().parents[1]
    asking = re.compile(r"pathway\s*[!=]=|Pathway\.(STAFF|YOUNG_PERSON)")
    found = [f"{path.relative_to(root)}:{number}"
             for package in ("cases", "reviews")
             for path in sorted((root / package).rglob("*.py"))
             if "tests" not in path.parts and "migrations" not in path.parts
             for number, line in enumerate(path.read_text().splitlines(), 1)
             if asking.search(line)]
    assert found == []
