"""The periodic jobs of this package, registered when the app is ready."""

from __future__ import annotations

from leaver.notifications import digest, schedule


def register_jobs() -> None:
    # Every quarter of an hour: the summaries go out within 15 minutes of DIGEST_HOUR.
    schedule.register("notifications.daily_summary", 15, digest.build_digests)
