"""Examples of the chapter "asyncio" (docs/asyncio.md)."""
