-- Uses the V2 column: it only works because Flyway applies repeatables after every versioned migration.
CREATE OR REPLACE VIEW candidate_wages AS SELECT id, name, expected_wage FROM candidate;
