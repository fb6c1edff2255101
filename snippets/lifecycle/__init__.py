"""Examples of the chapter "The session lifecycle" (docs/lifecycle.md)."""
