-- Wrong passwords are counted per account and client: a guesser's client is paused, while the owner signing in from
-- anywhere else is never locked out (the old per-account lock let anyone lock anyone out).
CREATE TABLE sign_in_failures (
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client        text        NOT NULL,
    failures      int         NOT NULL DEFAULT 0,
    paused_until  timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, client)
);

ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;
