"""Examples of the chapter "back_populates and backref" (docs/back_populates.md)."""
