-- Situation picture (lägesbild): one row per year, one assessment per year and milieu,
-- revisions of approved years, and quarterly indicator counts.

CREATE TABLE situation_years (
    year INTEGER PRIMARY KEY,
    status VARCHAR NOT NULL DEFAULT 'draft'
        CHECK (status IN ('planned', 'draft', 'approved')),
    summary VARCHAR NOT NULL DEFAULT '',     -- the year's overall statement
    made_with VARCHAR NOT NULL DEFAULT '',   -- e.g. kommunpolisen
    source_ref VARCHAR NOT NULL DEFAULT '',  -- where the assessment is documented
    approved_on DATE,
    approved_by VARCHAR,
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    version INTEGER NOT NULL DEFAULT 1,      -- optimistic concurrency
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_by VARCHAR NOT NULL DEFAULT 'system'
);

CREATE TABLE situation_assessments (
    year INTEGER NOT NULL,
    milieu VARCHAR NOT NULL CHECK (milieu IN ('far_right', 'far_left', 'islamist', 'other')),
    level VARCHAR NOT NULL CHECK (level IN ('none', 'low', 'elevated', 'high')),
    trend VARCHAR NOT NULL CHECK (trend IN ('unknown', 'decreasing', 'unchanged', 'increasing')),
    narrative VARCHAR NOT NULL DEFAULT '',
    sources_used VARCHAR[] NOT NULL DEFAULT [],
    sources_not_used VARCHAR[] NOT NULL DEFAULT [],
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_by VARCHAR NOT NULL DEFAULT 'system',
    PRIMARY KEY (year, milieu)
);

-- Changes to an approved year: never silent, always with a reason and before/after.
CREATE SEQUENCE situation_revisions_id START 1;
CREATE TABLE situation_revisions (
    id INTEGER PRIMARY KEY DEFAULT nextval('situation_revisions_id'),
    year INTEGER NOT NULL,
    milieu VARCHAR,                          -- NULL: the year's own fields
    actor VARCHAR NOT NULL,
    made_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    reason VARCHAR NOT NULL,
    before_json VARCHAR,
    after_json VARCHAR
);

CREATE SEQUENCE situation_indicators_id START 1;
CREATE TABLE situation_indicators (
    id INTEGER PRIMARY KEY DEFAULT nextval('situation_indicators_id'),
    period VARCHAR NOT NULL,                 -- YYYY-Qn
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    milieu VARCHAR NOT NULL CHECK (milieu IN ('far_right', 'far_left', 'islamist', 'other')),
    source VARCHAR NOT NULL CHECK (source IN
        ('school', 'social_services', 'leisure', 'police', 'open_sources', 'other')),
    area VARCHAR NOT NULL DEFAULT '',
    count INTEGER NOT NULL CHECK (count >= 0),
    note VARCHAR NOT NULL DEFAULT '',
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    created_by VARCHAR NOT NULL DEFAULT 'system',
    UNIQUE (period, milieu, source, area)
);
