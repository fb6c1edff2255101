"""MkDocs hook: the numbered notes of a code block, drawn at build time.

A snippet marks a line with a comment `# (1)!`, and the page puts a numbered list
right under the block, as Material's code annotations are written. Material would
turn each marker into a pop-up in the browser, at about 8 ms of main-thread work
per marker on a mid-range phone: 101 markers held the troubleshooting page's
Lighthouse performance at 74. Here each marker becomes a small numbered link to its
note, and the list stays where it is, visible, with nothing left for JavaScript.
Copying a block leaves the numbers out (Material hides `[data-md-copying]`'s
markers, assets/stylesheets/examples.css).
"""

from __future__ import annotations

import itertools
import re

from mkdocs.exceptions import PluginError

MARKER = re.compile(r' *<span class="c1"># \((?P<number>\d+)\)!</span>')
# A code block, then at once the list of its notes (no nested list in a note).
BLOCK = re.compile(
    r"(?P<code><pre\b(?:(?!</pre>).)*</pre>)(?P<between></div>\s*)"
    r"<ol>(?P<notes>(?:(?!</?[ou]l\b).)*)</ol>",
    re.S,
)


def numbered(match: re.Match, block: int) -> str:
    code, notes = match["code"], match["notes"]
    markers = MARKER.findall(code)
    if not markers:
        return match[0]
    items = notes.count("<li>")
    if sorted(int(n) for n in set(markers)) != list(range(1, items + 1)):
        raise PluginError(f"markers {markers} do not number the {items} notes")
    code = MARKER.sub(
        lambda m: (
            f'<a class="guide-note" href="#note-{block}-{m["number"]}" '
            f'aria-label="note {m["number"]}">{m["number"]}</a>'
        ),
        code,
    )
    counter = iter(range(1, items + 1))
    notes = re.sub(r"<li>", lambda _: f'<li id="note-{block}-{next(counter)}">', notes)
    return f'{code}{match["between"]}<ol class="guide-notes">{notes}</ol>'


def on_page_content(html, page, config, files):
    blocks = itertools.count(1)
    try:
        html = BLOCK.sub(lambda match: numbered(match, next(blocks)), html)
    except PluginError as error:
        raise PluginError(f"{page.file.src_uri}: a code block's {error}") from None
    if MARKER.search(html):
        raise PluginError(
            f"{page.file.src_uri}: a code block marks `# (N)!` with no numbered "
            "list right under it"
        )
    return html
