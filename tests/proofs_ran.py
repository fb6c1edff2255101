"""After a full `dev.py check`: did every test that a page links as a proof run, and
pass, in this very run? `python -m tests.proofs_ran` prints one line per proof that
did not, and exits 1 if there is one.

A test is looked up in the run's results (test-results/verification-*.json, written
by tests/conftest.py), never in the source: a test file that a `collect_ignore` or a
conftest left out, a test deselected or never collected on one series, leaves a
proof link with no result, and that fails here. A test of a version-independent file
runs once, on SQLAlchemy 2.1; every other test must have passed on both series.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROOF = re.compile(r"\[proof\]\(verified\.md#(test_\w+)\)")
SERIES = ("2.1", "2.0")


def linked(docs: Path) -> dict[str, str]:
    """Each test a page links as a proof, with the first page that links it."""
    tests: dict[str, str] = {}
    for page in sorted(docs.rglob("*.md")):
        for name in PROOF.findall(page.read_text(encoding="utf-8")):
            tests.setdefault(name, str(page.relative_to(docs)))
    return tests


def outcomes(results: Path) -> dict[str, dict[str, dict[str, list[str]]]]:
    """test name -> series -> outcome -> cases, merged over the run's processes."""
    merged: dict[str, dict[str, dict[str, list[str]]]] = {}
    for path in sorted(results.glob("verification-*.json")):
        run = json.loads(path.read_text(encoding="utf-8"))
        series = ".".join(run["sqlalchemy"].split(".")[:2])
        for name, by_outcome in run["tests"].items():
            mine = merged.setdefault(name, {}).setdefault(series, {})
            for outcome, cases in by_outcome.items():
                mine.setdefault(outcome, []).extend(cases)
    return merged


def once_only(tests: Path, files: list[str]) -> set[str]:
    """The test functions of the version-independent files, run on one series."""
    names: set[str] = set()
    for file in files:
        source = (tests.parent / file).read_text(encoding="utf-8")
        names.update(re.findall(r"^def (test_\w+)\(", source, re.MULTILINE))
    return names


def unproven(docs: Path, results: Path, version_independent: list[str]) -> list[str]:
    """One line per proof link whose test did not pass in the run."""
    ran = outcomes(results)
    single = once_only(ROOT / "tests", version_independent)
    problems = []
    for name, page in linked(docs).items():
        needed = SERIES[:1] if name in single else SERIES
        for series in needed:
            seen = ran.get(name, {}).get(series, {})
            bad = {o: c for o, c in seen.items() if o != "passed" and c}
            if not seen.get("passed"):
                problems.append(f"{page}: {name} did not run on SQLAlchemy {series}")
            elif bad:
                problems.append(f"{page}: {name} on SQLAlchemy {series}: {bad}")
    return problems


def main() -> int:
    from dev import VERSION_INDEPENDENT

    problems = unproven(ROOT / "docs", ROOT / "test-results", VERSION_INDEPENDENT)
    for line in problems:
        print(f"proof without a passing test in this run: {line}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
