-- System configuration staff changed, by configuration key; configuration files give the defaults of the rest. Every
-- change writes the whole set under one new version, which apps use to keep the newest snapshot.
CREATE TABLE settings (
    name       text        PRIMARY KEY CHECK (name ~ '^[A-Za-z]+(:[A-Za-z]+)+$'),
    value      text        NOT NULL,
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE settings_versions;
