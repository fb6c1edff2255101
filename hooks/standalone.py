"""What a reader downloads: each snippet module as code that needs SQLAlchemy alone.

A snippet imports its model and helpers from other modules of the package
(`from snippets.states.model import Base, User`). What the reader gets imports
nothing from the package: each such name arrives with the code that defines it,
copied from its module together with what that code needs in turn, and nothing
more. Section markers and annotation markers (`# (1)!`) are left out; the `#>`
output lines stay in a script and go from a notebook, whose cells show their output.

`script()` makes one module a script. A notebook runs many modules in one namespace:
`Namespace` remembers which code defined each name, so that a cell repeats a
definition only when an earlier cell bound that name to something else.
"""

from __future__ import annotations

import ast
import re
import sys
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).absolute().parent.parent  # where the hooks were found
PACKAGE = "snippets"
MARKER = re.compile(r"^\s*# --8<-- \[(start|end):[\w-]+\]\s*$")
OUTPUT = re.compile(r"^\s*#>( |$)")
ANNOTATION = re.compile(r"\s+# \(\d+\)!")
LINE_LENGTH = 88


class StandaloneError(Exception):
    """A snippet that cannot be made standalone, with the file and line to fix."""


def module_path(module: str) -> Path:
    return ROOT.joinpath(PACKAGE, *module.split(".")).with_suffix(".py")


def module_name(path: str | Path) -> str:
    """`snippets/states/lifecycle.py` -> `states.lifecycle`."""
    parts = Path(path).with_suffix("").parts
    if parts[0] != PACKAGE:
        raise StandaloneError(f"{path} is not a file of the {PACKAGE} package")
    return ".".join(parts[1:])


@dataclass(frozen=True)
class Import:
    """One imported name: `from module import name as bound`, or `import module`."""

    module: str
    name: str | None  # None for `import module`
    bound: str

    def line(self) -> str:
        alias = "" if self.bound == (self.name or self.module) else f" as {self.bound}"
        if self.name is None:
            return f"import {self.module}{alias}"
        return f"from {self.module} import {self.name}{alias}"


@dataclass(frozen=True)
class Statement:
    """A top-level statement of a module that others import from."""

    text: str  # with the comment lines right above it
    binds: frozenset[str]
    uses: frozenset[str]
    is_definition: bool  # def or class: two blank lines around it


@dataclass
class Module:
    name: str
    docstring: str
    source: str
    imports: dict[str, Import] = field(default_factory=dict)  # bound name -> import
    import_lines: set[int] = field(default_factory=set)  # their line numbers
    from_package: dict[str, str] = field(default_factory=dict)  # name -> module
    statements: list[Statement] = field(default_factory=list)
    definer: dict[str, Statement] = field(default_factory=dict)

    @property
    def is_library(self) -> bool:
        """Only imports, definitions and assignments: it runs nothing."""
        return all(statement.binds for statement in self.statements)

    @property
    def needs_server(self) -> bool:
        return "server_url" in self.requirements()

    def requirements(self) -> set[str]:
        """Every name this module's code takes from the package, directly or not."""
        return set().union(*wanted_by(self, self.from_package).values())

    def where(self, line: int) -> str:
        return f"snippets/{self.name.replace('.', '/')}.py:{line}"


def names_in(node: ast.AST) -> set[str]:
    """Every name a statement mentions, string constants that are identifiers included
    (a forward reference such as `Mapped[list["Book"]]` names the class `Book`)."""
    found = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            found.add(child.id)
        elif isinstance(child, ast.Constant) and str(child.value).isidentifier():
            found.add(child.value)
    return found


def bound_by(node: ast.stmt) -> set[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    targets = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign):
        targets = [node.target]
    return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}


def clean(line: str) -> str:
    return ANNOTATION.sub("", line)


@cache
def parse(module: str) -> Module:
    return parse_source(module, module_path(module).read_text(encoding="utf-8"))


def parse_source(module: str, source: str) -> Module:
    tree = ast.parse(source, filename=str(module_path(module)))
    lines = source.splitlines()
    docstring = ast.get_docstring(tree) or ""
    found = Module(module, docstring, source)
    body = tree.body[1:] if docstring else tree.body
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.import_lines.update(range(node.lineno, node.end_lineno + 1))
            read_import(found, node)
            continue
        first = (
            node.decorator_list[0].lineno
            if hasattr(node, "decorator_list") and node.decorator_list
            else node.lineno
        )
        while first > 1 and lines[first - 2].lstrip().startswith("#"):
            first -= 1
        text = "\n".join(
            clean(line)
            for line in lines[first - 1 : node.end_lineno]
            if not MARKER.match(line)
        )
        is_definition = isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        )
        statement = Statement(
            text, frozenset(bound_by(node)), frozenset(names_in(node)), is_definition
        )
        found.statements.append(statement)
        for name in statement.binds:
            found.definer[name] = statement
    return found


