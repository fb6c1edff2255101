"""Examples of the chapter "Pagination and counts" (docs/pagination.md)."""
