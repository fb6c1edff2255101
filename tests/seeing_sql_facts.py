"""How literal_binds writes a value into the SQL on SQLite, PostgreSQL and MariaDB.

LITERALS is the table of the page "Seeing the SQL" (drawn by `python3 dev.py update`);
tests/test_seeing_sql.py compiles every value on its own backend and checks the cell,
and that the literal SQL finds the same row as the statement with parameters."""

import datetime
import uuid

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Uuid,
)

metadata = MetaData()
LITERAL_TABLE = Table(
    "literal_check",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("text", String(50)),
    Column("day", Date),
    Column("moment", DateTime),
    Column("flag", Boolean),
    Column("uid", Uuid),
    Column("data", JSON),
)

# The value as the page shows it: (column, Python value, cell per backend). A cell
# that ends in "(another value)" is SQL whose value differs from the Python value:
# run as it is, it does not find the row.
LITERALS = {
    '`"Bob\'s party"`': (
        "text",
        "Bob's party",
        {b: "`'Bob''s party'`" for b in ("sqlite", "postgresql", "mariadb")},
    ),
    '`r"C:\\temp"`': (
        "text",
        r"C:\temp",
        {
            "sqlite": "`'C:\\temp'`",
            "postgresql": "`'C:\\temp'`",
            "mariadb": "`'C:\\\\temp'`",
        },
    ),
    '`"50%"`': (
        "text",
        "50%",
        {
            "sqlite": "`'50%'`",
            "postgresql": "`'50%%'` (another value)",
            "mariadb": "`'50%%'` (another value)",
        },
    ),
    "`date(2025, 1, 31)`": (
        "day",
        datetime.date(2025, 1, 31),
        {b: "`'2025-01-31'`" for b in ("sqlite", "postgresql", "mariadb")},
    ),
    "`datetime(2025, 1, 31, 9, 30)`": (
        "moment",
        datetime.datetime(2025, 1, 31, 9, 30),
        {
            "sqlite": "`'2025-01-31 09:30:00.000000'`",
            "postgresql": "`'2025-01-31 09:30:00'`",
            "mariadb": "`'2025-01-31 09:30:00'`",
        },
    ),
    "`True`": (
        "flag",
        True,
        {"sqlite": "`1`", "postgresql": "`true`", "mariadb": "`true`"},
    ),
    '`UUID("12345678-…")`': (
        "uid",
        uuid.UUID("12345678-1234-5678-1234-567812345678"),
        {
            "sqlite": "`'12345678123456781234567812345678'`",
            "postgresql": "`'12345678-1234-5678-1234-567812345678'`",
            "mariadb": "`'12345678123456781234567812345678'`",
        },
    ),
    '`{"theme": "dark"}` (JSON)': (
        "data",
        {"theme": "dark"},
        {b: "CompileError" for b in ("sqlite", "postgresql", "mariadb")},
    ),
}
