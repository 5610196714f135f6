-- Notifications waiting to leave, or that left: one per CloudEvent id and channel, so a redelivered event sends nothing
-- twice. The message itself is sealed (AES-GCM, secret notifier-data-key), since mails carry one-time links, and erased
-- once sent; summary says what it was, without links, for the list of undelivered ones. Replaces the dev mail table.
DROP TABLE notifier.mail;

CREATE TABLE notifier.deliveries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        text        NOT NULL,
    channel         text        NOT NULL CHECK (channel IN ('telegram', 'sheets', 'mail')),
    summary         text        NOT NULL,
    payload         bytea,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    UNIQUE (event_id, channel),
    CHECK (status <> 'sent' OR payload IS NULL)
);
CREATE INDEX deliveries_due ON notifier.deliveries (channel, next_attempt_at) WHERE status = 'pending';

-- Each completed order's figures as reported to the sales sheet, summed into the day's summary row.
CREATE TABLE notifier.sales (
    order_id    uuid           PRIMARY KEY,
    day         date           NOT NULL,
    revenue     numeric(18, 2) NOT NULL,
    cost        numeric(18, 2) NOT NULL,
    currency    char(3)        NOT NULL
);
CREATE INDEX sales_day ON notifier.sales (day);
