"""The Alliance Migrations site's logic: data model, validation and generators.

Plain Python with no MkDocs import, so that it outlives the site generator:
hooks/ adapts it to MkDocs events and scripts/ runs it alone.
"""
