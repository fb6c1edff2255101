"""Examples of the chapter "Object states" (docs/states.md)."""
