"""SQL of this feature, private to it."""
