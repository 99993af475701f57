"""Measure 3, in a process of its own so that its peak memory is the export's alone:
`python -m bench.export_probe ORGANISATION_ID YEAR` streams the answers CSV
(leaver.reports.answers_export) to nowhere and prints, as JSON, the rows, the seconds, and how
far the process's peak resident memory rose above where it stood before the export."""

from __future__ import annotations

import json
import sys
import time

import django


def _kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise LookupError(field)


def main(organisation_id: int, year: int) -> dict[str, float]:
    django.setup()
    from leaver.organisations.models import Organisation  # after setup
    from leaver.reports.answers_export import answers_csv

    organisation = Organisation.objects.get(pk=organisation_id)
    # Warm: the questionnaire parsed, the connection open, the modules imported.
    for _line in answers_csv(organisation, year - 10):
        pass
    before = _kib("VmRSS")
    start = time.perf_counter()
    lines = size = 0
    for line in answers_csv(organisation, year):
        lines += 1
        size += len(line)
    seconds = time.perf_counter() - start
    peak = _kib("VmHWM")
    return {"rows": lines - 1, "seconds": seconds, "bytes": size,
            "rss_before_mb": before / 1024, "peak_growth_mb": max(0, peak - before) / 1024}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]), int(sys.argv[2]))))
