"""MkDocs hook: the page "How this guide is verified", drawn from the pages and the
last test run.

Every page names the tests that prove its claims (test `test_...`). This hook lists,
page by page, each such claim, its test, and how that test fared in the last run of
`python3 dev.py check` on each SQLAlchemy version, with the backends it ran on. The
results are the files test-results/verification-<version>.json that the test suite
writes (tests/conftest.py) when GUIDE_RECORD_RESULTS=1.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

PAGE = "verified.md"
MARKER = "<!-- verification table -->"
TEST = re.compile(r"`(test_\w+)`")
ITEM = re.compile(r"^\s*(?:\d+\.|-)\s+", re.MULTILINE)


def claims(markdown: str) -> list[tuple[str, str]]:
    """(claim, test) for every test a page names, the claim being the paragraph or
    list item that names it, as plain text."""
    found = []
    for block in re.split(r"\n\s*\n", markdown):
        for item in ITEM.split(block):
            for test in TEST.findall(item):
                text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", item)  # links
                text = re.sub(r"\(?tests?\s+`test_\w+`(,|\s+and)?\)?", "", text)
                text = re.sub(r"`test_\w+`(,|\s+and)?", "", text)
                text = " ".join(text.replace("|", "\\|").split()).strip(" .,;(")
                if len(text) > 220:
                    text = text[:217].rsplit(" ", 1)[0] + " …"
                found.append((text, test))
    return found


def load_results(folder: Path) -> list[dict]:
    runs = []
    for path in sorted(folder.glob("verification-*.json"), reverse=True):
        runs.append(json.loads(path.read_text(encoding="utf-8")))
    return runs


def verdict(outcome: dict) -> str:
    if outcome["failed"]:
        return "failed"
    return "passed" if outcome["passed"] else "skipped"


def status(test: str, run: dict) -> str:
    """How `test` fared in `run`, with the backends it ran on."""
    outcome = run["tests"].get(test)
    if outcome is None:
        return "not run"
    if verdict(outcome) == "failed":
        return "✘ failed: " + ", ".join(outcome["failed"])
    if verdict(outcome) == "skipped":
        return "skipped"
    ids = {part for case in outcome["passed"] for part in case.split("-")}
    backends = [b for b in run["backends"] if b in ids]
    return "✔ " + (", ".join(backends) if backends else "passed")


def table(pages: dict[str, tuple[str, str]], runs: list[dict]) -> str:
    """The generated part of the page: a summary, then one table per page."""
    if not runs:
        return (
            '!!! note "No test results yet"\n\n'
            "    This copy of the site was built before any test run. "
            "`python3 dev.py check` runs the suite and records its results; the next "
            "build shows them here.\n"
        )
    lines = ["| SQLAlchemy | Python | Backends | Passed | Failed | Skipped |"]
    lines.append("| --- | --- | --- | --- | --- | --- |")
    for run in runs:
        counts = Counter(verdict(outcome) for outcome in run["tests"].values())
        lines.append(
            f"| {run['sqlalchemy']} | {run['python']} | {', '.join(run['backends'])}"
            f" | {counts['passed']} | {counts['failed']} | {counts['skipped']} |"
        )
    lines.append("")
    for src_uri, (title, markdown) in pages.items():
        found = claims(markdown)
        if not found:
            continue
        lines += [f"## [{title}]({src_uri})", ""]
        header = "| Claim | Test | " + " | ".join(
            f"SQLAlchemy {r['sqlalchemy']}" for r in runs
        )
        lines += [header + " |", "| --- | --- |" + " --- |" * len(runs)]
        for text, test in found:
            cells = " | ".join(status(test, run) for run in runs)
            lines.append(f"| {text} | `{test}` | {cells} |")
        lines.append("")
    return "\n".join(lines)


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != PAGE or MARKER not in markdown:
        return markdown
    root = Path(config.config_file_path).parent
    pages = {}
    for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
        if file.src_uri == PAGE or not file.src_uri.endswith(".md"):
            continue
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        heading = re.search(r"^# (.+)$", text, re.MULTILINE)
        pages[file.src_uri] = (heading[1] if heading else file.src_uri, text)
    return markdown.replace(MARKER, table(pages, load_results(root / "test-results")))
