"""Stage render, views: corpus + scores + diagnostics → plain data for the templates.

One module per page family; each exposes ``pages(view) -> list[Page]``. Views
hold no presentation (that is the templates') and templates hold no logic
beyond loops and conditions (that is the views').
"""
