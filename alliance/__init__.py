"""The Alliance Migrations site's logic: data model, validation and generators.

Plain Python with no MkDocs import, so that it outlives the site generator:
hooks/ adapts it to MkDocs events and scripts/ runs it alone. Its folders follow the work:
data/ reads and checks the data, pages/ and exports/ make what readers get from it,
translations/ follows the translations, forms/ turns the proposal forms into data,
assembly/ is what a build does around the pages, and builtsite/ reads and checks the built site.
"""
