"""Notifications: e-mail and calendar feeds. Other code imports only `api`."""
