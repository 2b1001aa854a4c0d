"""The directory feature. Other code imports only `api` (and `records`)."""
