"""The admin feature. Other code imports only `api` (and `records`)."""