def read_import(found: Module, node: ast.Import | ast.ImportFrom) -> None:
    if isinstance(node, ast.Import):
        for alias in node.names:
            bound = alias.asname or alias.name.split(".")[0]
            found.imports[bound] = Import(alias.name, None, bound)
        return
    if node.level or node.module is None:
        raise StandaloneError(f"{found.where(node.lineno)}: use an absolute import")
    if node.module.split(".")[0] != PACKAGE:
        for alias in node.names:
            bound = alias.asname or alias.name
            found.imports[bound] = Import(node.module, alias.name, bound)
        return
    for alias in node.names:
        if alias.asname:
            raise StandaloneError(
                f"{found.where(node.lineno)}: import {alias.name} from the package "
                "without `as`: the reader's copy defines it under its own name"
            )
        found.from_package[alias.name] = node.module.removeprefix(f"{PACKAGE}.")


def closure(module: Module, names: set[str]) -> tuple[list[Statement], set[str], dict]:
    """The statements of `module` that define `names`, with everything they use: its
    statements in source order, the imported names they need, and what they need
    from other modules of the package (module -> names)."""
    selected: set[int] = set()
    imports: set[str] = set()
    package: dict[str, set[str]] = defaultdict(set)
    pending = list(names)
    while pending:
        name = pending.pop()
        if name in module.definer:
            statement = module.definer[name]
            if id(statement) not in selected:
                selected.add(id(statement))
                pending.extend(statement.uses)
        elif name in module.from_package:
            package[module.from_package[name]].add(name)
        elif name in module.imports:
            imports.add(name)
    missing = set(names) - set(module.definer) - set(module.from_package)
    if missing:
        raise StandaloneError(
            f"snippets/{module.name.replace('.', '/')}.py does not define "
            + ", ".join(sorted(missing))
        )
    ordered = [s for s in module.statements if id(s) in selected]
    return ordered, imports, package


def wanted_by(module: Module, names: dict[str, str]) -> dict[str, set[str]]:
    """For a module's imports from the package (name -> module), every module of the
    package whose code the reader's copy needs, and which of its names."""
    wanted: dict[str, set[str]] = defaultdict(set)
    pending = [(source, {name}) for name, source in names.items()]
    while pending:
        source, names_wanted = pending.pop()
        new = names_wanted - wanted[source]
        if not new:
            continue
        wanted[source] |= new
        _, _, package = closure(parse(source), wanted[source])
        pending.extend(package.items())
    return dict(wanted)


def dependency_order(wanted: dict[str, set[str]]) -> list[str]:
    """The modules of `wanted`, each after the modules its code needs."""
    ordered: list[str] = []

    def visit(source: str) -> None:
        if source in ordered:
            return
        _, _, package = closure(parse(source), wanted[source])
        for dependency in sorted(package):
            visit(dependency)
        ordered.append(source)

    for source in sorted(wanted):
        visit(source)
    return ordered


@dataclass
class Namespace:
    """Which code bound each name so far: a notebook's kernel, or an empty script."""

    origin: dict[str, str] = field(default_factory=dict)

    def holds(self, name: str, origin: str) -> bool:
        return self.origin.get(name) == origin


def comment(text: str) -> str:
    return "".join(f"# {line}\n" for line in textwrap.wrap(text, LINE_LENGTH - 2))


def summary(docstring: str) -> str:
    return " ".join(docstring.split("\n\n")[0].split())


def format_imports(imports: list[Import]) -> str:
    """Import lines as ruff's isort writes them: the standard library, then others;
    `import x` before `from x import y`; names merged per module and sorted."""
    groups: dict[bool, list[str]] = {True: [], False: []}
    plain = sorted({i for i in imports if i.name is None}, key=lambda i: i.module)
    for imported in plain:
        groups[is_stdlib(imported.module)].append(imported.line())
    by_module: dict[str, set[Import]] = defaultdict(set)
    for imported in imports:
        if imported.name is not None:
            by_module[imported.module].add(imported)
    for source in sorted(by_module, key=str.lower):
        names = sorted(
            (i.line().split(" import ", 1)[1] for i in by_module[source]),
            key=isort_key,
        )
        line = f"from {source} import {', '.join(names)}"
        if len(line) > LINE_LENGTH:
            inner = "".join(f"    {name},\n" for name in names)
            line = f"from {source} import (\n{inner})"
        groups[is_stdlib(source)].append(line)
    return "\n\n".join("\n".join(group) for group in groups.values() if group)


def isort_key(name: str) -> tuple[int, str]:
    """isort's order within `from x import ...`: CONSTANTS, Classes, functions."""
    if name.isupper() and len(name) > 1:
        return (0, name)
    return (1 if name[:1].isupper() else 2, name.lower())


