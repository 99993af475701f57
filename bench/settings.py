"""The bench's settings: Leaver's own (read from the environment as in production; bench.run
sets DEBUG off), with the bench's URLs, which add one bare view (bench.bare)."""

from leaver.settings import *  # noqa: F403

ROOT_URLCONF = "bench.bare"
