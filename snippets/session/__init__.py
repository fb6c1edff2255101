"""Examples of the chapter "The Session and its context" (docs/session.md)."""
