"""Check the links from the built site to other hosts: `python -m tests.external_links site/`.

Needs the network, so it runs only in the scheduled GitHub workflow (links.yml), never
in .ci/run or `dev.py check`: those check internal links and anchors (strict build).
"""

from __future__ import annotations

import re
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

LINK = re.compile(r'href="(https?://[^"#]+)')


def external_links(site: Path) -> dict[str, set[str]]:
    """Every external URL, with the pages that link to it."""
    links: dict[str, set[str]] = {}
    for page in site.rglob("*.html"):
        for url in LINK.findall(page.read_text(encoding="utf-8")):
            links.setdefault(url, set()).add(str(page.relative_to(site)))
    return links


def problem(url: str) -> str | None:
    request = urllib.request.Request(url, headers={"User-Agent": "link-check"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return None if response.status < 400 else f"HTTP {response.status}"
    except Exception as error:  # any failure is a finding to report
        return str(error)


def main(site: Path) -> int:
    links = external_links(site)
    with ThreadPoolExecutor(max_workers=8) as pool:
        problems = dict(zip(links, pool.map(problem, links), strict=True))
    broken = {url: why for url, why in problems.items() if why}
    for url, why in sorted(broken.items()):
        print(f"{url}: {why} (on {', '.join(sorted(links[url]))})")
    print(f"{len(links)} external links, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
