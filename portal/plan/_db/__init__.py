"""The plan's SQL: private to portal.plan."""
