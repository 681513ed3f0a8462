"""Open data made from the data: CSV, GeoJSON, JSON, calendars, and the open-data page."""