def is_stdlib(module: str) -> bool:
    return module.split(".")[0] in sys.stdlib_module_names


def join_statements(statements: list[Statement]) -> str:
    text = ""
    previous = None
    for statement in statements:
        if previous is not None:
            apart = previous.is_definition or statement.is_definition
            text += "\n\n\n" if apart else "\n"
        text += statement.text
        previous = statement
    return text


def body_of(module: Module, *, outputs: bool) -> str:
    """The module's own code, without its docstring, its module-level imports, the
    section and annotation markers, and (unless `outputs`) its `#>` lines."""
    tree = ast.parse(module.source)
    skip = set(module.import_lines)
    if module.docstring:
        skip.update(range(tree.body[0].lineno, tree.body[0].end_lineno + 1))
    kept = [
        clean(line)
        for number, line in enumerate(module.source.splitlines(), start=1)
        if number not in skip
        and not MARKER.match(line)
        and (outputs or not OUTPUT.match(line))
    ]
    return re.sub(r"\n{4,}", "\n\n\n", "\n".join(kept)).strip("\n")


def standalone_code(
    own: Module, namespace: Namespace, *, outputs: bool, everything: bool = False
) -> str:
    """The code of the module `own`, preceded by the definitions it takes from the
    package that `namespace` does not hold yet, with their imports merged at the top;
    `namespace` then holds them too. With `everything`, a library module (one that
    runs nothing) gives all its definitions; an example always gives its own code."""
    as_library = own.is_library and everything
    requested = dict(own.from_package)
    if as_library:
        requested.update({name: own.name for name in own.definer})
    wanted = wanted_by(own, requested)
    parts: list[str] = []
    imports: list[Import] = []
    defined_here: dict[str, str] = {}  # name -> the module whose code defines it
    renewed: set[str] = set()  # the modules whose code this cell defines again
    for source in dependency_order(wanted):
        library = parse(source)
        statements, imported, package = closure(library, wanted[source])
        imports += [
            library.imports[name]
            for name in sorted(imported)
            if not namespace.holds(name, library.imports[name].line())
        ]
        # All of them again if one is missing, or if code they use was defined again:
        # a class redefined on a new Base needs the Base, and a Base defined again
        # needs the classes that an example maps on it.
        held = not renewed & set(package) and all(
            namespace.holds(name, source) for s in statements for name in s.binds
        )
        fresh = [] if held else statements
        if fresh:
            renewed.add(source)
        for name in (name for statement in fresh for name in statement.binds):
            if defined_here.setdefault(name, source) != source:
                raise StandaloneError(
                    f"{own.where(1)}: {name} comes from both "
                    f"snippets/{defined_here[name].replace('.', '/')}.py and "
                    f"snippets/{source.replace('.', '/')}.py; rename one"
                )
        if fresh:
            heading = "" if source == own.name else comment(summary(library.docstring))
            parts.append(heading + join_statements(fresh))
        for name in (name for statement in statements for name in statement.binds):
            namespace.origin[name] = source
    if not as_library:
        clash = set(defined_here) & set(own.definer)
        if clash:
            raise StandaloneError(
                f"{own.where(1)} defines {', '.join(sorted(clash))}, which it also "
                "imports from the package (directly or not); rename one"
            )
        imports += own.imports.values()
        parts.append(body_of(own, outputs=outputs))
        namespace.origin.update({name: own.name for name in own.definer})
    namespace.origin.update({i.bound: i.line() for i in imports})
    sections = [format_imports(imports)] if imports else []
    return "\n\n\n".join(sections + [part for part in parts if part]) + "\n"


ASYNCIO_INSTALL = 'pip install "sqlalchemy[asyncio]" aiosqlite'
ALEMBIC_INSTALL = "pip install sqlalchemy alembic"


def install(modules: list[str]) -> str:
    """What a reader installs to run the code of `modules` on SQLite."""
    imported = {
        imported.module
        for module in modules
        for source in [module, *wanted_by(parse(module), parse(module).from_package)]
        for imported in parse(source).imports.values()
    }
    if "sqlalchemy.ext.asyncio" in imported:
        return ASYNCIO_INSTALL
    if any(name.split(".")[0] == "alembic" for name in imported):
        return ALEMBIC_INSTALL
    return "pip install sqlalchemy"


def script(module: str, header: str) -> str:
    """`module` as a script that runs on its own: its docstring followed by `header`,
    then its code; its `#>` lines show what it prints."""
    own = parse(module)
    code = standalone_code(own, Namespace(), outputs=True, everything=True)
    docstring = f"{own.docstring.strip()}\n\n{header.strip()}\n"
    return f'"""{docstring}"""\n\n{code}'
