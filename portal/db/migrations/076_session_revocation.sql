-- Revocable logins: every session (login cookie or open tab) of a user that began at or
-- before this time is refused. Set by logout, own password change, an administrator's
-- password reset, lockout, disabling and a role change (portal/admin), in the same
-- transaction as the change. NULL: nothing revoked yet.
ALTER TABLE users ADD COLUMN sessions_revoked_at TIMESTAMP;
