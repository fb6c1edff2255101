"""Examples of the page "Troubleshooting" (docs/troubleshooting.md)."""
