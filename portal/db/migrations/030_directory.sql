-- Family-support resource directory, aligned with Open Referral HSDS 3.0:
-- organisations deliver services (our "entries"); lists hold taxonomy terms,
-- target groups and languages. Ids are UUIDs because HSDS requires them.

CREATE TABLE dir_organizations (
    id VARCHAR PRIMARY KEY,                  -- UUID
    name VARCHAR NOT NULL UNIQUE,
    description VARCHAR NOT NULL DEFAULT '',
    website VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE dir_entries (
    id VARCHAR PRIMARY KEY,                  -- UUID (HSDS service.id)
    organization_id VARCHAR NOT NULL,        -- dir_organizations.id (no FK: DuckDB updates)
    name VARCHAR NOT NULL,
    description VARCHAR NOT NULL DEFAULT '', -- plain text / safe Markdown, never HTML
    status VARCHAR NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'inactive')),
    eligibility VARCHAR NOT NULL DEFAULT '',
    cost VARCHAR NOT NULL DEFAULT '',
    languages VARCHAR[] NOT NULL DEFAULT [],      -- ISO 639-1 codes
    target_groups VARCHAR[] NOT NULL DEFAULT [],  -- vocabulary in services/directory_vocab
    categories VARCHAR[] NOT NULL DEFAULT [],     -- taxonomy terms, same vocabulary module
    phone VARCHAR NOT NULL DEFAULT '',       -- validated, as written (e.g. 020-100 200)
    email VARCHAR NOT NULL DEFAULT '',
    url VARCHAR NOT NULL DEFAULT '',         -- http(s) only
    address VARCHAR NOT NULL DEFAULT '',
    service_area VARCHAR NOT NULL DEFAULT '',
    hours VARCHAR NOT NULL DEFAULT '',       -- opening hours as text; empty = not verified
    visibility VARCHAR NOT NULL DEFAULT 'internal'
        CHECK (visibility IN ('public', 'partners', 'internal')),
    source VARCHAR NOT NULL DEFAULT '',
    verified_on DATE,
    verified_by VARCHAR NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_by VARCHAR NOT NULL DEFAULT ''
);
