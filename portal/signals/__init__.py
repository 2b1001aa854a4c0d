"""The signals feature. Other code imports only `api` (and `records`)."""
