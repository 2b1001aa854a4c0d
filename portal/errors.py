"""A small typed error hierarchy: the db and service layers raise, pages show."""


class PortalError(Exception):
    """Base class; the message is meant for the user (already translated where it matters)."""


class ValidationError(PortalError):
    """Bad input. `problems` maps a field (or a row number) to a message."""

    def __init__(self, message: str, problems: dict | None = None) -> None:
        super().__init__(message)
        self.problems: dict = problems or {}


class PermissionDenied(PortalError):
    """The current role may not do this; raised on the server, whatever the UI showed."""


class NotFound(PortalError):
    """The thing asked for does not exist (or is not visible to this user)."""


class StaleEdit(PortalError):
    """Someone else saved the same thing since it was loaded; nothing was overwritten."""

    def __init__(self, message: str, changes: dict | None = None) -> None:
        super().__init__(message)
        self.changes: dict = changes or {}


class ConfigError(PortalError):
    """A setting is missing or invalid."""


class DatabaseLocked(PortalError):
    """Another process (a running portal) holds the database file; DuckDB lets one
    process open it for writing. The command line then asks that process instead."""
