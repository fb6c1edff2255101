"""Examples of the chapter "Expiry and refresh" (docs/expiry.md)."""
