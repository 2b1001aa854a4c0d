"""The demo accounts (only with --demo): username, display name, role. Each password is
'demo-' + username; the seeder stores it hashed and the password rules refuse it
elsewhere."""

from __future__ import annotations

DEMO_USERS = (
    ("admin", "Demo Administratör", "admin"),
    ("samordnare", "Demo Säkerhetssamordnare", "coordinator"),
    ("processledare", "Demo Processledare", "process_leader"),
    ("ledamot", "Demo Ledamot SOS-gruppen", "member"),
    ("partner", "Demo Partner (polisen)", "partner"),
)
