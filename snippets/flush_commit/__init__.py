"""Examples of the chapter "Flush and commit" (docs/flush_commit.md)."""
