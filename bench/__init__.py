"""`make bench`: synthetic data at scale and measurements against baselines (docs/performance.md).

Not part of the application: nothing under leaver/ imports it."""
