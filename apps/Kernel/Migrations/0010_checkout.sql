-- Checkout: guest orders with a receipt token, a status timeline, lines with what the buyer saw locked in,
-- own-stock reservation, key provenance and reveals, refunds. The order tables were empty until now.

-- A guest order has no user but always an email; the receipt token is known only to the buyer (its SHA-256 here).
ALTER TABLE orders
    ALTER COLUMN user_id DROP NOT NULL,
    ADD COLUMN email              text  NOT NULL,
    ADD COLUMN cart_id            text,
    ADD COLUMN receipt_token_hash bytea NOT NULL UNIQUE,
    ADD COLUMN status_reason      text,
    DROP CONSTRAINT orders_status_check,
    ADD CONSTRAINT orders_status_check CHECK (status IN
        ('pending', 'reserved', 'awaiting_payment', 'paid', 'fulfilling',
         'completed', 'partially_refunded', 'refunded', 'expired', 'cancelled', 'failed'));
CREATE SEQUENCE order_numbers START 100001;
-- The reconciler's look for orders that stopped moving.
CREATE INDEX orders_open ON orders (updated_at)
    WHERE status IN ('pending', 'reserved', 'awaiting_payment', 'paid', 'fulfilling');

-- Each status change and line outcome once; the note tells lines and refunds apart.
CREATE TABLE order_events (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    step     text        NOT NULL,
    note     text,
    at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (order_id, step, note)
);

-- What the buyer saw when ordering; unit_price is the store price locked at that moment.
ALTER TABLE order_lines
    ADD COLUMN slug  text NOT NULL,
    ADD COLUMN title text NOT NULL,
    ADD COLUMN error text;

-- One payment per order (its PayPal order), shown to the buyer by its approval link.
ALTER TABLE payments
    ADD COLUMN approve_url text,
    ADD CONSTRAINT payments_one_per_order UNIQUE (order_id);

-- Refunds by the provider's refund id, so a repeated refund report changes nothing.
CREATE TABLE refunds (
    refund_id  text PRIMARY KEY,
    order_id   uuid           NOT NULL REFERENCES orders (id),
    amount     numeric(18, 2) NOT NULL CHECK (amount > 0),
    currency   char(3)        NOT NULL,
    line_ids   bigint[]       NOT NULL DEFAULT '{}',
    created_at timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX refunds_order ON refunds (order_id);

-- Keys: the data key's id instead of a version number (a rotated key is found by its id), the key's provenance,
-- and a reserved key always names its line, as a sold one does. reserved_until is cleared once the order is paid:
-- from then on the key waits for that order's fulfilment, however long it takes.
ALTER TABLE product_keys
    DROP COLUMN key_version,
    ADD COLUMN key_id            text           NOT NULL,
    ADD COLUMN content_type      text           NOT NULL DEFAULT 'text/plain',
    ADD COLUMN supplier_order_id text,
    ADD COLUMN unit_cost         numeric(18, 4) CHECK (unit_cost >= 0),
    ADD COLUMN cost_currency     char(3),
    ADD COLUMN bought_at         timestamptz,
    ADD COLUMN delivered_at      timestamptz    NOT NULL DEFAULT now(),
    ADD CONSTRAINT product_keys_line_when_taken CHECK ((status IN ('reserved', 'sold')) = (order_line_id IS NOT NULL));
CREATE INDEX product_keys_line ON product_keys (order_line_id) WHERE order_line_id IS NOT NULL;

-- Every time a key was shown, and to whom: the signed-in owner or the holder of the receipt token.
CREATE TABLE key_reveals (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_key_id bigint      NOT NULL REFERENCES product_keys (id),
    order_id       uuid        NOT NULL REFERENCES orders (id),
    channel        text        NOT NULL CHECK (channel IN ('account', 'receipt')),
    user_id        uuid,
    at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX key_reveals_key ON key_reveals (product_key_id);
