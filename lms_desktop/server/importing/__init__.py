"""Bringing courses in: Common Cartridge, Open edX OLX and Markdown course folders.

The pipeline: `archive` opens the package safely (caps, no path escapes) into a scratch folder; a format
reader (`cc`, `olx`, `markdown_course`) turns it into the neutral model of `model`, storing assets through
`assets` and sanitizing HTML through `sanitize`; `writer` puts one course in the database in one
transaction (updating an earlier import in place); `service` ties it together and cleans up on failure.
"""
