CREATE TABLE item (id integer PRIMARY KEY);
