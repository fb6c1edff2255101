"""Examples of the chapter "One, first or none: reading results" (docs/results.md)."""
