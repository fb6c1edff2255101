"""The code blocks of a page that show a snippet, and where their names come from.

A block shows one section of a snippet module. The reader must be able to tell
where each name it uses comes from: its imports are in the block, or in a block of
the same module shown above it on the page, or the name comes from a model or a
helper of the package, which the page links to (`origins()`). A name defined by
code the page never shows is a `hidden` name, and a test refuses it; so is a name
that shadows a builtin (`TimeoutError`) unless the block itself imports it, since a
copy of the block alone would quietly use the builtin.
"""

from __future__ import annotations

import ast
import builtins
import re
import textwrap
from dataclasses import dataclass
from functools import cached_property

from mkdocs.exceptions import PluginError
from snippet_sections import INCLUDE, SECTION
from standalone import MARKER, module_name, parse

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*)$")
BUILTINS = set(dir(builtins))


@dataclass
class Block:
    """A fenced block of a page that includes one section of a snippet module."""

    line: int  # of the opening fence, counted from 0
    end: int  # of the closing fence
    indent: str
    path: str  # snippets/states/lifecycle.py
    section: str | None
    page: str = "a page"  # docs/states.md, whose lines `line` counts: for errors

    @property
    def module(self) -> str:
        return module_name(self.path)

    @property
    def id(self) -> str:
        return f"{self.module.replace('.', '-')}-{self.section or 'all'}".replace(
            "_", "-"
        )

    @cached_property
    def code(self) -> str:
        """The lines the block shows, as pymdownx.snippets extracts them."""
        lines = parse(self.module).source.splitlines()
        if self.section:
            lines = self.section_of(lines)
        shown = [line for line in lines if not MARKER.match(line)]
        return textwrap.dedent("\n".join(shown))

    def section_of(self, lines: list[str]) -> list[str]:
        """The lines between the block's section markers; a missing marker is an
        error that names the page, the snippet and the sections it does have."""
        start = [i for i, line in enumerate(lines) if f"[start:{self.section}]" in line]
        end = [i for i, line in enumerate(lines) if f"[end:{self.section}]" in line]
        if not start or not end or end[0] < start[0]:
            raise PluginError(
                f"{self.page}:{self.line + 2} includes section '{self.section}' of "
                f"{self.path}, "
                f"whose start and end markers are not both there; its sections: "
                f"{', '.join(SECTION.findall(chr(10).join(lines))) or 'none'}"
            )
        return lines[start[0] + 1 : end[0]]

    @cached_property
    def names(self) -> tuple[set[str], set[str]]:
        """The names the block binds, and those it uses without binding them."""
        bound, loaded = set(), set()
        for node in ast.walk(ast.parse(self.code)):
            if isinstance(node, ast.Name):
                (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
            elif isinstance(
                node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
            ):
                bound.add(node.name)
            elif isinstance(node, ast.arg):
                bound.add(node.arg)
            elif isinstance(node, ast.alias):
                bound.add(node.asname or node.name.split(".")[0])
            elif isinstance(node, ast.ExceptHandler) and node.name:
                bound.add(node.name)
        return bound, loaded - bound


def blocks_of(markdown: str, page: str = "a page") -> list[Block]:
    """Every fenced block of a page that includes a snippet, in page order; `page`
    (docs/states.md) names the page in errors."""
    found, lines, number = [], markdown.splitlines(), 0
    while number < len(lines):
        opening = FENCE.match(lines[number])
        if not opening:
            number += 1
            continue
        close = re.compile(rf"^[ \t]*{opening['fence']}[ \t]*$")
        end = next(
            (i for i in range(number + 1, len(lines)) if close.match(lines[i])),
            len(lines),
        )
        for line in lines[number + 1 : end]:
            include = INCLUDE.search(line)
            if include and include["path"].startswith("snippets/"):
                found.append(
                    Block(
                        number,
                        end,
                        opening["indent"],
                        include["path"],
                        include["section"],
                        page,
                    )
                )
                break
        number = end + 1
    return found


@dataclass(frozen=True)
class Origins:
    """Where the names a block uses come from."""

    earlier: dict[str, Block]  # shown in an earlier block of the same module
    elsewhere: dict[str, str]  # shown on another page, or a model or helper of
    # the package: name -> the module that defines it
    hidden: set[str]  # defined by code the page does not show


def origins(block: Block, before: list[Block], other_pages: list[Block]) -> Origins:
    """`before`: the blocks above it on the same page; `other_pages`: the blocks of
    every other page."""
    module = parse(block.module)
    _, used = block.names
    earlier, elsewhere, hidden = {}, {}, set()
    for name in sorted(used):
        if name in BUILTINS:
            if {name} & {*module.imports, *module.definer, *module.from_package}:
                hidden.add(name)  # copied alone, the block would use the builtin
            continue
        shown_above = [
            b for b in before if b.module == block.module and name in b.names[0]
        ]
        if shown_above:
            earlier[name] = shown_above[-1]
        elif name in module.from_package:
            elsewhere[name] = module.from_package[name]
        elif any(b.module == block.module and name in b.names[0] for b in other_pages):
            elsewhere[name] = block.module
        else:
            hidden.add(name)
    return Origins(earlier, elsewhere, hidden)
