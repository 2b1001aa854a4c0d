-- Notifications: e-mail sent exactly once, each user's mail choices, calendar feed tokens.
-- No UNIQUE constraints: the sender checks (kind, recipient, subject, period) inside its
-- serialised write transaction, and DuckDB refuses some updates of indexed rows.

CREATE SEQUENCE notify_outbox_id START 1;
CREATE TABLE notify_outbox (
    id BIGINT PRIMARY KEY DEFAULT nextval('notify_outbox_id'),
    kind VARCHAR NOT NULL,                   -- digest, invitation, minutes, signal
    recipient VARCHAR NOT NULL,              -- username
    address VARCHAR NOT NULL,                -- the e-mail address it goes to
    subject_ref VARCHAR NOT NULL,            -- what it is about: meeting:7, signal:12, digest
    period VARCHAR NOT NULL,                 -- 2026-W49, 2026-12-02, a meeting's time/status
    queued_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    sent_at TIMESTAMP,                       -- NULL while waiting (or failing)
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error VARCHAR,                      -- the SMTP error of the last failed attempt
    message BLOB                             -- the MIME message while unsent; NULL once sent
);

CREATE TABLE notify_prefs (
    username VARCHAR NOT NULL,
    digest VARCHAR NOT NULL DEFAULT 'weekly' CHECK (digest IN ('daily', 'weekly', 'off')),
    lang VARCHAR NOT NULL DEFAULT 'sv' CHECK (lang IN ('sv', 'en')),
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- One private calendar feed per user. The token is an HMAC of the nonce under the
-- server's key (outside the database), so /konto can show it again; only its SHA-256 is
-- stored to look it up, and a copy of the database alone does not reveal any feed URL.
CREATE TABLE calendar_tokens (
    username VARCHAR NOT NULL,
    nonce VARCHAR NOT NULL,
    token_hash VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
