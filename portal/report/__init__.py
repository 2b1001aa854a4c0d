"""The report feature. Other code imports only `api` (and `records`)."""
