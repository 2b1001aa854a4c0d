-- Core schema: settings, users, audit log, action plans with update history.

CREATE TABLE meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE users (
    username VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    email VARCHAR NOT NULL DEFAULT '',
    role VARCHAR NOT NULL CHECK (role IN
        ('admin', 'coordinator', 'process_leader', 'member', 'partner')),
    password_hash VARCHAR NOT NULL,          -- bcrypt, never plaintext
    active BOOLEAN NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP,
    last_login TIMESTAMP,
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE audit_log_id START 1;
CREATE TABLE audit_log (
    id BIGINT PRIMARY KEY DEFAULT nextval('audit_log_id'),
    logged_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    actor VARCHAR NOT NULL,                  -- username, or 'system' / 'cli'
    action VARCHAR NOT NULL,                 -- create, update, delete, view, login, ...
    entity VARCHAR NOT NULL,                 -- table or domain name
    entity_id VARCHAR,
    before_json VARCHAR,
    after_json VARCHAR
);

CREATE SEQUENCE plans_id START 1;
CREATE TABLE plans (
    id INTEGER PRIMARY KEY DEFAULT nextval('plans_id'),
    title VARCHAR NOT NULL,
    period_label VARCHAR NOT NULL,           -- e.g. 2019-2020
    start_year INTEGER NOT NULL,
    end_year INTEGER NOT NULL,
    adopted_by VARCHAR,                      -- e.g. Kommunstyrelsen
    adopted_on DATE,
    adoption_ref VARCHAR,                    -- e.g. § 97
    valid_through VARCHAR,
    document_owner VARCHAR,
    applies_to VARCHAR,
    prepared_by VARCHAR,
    prepared_on DATE,
    introduction VARCHAR,
    predecessor_id INTEGER,
    is_current BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Free-text sections of the plan document (organisation, follow-up, situation picture).
CREATE TABLE plan_sections (
    plan_id INTEGER NOT NULL,
    number VARCHAR NOT NULL,                 -- section number in the document, e.g. 2.1
    heading VARCHAR NOT NULL,
    body VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (plan_id, number)
);

CREATE SEQUENCE dimensions_id START 1;
CREATE TABLE dimensions (
    id INTEGER PRIMARY KEY DEFAULT nextval('dimensions_id'),
    plan_id INTEGER NOT NULL,
    key VARCHAR NOT NULL CHECK (key IN ('promote', 'prevent', 'hinder')),
    number VARCHAR NOT NULL,                 -- 4.1, 4.2, 4.3
    name VARCHAR NOT NULL,
    objective VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (plan_id, key)
);

CREATE SEQUENCE activities_id START 1;
CREATE TABLE activities (
    id INTEGER PRIMARY KEY DEFAULT nextval('activities_id'),
    dimension_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    description VARCHAR NOT NULL,
    responsible_role VARCHAR NOT NULL,       -- role key: process_leader, coordinator, ...
    responsible_label VARCHAR NOT NULL,      -- as the plan words it, e.g. Processledaren
    due_month VARCHAR,                       -- YYYY-MM; NULL when ongoing
    ongoing BOOLEAN NOT NULL DEFAULT FALSE,  -- "Fortlöpande"
    status VARCHAR NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
    progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    weight DOUBLE NOT NULL DEFAULT 1.0,
    version INTEGER NOT NULL DEFAULT 1,      -- bumped on every save: stale edits are refused
    predecessor_id INTEGER,                  -- the activity it was carried over from
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP,
    updated_by VARCHAR,
    CHECK (ongoing OR due_month IS NOT NULL)
);

CREATE SEQUENCE activity_updates_id START 1;
CREATE TABLE activity_updates (
    id INTEGER PRIMARY KEY DEFAULT nextval('activity_updates_id'),
    activity_id INTEGER NOT NULL,
    made_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    actor VARCHAR NOT NULL,
    old_status VARCHAR,
    new_status VARCHAR NOT NULL,
    old_progress INTEGER,
    new_progress INTEGER NOT NULL,
    comment VARCHAR NOT NULL DEFAULT '',
    link VARCHAR NOT NULL DEFAULT ''
);
