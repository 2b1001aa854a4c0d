-- Single sign-on (OpenID Connect): a person who signs in with the municipality's identity
-- provider is matched by the provider's issuer and stable subject, never by name or
-- e-mail. Such an account has no local password (password_hash NULL; the login form never
-- offers it) and may have no role (role NULL) until an administrator assigns one or the
-- provider's claims map to one. role_from_claims tells whether the role came from the
-- claims (and follows them at every sign-in) or from an administrator (and stays).
ALTER TABLE users ALTER COLUMN role DROP NOT NULL;
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ADD COLUMN sso_issuer VARCHAR;
ALTER TABLE users ADD COLUMN sso_subject VARCHAR;
ALTER TABLE users ADD COLUMN role_from_claims BOOLEAN DEFAULT FALSE;
CREATE UNIQUE INDEX users_sso_identity ON users (sso_issuer, sso_subject);
