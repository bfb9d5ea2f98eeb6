"""Fuzzing stays cheap and repeatable in CI: few examples, derandomized (the same inputs on every run), no example
database written to the work tree, no deadline (the machine is shared)."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "cchc-ci",
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile("cchc-ci")

# the fixed cast of the web tests (an officer, a plan) is used here too
from tests.web.conftest import *  # noqa: E402, F403
