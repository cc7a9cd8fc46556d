CREATE TABLE sales.orders (id integer PRIMARY KEY, total numeric NOT NULL);
