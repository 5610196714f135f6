-- Transactional outbox: a row per published event, written in the publishing change's transaction.

CREATE TABLE messaging.outbox (
    id              uuid PRIMARY KEY,
    source          text        NOT NULL,
    pubsub_name     text        NOT NULL,
    topic           text        NOT NULL,
    data            jsonb       NOT NULL,
    traceparent     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    relayed_at      timestamptz,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);
CREATE INDEX outbox_pending ON messaging.outbox (source, next_attempt_at) WHERE relayed_at IS NULL;

-- Embedded profile: one row per (event, subscriber route), delivered at least once.
CREATE TABLE messaging.deliveries (
    id                bigserial PRIMARY KEY,
    message_id        uuid        NOT NULL REFERENCES messaging.outbox (id) ON DELETE CASCADE,
    route             text        NOT NULL,
    dead_letter_topic text,
    attempts          int         NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    locked_until      timestamptz,
    delivered_at      timestamptz,
    dead_at           timestamptz,
    last_error        text,
    UNIQUE (message_id, route)
);
CREATE INDEX deliveries_due ON messaging.deliveries (next_attempt_at) WHERE delivered_at IS NULL AND dead_at IS NULL;

-- Events a subscriber kept refusing after every retry; kept for inspection and replay.
CREATE TABLE messaging.dead_letters (
    id          bigserial PRIMARY KEY,
    message_id  uuid        NOT NULL,
    pubsub_name text        NOT NULL,
    topic       text        NOT NULL,
    route       text        NOT NULL,
    data        jsonb       NOT NULL,
    attempts    int         NOT NULL,
    last_error  text,
    dead_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (message_id, route)
);
