"""Examples of the chapter "Relationships that need help" (docs/relationship_joins.md)."""
