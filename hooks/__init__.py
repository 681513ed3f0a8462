"""MkDocs adapters: each hook only connects MkDocs events to the plain modules of alliance/."""
