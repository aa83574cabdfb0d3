"""Hypothesis profiles (quick by default, derandomized on CI, ``thorough`` on request), and a
fixture that tells which data files a fresh interpreter opens."""

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "thorough",
    max_examples=2_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("quick", max_examples=60, deadline=None)

if "HYPOTHESIS_PROFILE" in os.environ:
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
elif not os.environ.get("CI"):
    settings.load_profile("quick")


@pytest.fixture
def json_files_opened() -> Callable[[str], tuple[list[str], list[str]]]:
    """Run ``import policegrades as pg`` then ``code`` in a fresh interpreter; return the names
    of the JSON files opened by the import, and those opened in all."""

    def run(code: str) -> tuple[list[str], list[str]]:
        script = textwrap.dedent(
            """
            import json, sys
            opened = []
            sys.addaudithook(lambda event, args: event == "open" and opened.append(str(args[0])))
            import policegrades as pg
            at_import = [p for p in opened if p.endswith(".json")]
            {code}
            names = [p.rsplit("/", 1)[-1] for p in opened if p.endswith(".json")]
            print(json.dumps([at_import, names]))
            """
        ).format(code=code)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
        )
        at_import, names = json.loads(result.stdout)
        return at_import, names

    return run
