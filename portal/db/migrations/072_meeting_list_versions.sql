-- Agenda and attendance are saved as whole lists; a version per list lets a save made
-- on an old copy be refused instead of silently replacing someone else's list.
ALTER TABLE meetings ADD COLUMN agenda_version INTEGER DEFAULT 1;
ALTER TABLE meetings ADD COLUMN attendance_version INTEGER DEFAULT 1;
