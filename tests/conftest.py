"""Hypothesis profiles: ``default`` explores new random examples on every run (local work finds new
counterexamples); ``ci`` (``HYPOTHESIS_PROFILE=ci``, set by ``.ci/run``) is derandomized, so a CI run
is reproducible and a red build is never a roll of the dice."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
