"""The situation feature. Other code imports only `api` (and `records`)."""
