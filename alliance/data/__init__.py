"""Reading and checking the data: the strict YAML reader, the JSON Schemas, the records
(cities, actions, practices, labels) and the problems reported to contributors."""
