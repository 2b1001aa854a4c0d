-- Cooperation meetings: meetings, agenda, attendance, decisions and action items.
-- Times are wall-clock times in Europe/Stockholm (naive TIMESTAMP); the ics export
-- attaches the zone. No FOREIGN KEYs: DuckDB refuses updates of referenced rows.

CREATE SEQUENCE meetings_id START 1;
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY DEFAULT nextval('meetings_id'),
    title VARCHAR NOT NULL,
    type VARCHAR NOT NULL CHECK (type IN ('sos', 'police', 'regional', 'neighbours', 'other')),
    starts_at TIMESTAMP NOT NULL,            -- Europe/Stockholm wall-clock time
    ends_at TIMESTAMP NOT NULL,
    place VARCHAR NOT NULL DEFAULT '',
    link VARCHAR NOT NULL DEFAULT '',        -- online meeting link, http(s) only
    status VARCHAR NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
    minutes VARCHAR NOT NULL DEFAULT '',     -- Markdown, rendered without raw HTML
    version INTEGER NOT NULL DEFAULT 1,      -- details: bumped on every save
    minutes_version INTEGER NOT NULL DEFAULT 1, -- minutes: stale edits are refused
    minutes_by VARCHAR,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_by VARCHAR,
    updated_at TIMESTAMP,
    CHECK (ends_at > starts_at)
);

CREATE SEQUENCE agenda_items_id START 1;
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY DEFAULT nextval('agenda_items_id'),
    meeting_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    title VARCHAR NOT NULL,
    duration_min INTEGER NOT NULL DEFAULT 10 CHECK (duration_min BETWEEN 0 AND 600),
    presenter VARCHAR NOT NULL DEFAULT '',
    activity_id INTEGER,                     -- optional plan activity
    kind VARCHAR NOT NULL DEFAULT 'custom'
        CHECK (kind IN ('custom', 'actions', 'late_activities', 'situation', 'signals')),
    notes VARCHAR NOT NULL DEFAULT ''
);

CREATE SEQUENCE meeting_attendees_id START 1;
CREATE TABLE meeting_attendees (
    id INTEGER PRIMARY KEY DEFAULT nextval('meeting_attendees_id'),
    meeting_id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    organisation VARCHAR NOT NULL DEFAULT '',
    invited BOOLEAN NOT NULL DEFAULT TRUE,
    present BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE SEQUENCE meeting_decisions_id START 1;
CREATE TABLE meeting_decisions (
    id INTEGER PRIMARY KEY DEFAULT nextval('meeting_decisions_id'),
    meeting_id INTEGER NOT NULL,
    number INTEGER NOT NULL,                 -- 1, 2, 3 ... per meeting
    text VARCHAR NOT NULL,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    UNIQUE (meeting_id, number)
);

CREATE SEQUENCE action_items_id START 1;
CREATE TABLE action_items (
    id INTEGER PRIMARY KEY DEFAULT nextval('action_items_id'),
    meeting_id INTEGER NOT NULL,             -- the meeting where it was raised
    text VARCHAR NOT NULL,
    owner VARCHAR NOT NULL,                  -- display name
    owner_username VARCHAR,                  -- set when the owner is a portal user
    due DATE,
    status VARCHAR NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    activity_id INTEGER,                     -- optional plan activity
    version INTEGER NOT NULL DEFAULT 1,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    closed_by VARCHAR,
    closed_at TIMESTAMP
);
