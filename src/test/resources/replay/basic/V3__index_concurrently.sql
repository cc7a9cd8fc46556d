-- flyway:executeInTransaction=false
CREATE INDEX CONCURRENTLY candidate_name_idx ON candidate (name);
