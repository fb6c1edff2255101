"""Examples of the chapter "Connection pooling" (docs/pooling.md)."""
