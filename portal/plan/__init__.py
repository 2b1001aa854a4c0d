"""The action plan follow-up: one package, one façade (`api`)."""
