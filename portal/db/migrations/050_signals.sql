-- Signal routine: concerns about violent extremism and their handling steps.
-- Privacy by design: no names or identity numbers are stored (the service refuses them);
-- the free text (description, step notes) is set to NULL when a closed signal passes the
-- retention period, while the classification columns stay so the counts survive.

CREATE SEQUENCE signals_id START 1;
CREATE TABLE signals (
    id INTEGER PRIMARY KEY DEFAULT nextval('signals_id'),
    reporter VARCHAR NOT NULL,               -- username of the staff member who reported
    reported_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    observed_on DATE NOT NULL,
    quarter VARCHAR NOT NULL,                -- YYYY-Qn of observed_on; kept after purge
    setting VARCHAR NOT NULL,                -- portal.vocab.SETTINGS
    milieu VARCHAR NOT NULL,                 -- portal.vocab.MILIEUS
    kind VARCHAR NOT NULL,                   -- services.signal_steps.KINDS
    urgency VARCHAR NOT NULL,                -- services.signal_steps.URGENCIES
    description VARCHAR,                     -- NULL once purged
    step VARCHAR NOT NULL DEFAULT 'new'
        CHECK (step IN ('new', 'received', 'assessment', 'referred', 'closed')),
    referred_to VARCHAR,
    outcome VARCHAR,
    closed_at TIMESTAMP,
    purged_at TIMESTAMP,
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    version INTEGER NOT NULL DEFAULT 1,      -- bumped on every change: stale edits refused
    updated_at TIMESTAMP,
    updated_by VARCHAR
);

CREATE SEQUENCE signal_steps_id START 1;
CREATE TABLE signal_steps (
    id INTEGER PRIMARY KEY DEFAULT nextval('signal_steps_id'),
    signal_id INTEGER NOT NULL,
    step VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    made_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    note VARCHAR,                            -- NULL once purged
    referred_to VARCHAR,
    outcome VARCHAR
);
