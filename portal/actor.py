"""Who is acting: the one type every façade function takes first.

Pages pass the logged-in user (an `Actor`, or the account record `User`, which is one);
the command line passes `SYSTEM`, an explicit actor with a role of its own. Rights come
only from the role, checked on the server with `require`; no name grants anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal import auth


@dataclass(frozen=True)
class Actor:
    """A person (or the command line) acting in the portal.

    `username` is the account's id (the users table's key); `name` is what people see;
    `role` decides what the actor may do (None: logged in but no role yet).
    """

    username: str
    name: str
    role: str | None
    system: bool = False

    def can(self, permission: str) -> bool:
        return auth.can(self.role, permission)

    def require(self, permission: str) -> None:
        """Raise PermissionDenied unless this actor's role has `permission`."""
        auth.require(self.role, permission)


def system_actor(name: str = "cli", role: str = "admin") -> Actor:
    """The command line and scripts: an operator with shell access to the database file,
    acting with an explicit role (administrator unless told otherwise)."""
    return Actor(username=name, name=name, role=role, system=True)


SYSTEM = system_actor()
