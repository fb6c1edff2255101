"""MkDocs hook: the page "How this guide is verified", drawn from the pages and, when
there is one, the last test run.

A page proves a claim with a small link right after it, `[proof](verified.md#test_x)`,
to the row of this page that names its test. This hook lists, page by page, every
such claim (the text of its paragraph or list item since the previous proof link),
its tests, and, once `python3 dev.py check` has run, how each test fared on each
SQLAlchemy version, with the backends it ran on. The results are the files
test-results/verification-<version>-<process>.json that the suite writes
(tests/conftest.py) when GUIDE_RECORD_RESULTS=1.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

PAGE = "verified.md"
MARKER = "<!-- verification table -->"
PROOF = re.compile(r"\[proof\]\(verified\.md#(test_\w+)\)")
ITEM = re.compile(r"^\s*(?:\d+\.|-)\s+", re.MULTILINE)
BOX = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s.*$", re.MULTILINE)  # admonition headers
LONGEST = 300  # characters of a claim shown; longer ones keep their last sentences


def plain(text: str) -> str:
    """Markdown as one line of text: links, emphasis and list markers gone."""
    text = BOX.sub("", text)
    text = re.sub(r"^\s*\[[ xX]\]\s+", "", text)  # a checklist's box
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]|\[([^\]]+)\]\([^)]*\)", r"\1\2", text)
    text = text.replace("**", "")
    text = " ".join(text.split()).strip(" ,;:(")
    text = re.sub(r"^[).,;:]+\s*", "", text)
    if len(text) > LONGEST:
        sentences = re.split(r"(?<=[.!?])\s+", text)
        kept = sentences.pop()
        while sentences and len(sentences[-1]) + len(kept) < LONGEST:
            kept = f"{sentences.pop()} {kept}"
        text = f"… {kept}"
    return text.replace("|", "\\|")


def claims(markdown: str) -> list[tuple[str, list[str]]]:
    """(claim, tests) for every proof link of a page. Proof links with nothing but
    punctuation between them prove one claim together."""
    found: list[tuple[str, list[str]]] = []
    for block in re.split(r"\n\s*\n", markdown):
        for item in ITEM.split(block):
            start = 0
            for match in PROOF.finditer(item):
                text = plain(item[start : match.start()])
                if not text.strip(" ,.;") and found and start:
                    found[-1][1].append(match[1])
                else:
                    found.append((text, [match[1]]))
                start = match.end()
    return found


def load_results(folder: Path) -> list[dict]:
    """The recorded runs, one per SQLAlchemy version (newest first): the files of the
    processes that ran the suite on one version, merged."""
    runs: dict[str, dict] = {}
    for path in sorted(folder.glob("verification-*.json")):
        part = json.loads(path.read_text(encoding="utf-8"))
        run = runs.setdefault(part["sqlalchemy"], {**part, "tests": {}})
        for test, outcome in part["tests"].items():
            merged = run["tests"].setdefault(test, {k: [] for k in outcome})
            for kind, cases in outcome.items():
                merged[kind] += cases
    return sorted(runs.values(), key=lambda run: run["sqlalchemy"], reverse=True)


def verdict(outcome: dict) -> str:
    if outcome["failed"]:
        return "failed"
    return "passed" if outcome["passed"] else "skipped"


def status(tests: list[str], run: dict) -> str:
    """How `tests` fared in `run`, with the backends they ran on."""
    outcomes = [run["tests"].get(test) for test in tests]
    if any(outcome is None for outcome in outcomes):
        return "not run"
    failed = [case for outcome in outcomes for case in outcome["failed"]]
    if failed:
        return "✘ failed: " + ", ".join(failed)
    if any(verdict(outcome) == "skipped" for outcome in outcomes):
        return "skipped"
    ids = {
        part
        for outcome in outcomes
        for case in outcome["passed"]
        for part in case.split("-")
    }
    backends = [b for b in run["backends"] if b in ids]
    return "✔ " + (", ".join(backends) if backends else "passed")


def table(pages: dict[str, tuple[str, str]], runs: list[dict]) -> str:
    """The generated part of the page: the runs, then one table per page."""
    if runs:
        lines = ["| SQLAlchemy | Python | Backends | Passed | Failed | Skipped |"]
        lines.append("| --- | --- | --- | --- | --- | --- |")
        for run in runs:
            counts = Counter(verdict(outcome) for outcome in run["tests"].values())
            lines.append(
                f"| {run['sqlalchemy']} | {run['python']} | "
                f"{', '.join(run['backends'])} | {counts['passed']} | "
                f"{counts['failed']} | {counts['skipped']} |"
            )
    else:
        lines = [
            '!!! note "No test results yet"',
            "",
            "    This copy of the site was built before the checks ran, so it lists "
            "every claim and its test without a result. `python3 dev.py check` "
            "records the results; the next build shows them here.",
        ]
    lines.append("")
    anchored: set[str] = set()
    for src_uri, (title, markdown) in pages.items():
        found = claims(markdown)
        if not found:
            continue
        lines += [f"## [{title}]({src_uri})", ""]
        versions = [f"SQLAlchemy {run['sqlalchemy']}" for run in runs]
        lines.append("| " + " | ".join(["Claim", "Proof", *versions]) + " |")
        lines.append("| --- | --- |" + " --- |" * len(runs))
        for text, tests in found:
            anchors = "".join(
                f'<span id="{t}"></span>' for t in tests if t not in anchored
            )
            anchored.update(tests)
            proofs = "<br>".join(f"`{test}`" for test in tests)
            cells = [f"{anchors}{text}", proofs, *(status(tests, r) for r in runs)]
            lines.append("| " + " | ".join(cells) + " |")
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
