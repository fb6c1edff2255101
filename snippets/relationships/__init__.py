"""Examples of the chapter "Relationships" (docs/relationships.md)."""
