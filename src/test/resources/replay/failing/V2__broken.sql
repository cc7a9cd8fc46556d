-- assumes a table that only exists in production
ALTER TABLE item ADD COLUMN label text;

UPDATE legacy_item SET label = 'x';
