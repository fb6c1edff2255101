"""Examples of the chapter "Writing in bulk" (docs/bulk.md)."""
