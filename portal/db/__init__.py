"""SQL lives here: one module of queries per domain, values always as parameters."""
