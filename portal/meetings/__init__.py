"""The meetings feature. Other code imports only `api` (and `records`)."""
