"""Examples of the chapter "Dates, times and time zones" (docs/datetimes.md)."""
