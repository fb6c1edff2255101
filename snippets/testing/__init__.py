"""Examples of the chapter "The session in tests" (docs/testing.md)."""
