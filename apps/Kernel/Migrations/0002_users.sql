-- Accounts and roles. Emails are unique case-insensitively; passwords are stored only as library hashes.
CREATE TABLE users (
    id              uuid PRIMARY KEY,
    email           text        NOT NULL,
    display_name    text        NOT NULL,
    password_hash   text        NOT NULL,
    failed_logins   int         NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE roles (
    name text PRIMARY KEY
);
INSERT INTO roles (name) VALUES ('customer'), ('admin');

CREATE TABLE user_roles (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    text NOT NULL REFERENCES roles (name),
    PRIMARY KEY (user_id, role)
);
