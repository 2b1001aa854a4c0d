"""Vocabularies shared by several features. Labels live in the catalogs under
common.<vocabulary>.<key>, so every feature names these things the same way."""

# Säpo's and CVE's three violent extremist milieus, plus other/unclear.
MILIEUS = ("far_right", "far_left", "islamist", "other")

# Where a concern was seen or where an indicator comes from.
SETTINGS = ("school", "leisure", "social_services", "refugee_housing", "other")
SOURCES = ("school", "social_services", "leisure", "police", "open_sources", "other")
