"""Includes of the site that are drawn from code: each one's path, and how to draw it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from blocks import blocks_of
from standalone import parse, summary

from snippets.loading.library import LIBRARY
from tests.autogenerate_facts import CHANGES
from tests.backend_facts import FACTS
from tests.datetime_facts import FACTS as DATETIME_FACTS
from tests.datetime_facts import ROUND_TRIPS
from tests.defaults_facts import FACTS as DEFAULTS_FACTS
from tests.outputs import ROOT
from tests.pagination_facts import NULLS, PAGING
from tests.seeing_sql_facts import LITERALS
from tests.sql_facts import SENT, tabs
from tests.strategies import STRATEGIES, measure
from tests.transitions import TRANSITIONS
from tests.types_facts import FACTS as TYPES_FACTS

HEADER = (
    "<!-- Drawn from {source} by `python3 dev.py update`: edit that, not this. -->\n"
)


def object_states() -> str:
    """The state diagram and its text twin, the table, from TRANSITIONS."""
    edges: dict[tuple[str, str], list[str]] = {}
    for row in TRANSITIONS:
        edges.setdefault((row.source, row.target), []).append(row.code)
    diagram = [
        "```mermaid",
        "stateDiagram-v2",
        "    accTitle: The five object states and the operations between them",
        "    accDescr: The same transitions are listed in the table that follows.",
        "    [*] --> transient",
    ]
    for (source, target), codes in edges.items():
        # Short labels (the table has the full code); Mermaid reads ";" as an end.
        short = [code.replace("session.", "").replace("; ", " then ") for code in codes]
        label = "<br>".join(short)
        diagram.append(f"    {source} --> {target}: {label}")
    diagram.append("```")
    table = [
        "| From | Code | To | SQL sent meanwhile | Shown in |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in TRANSITIONS:
        sql = ", ".join(row.sql) or "nothing"
        example = f"[{row.example.replace('-', ' ')}](#{row.example})"
        table.append(
            f"| {row.source} | `{row.code}` | **{row.target}** | {sql} | {example} |"
        )
    source = HEADER.format(source="tests/transitions.py")
    return source + "\n".join([*diagram, "", *table]) + "\n"


def facts_table(facts: dict[str, dict[str, str]], source: str, first: str = "") -> str:
    """A table with a column per backend, one row per fact, drawn from `facts` (a
    module's table whose cells its tests measure, each on its own backend)."""
    lines = [
        f"| {first} | SQLite | PostgreSQL | MariaDB |"
        if first
        else "| | SQLite | PostgreSQL | MariaDB |",
        "| --- | --- | --- | --- |",
    ]
    for fact, values in facts.items():
        cells = [values[b] for b in ("sqlite", "postgresql", "mariadb")]
        lines.append(f"| {fact} | " + " | ".join(cells) + " |")
    return HEADER.format(source=source) + "\n".join(lines) + "\n"


def datetime_round_trips() -> str:
    """What each backend returns for a datetime stored and read back, from ROUND_TRIPS."""
    backends = ["sqlite", "postgresql", "mariadb"]
    lines = [
        "| Column | You store | Session time zone | SQLite | PostgreSQL | MariaDB |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in ROUND_TRIPS:
        cells = [row.comes_back[b] for b in backends]
        lines.append(
            f"| {row.column} | {row.given} | {row.zone} | " + " | ".join(cells) + " |"
        )
    source = HEADER.format(source="tests/datetime_facts.py")
    return source + "\n".join(lines) + "\n"


def autogenerate_table() -> str:
    """What autogenerate proposes per change and backend, from CHANGES."""
    lines = [
        "| You change the models | SQLite | PostgreSQL | MariaDB |",
        "| --- | --- | --- | --- |",
    ]
    for name, change in CHANGES.items():
        cells = [change.proposed[b] for b in ("sqlite", "postgresql", "mariadb")]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    source = HEADER.format(source="tests/autogenerate_facts.py")
    return source + "\n".join(lines) + "\n"


def loading_counts() -> str:
    """The measured statement counts of every strategy, and the SQL of each."""
    authors, books = len(LIBRARY), sum(map(len, LIBRARY.values()))
    lines = [
        f"Measured on {authors} authors with {books // authors} books each, on SQLite;"
        " the tests check that PostgreSQL and MariaDB send as many statements.",
        "",
        "| `lazy=` | The books arrive | Statements: query | Statements: reading"
        " the books | Total | Books read | Status |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    details = []
    for strategy in STRATEGIES:
        m = measure(strategy.lazy)
        total = len(m.loading) + len(m.reading)
        read = f"{m.books}" if isinstance(m.books, int) else f"`{m.books}`"
        lines.append(
            f"| `{strategy.lazy}` | {strategy.loads}"
            f" | {len(m.loading)} | {len(m.reading)} | **{total}** | {read}"
            f" | {strategy.status} |"
        )
        sql = ["-- the query for the authors", *m.loading]
        if m.reading:
            sql += ["-- reading the books", *m.reading]
        details += [
            f"??? example \"The SQL of `lazy='{strategy.lazy}'`\"",
            "",
            "    ```sql",
            *(f"    {statement}" for statement in sql),
            "    ```",
            "",
        ]
    source = HEADER.format(source="tests/strategies.py")
    return source + "\n".join([*lines, "", *details]).rstrip() + "\n"


def loading_cheat_sheet() -> str:
    """The strategies, their loader options and their status, from STRATEGIES."""
    lines = [
        "| `lazy=` | Loader option or annotation | Status |",
        "| --- | --- | --- |",
    ]
    for strategy in STRATEGIES:
        lines.append(f"| `{strategy.lazy}` | `{strategy.option}` | {strategy.status} |")
    source = HEADER.format(source="tests/strategies.py")
    return source + "\n".join(lines) + "\n"


def server_examples() -> str:
    """The examples that need PostgreSQL or MariaDB, each linked to its first block."""
    lines: dict[str, str] = {}  # module -> its line
    for page in sorted((ROOT / "docs").glob("*.md")):
        for block in blocks_of(page.read_text(encoding="utf-8")):
            own = parse(block.module)
            if own.needs_server and block.module not in lines:
                name = block.path.rsplit("/", 1)[-1]
                lines[block.module] = (
                    f"- [`{name}`]({page.name}#{block.id}): {summary(own.docstring)}"
                )
    source = HEADER.format(source="the examples that call server_url()")
    return source + "\n".join(lines.values()) + "\n"


GENERATED: dict[Path, Callable[[], str]] = {
    **{
        ROOT / f"docs/includes/sql_{name}.md": (
            lambda name=name: HEADER.format(source="tests/sql_facts.py") + tabs(name)
        )
        for name in SENT
    },
    ROOT / "docs/includes/object_states.md": object_states,
    ROOT / "docs/includes/backend_facts.md": (
        lambda: facts_table(FACTS, "tests/backend_facts.py")
    ),
    ROOT / "docs/includes/defaults_facts.md": (
        lambda: facts_table(DEFAULTS_FACTS, "tests/defaults_facts.py")
    ),
    ROOT / "docs/includes/types_facts.md": (
        lambda: facts_table(TYPES_FACTS, "tests/types_facts.py")
    ),
    ROOT / "docs/includes/autogenerate.md": autogenerate_table,
    ROOT / "docs/includes/datetime_round_trips.md": datetime_round_trips,
    ROOT / "docs/includes/datetime_facts.md": (
        lambda: facts_table(
            {fact: row.values for fact, row in DATETIME_FACTS.items()},
            "tests/datetime_facts.py",
        )
    ),
    ROOT / "docs/includes/loading_counts.md": loading_counts,
    ROOT / "docs/includes/loading_cheat_sheet.md": loading_cheat_sheet,
    ROOT / "docs/includes/server_examples.md": server_examples,
    ROOT / "docs/includes/pagination_paging.md": (
        lambda: facts_table(PAGING, "tests/pagination_facts.py", "Pages of books")
    ),
    ROOT / "docs/includes/pagination_nulls.md": (
        lambda: facts_table(
            NULLS, "tests/pagination_facts.py", "Years 1979, 1987 and NULL"
        )
    ),
    ROOT / "docs/includes/literal_binds.md": (
        lambda: facts_table(
            {value: cells for value, (_, _, cells) in LITERALS.items()},
            "tests/seeing_sql_facts.py",
            "Value",
        )
    ),
}
