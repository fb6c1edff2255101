"""Every example of the guide, one runnable module each: `python -m snippets.<chapter>.<name>`."""
