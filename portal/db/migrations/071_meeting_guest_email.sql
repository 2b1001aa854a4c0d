-- Guests of a meeting (attendees who are not portal users) may have an e-mail address,
-- so the invitation reaches them too. Empty for portal users and guests without one.

ALTER TABLE meeting_attendees ADD COLUMN email VARCHAR DEFAULT '';
