-- Mails the notifier has written. The view of them is for development; the body is unique, so a redelivered event
-- (pub/sub is at-least-once) writes no second copy.
CREATE TABLE notifier.mail (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient   text        NOT NULL,
    subject     text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (recipient, body)
);
