"""In CI, a test that did not run fails the run: a pytest plugin (pyproject addopts).

CI sets GUIDE_REQUIRE_SERVERS, GUIDE_REQUIRE_BROWSER and GUIDE_REQUIRE_NODE (.ci/run).
With any of them set to 1, a skipped, xfailed or xpassed test turns a green run red,
and the summary lists each one with its reason: nothing may be quietly left out.
"""

from __future__ import annotations

import os

import pytest

SETTINGS = ("GUIDE_REQUIRE_SERVERS", "GUIDE_REQUIRE_BROWSER", "GUIDE_REQUIRE_NODE")
_not_run: list[str] = []


def required() -> bool:
    return any(os.environ.get(setting) == "1" for setting in SETTINGS)


def pytest_runtest_logreport(report) -> None:
    if hasattr(report, "wasxfail"):
        _not_run.append(f"{report.nodeid}: xfail {report.wasxfail}".rstrip())
    elif report.skipped:
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else ""
        _not_run.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session, exitstatus) -> None:
    if required() and _not_run and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter) -> None:
    if required() and _not_run:
        terminalreporter.section("not run, which CI does not allow", red=True)
        for line in _not_run:
            terminalreporter.line(line)
