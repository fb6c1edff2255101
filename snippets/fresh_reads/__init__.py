"""Examples of the chapter "Fresh reads, locks and lost updates" (docs/fresh_reads.md)."""
