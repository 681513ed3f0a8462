"""Pages made from the data: the map, city pages, agenda, practices catalogue and the data
sections of hand-written pages, with the escaping and formatting they share."""
