"""Examples of the chapter "Cascades" (docs/cascades.md)."""
