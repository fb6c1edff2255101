"""What a checkout costs from a QueuePool and from a NullPool, on a real server.

    python3 dev.py bench-pool [--checkouts N] [--url URL]

Each checkout runs `SELECT 1` and returns the connection. A NullPool opens and closes a
real connection every time; a QueuePool reuses one. Writes the figures, as ratios, to
docs/includes/pool_benchmark.md, which the pooling page includes.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool, QueuePool

from tests.databases import first_server
from tests.outputs import ROOT

OUTPUT = ROOT / "docs/includes/pool_benchmark.md"


def per_checkout(url: str, poolclass, checkouts: int) -> float:
    """Median seconds per checkout over 5 rounds of `checkouts` each."""
    engine = create_engine(url, poolclass=poolclass)
    with engine.connect() as connection:  # warm: the dialect's first-connect queries
        connection.execute(text("SELECT 1"))
    rounds = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(checkouts):
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        rounds.append((time.perf_counter() - start) / checkouts)
    engine.dispose()
    return statistics.median(rounds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkouts", type=int, default=200)
    # The first PostgreSQL server of GUIDE_TEST_URLS, the one setting of the checks.
    parser.add_argument("--url", default=first_server("postgresql"))
    args = parser.parse_args()
    if args.url is None:
        parser.error("GUIDE_TEST_URLS names no PostgreSQL server: give --url")
    queue = per_checkout(args.url, QueuePool, args.checkouts)
    null = per_checkout(args.url, NullPool, args.checkouts)
    backend = create_engine(args.url).dialect.name
    machine = (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, server on the same machine"
    )
    table = (
        "<!-- Written by `python3 dev.py bench-pool` (benchmarks/pool_checkout.py). -->\n"
        f"| Pool | Time per checkout + `SELECT 1` | Relative |\n"
        f"| --- | --- | --- |\n"
        f"| `QueuePool` | {queue * 1e6:.0f} µs | 1× |\n"
        f"| `NullPool` | {null * 1e6:.0f} µs | {null / queue:.0f}× |\n\n"
        f"Measured on {backend}, {machine}: median of 5 rounds of "
        f"{args.checkouts} checkouts each.\n"
    )
    OUTPUT.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
