"""Check the links from the built site to other hosts: `python -m tests.external_links site/`.

Each page must answer, and each fragment (`#sqlalchemy.orm.Session.merge`) must name
an element of it. Needs the network, so it runs only in the scheduled GitHub workflow
(links.yml), never in .ci/run or `dev.py check`: those check internal links and
anchors (strict build), and SQLAlchemy's API anchors offline (`api_object`).
"""

from __future__ import annotations

import re
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

LINK = re.compile(r'href="(https?://[^"]+)')
SQLALCHEMY_DOCS = re.compile(r"https://docs\.sqlalchemy\.org/[^\s)\"]*#([\w.-]+)")


def external_links(site: Path) -> dict[str, set[str]]:
    """Every external URL, with the pages that link to it."""
    links: dict[str, set[str]] = {}
    for page in site.rglob("*.html"):
        for url in LINK.findall(page.read_text(encoding="utf-8")):
            links.setdefault(url, set()).add(str(page.relative_to(site)))
    return links


def fetch(page: str) -> tuple[str | None, str]:
    """(the problem, or None; the page's HTML)."""
    request = urllib.request.Request(page, headers={"User-Agent": "link-check"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            if response.status >= 400:
                return f"HTTP {response.status}", ""
            return None, response.read().decode("utf-8", "replace")
    except Exception as error:  # any failure is a finding to report
        return str(error), ""


def problems_of(links: dict[str, set[str]]) -> dict[str, str | None]:
    """For each link, what is wrong with it, or None: each page is fetched once."""
    pages = sorted({url.split("#")[0] for url in links})
    with ThreadPoolExecutor(max_workers=8) as pool:
        fetched = dict(zip(pages, pool.map(fetch, pages), strict=True))
    found = {}
    for url in links:
        page, _, fragment = url.partition("#")
        problem, text = fetched[page]
        if (
            not problem
            and fragment
            and not re.search(rf"""(id|name)=["']{re.escape(fragment)}["']""", text)
        ):
            problem = f"no element #{fragment} on the page"
        found[url] = problem
    return found


def api_object(anchor: str) -> bool:
    """Whether an anchor of SQLAlchemy's API documentation names an object of the
    installed SQLAlchemy: `sqlalchemy.orm.Session.merge`, or a parameter,
    `sqlalchemy.orm.Session.params.expire_on_commit`."""
    import importlib
    import inspect

    parts = anchor.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        rest = parts[cut:]
        break
    else:
        return False
    while rest:
        name, *rest = rest
        if name == "params" and len(rest) == 1:
            return rest[0] in inspect.signature(found).parameters
        if not hasattr(found, name):
            return False
        found = getattr(found, name)
    return True


def main(site: Path) -> int:
    links = external_links(site)
    problems = problems_of(links)
    broken = {url: why for url, why in problems.items() if why}
    for url, why in sorted(broken.items()):
        print(f"{url}: {why} (on {', '.join(sorted(links[url]))})")
    print(f"{len(links)} external links, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
