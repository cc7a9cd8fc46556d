ALTER TABLE candidate ADD COLUMN expected_wage numeric(10, 2);
