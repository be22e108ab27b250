-- The key of the RUT hash belongs to the store, not to a data folder: every run on one database
-- hashes a RUT alike, whatever folder it runs from. One row (id 1). The key is kept in Base64;
-- whoever can read this database can read it (see the README, Security).
CREATE TABLE store_secret (
	id SMALLINT NOT NULL,
	rut_secret VARCHAR(4000) NOT NULL,
	origin VARCHAR(16) NOT NULL,
	created_at TIMESTAMP NOT NULL,
	CONSTRAINT store_secret_pk PRIMARY KEY (id),
	CONSTRAINT store_secret_one_row CHECK (id = 1)
);
