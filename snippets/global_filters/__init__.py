"""Examples of the chapter "A filter on every query: soft delete and tenants" (docs/global_filters.md)."""
