"""Issue forms turned into changes: a submitted form becomes a data entry or a practice file."""
