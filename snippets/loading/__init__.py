"""Examples of the chapter "Loading strategies" (docs/loading.md)."""
