-- Orders, their payments and fulfilments, and the key vault.
CREATE TABLE orders (
    id          uuid PRIMARY KEY,
    number      text           NOT NULL UNIQUE,
    user_id     uuid           NOT NULL REFERENCES users (id),
    status      text           NOT NULL CHECK (status IN
                    ('pending', 'awaiting_payment', 'paid', 'fulfilling', 'completed', 'partially_refunded', 'refunded', 'cancelled', 'failed')),
    currency    char(3)        NOT NULL,
    total       numeric(18, 2) NOT NULL CHECK (total >= 0),
    created_at  timestamptz    NOT NULL DEFAULT now(),
    updated_at  timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX orders_user ON orders (user_id, created_at DESC);

CREATE TABLE order_lines (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    uuid           NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id  bigint         NOT NULL REFERENCES products (id),
    offer_id    bigint         REFERENCES supplier_offers (id),
    quantity    int            NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    unit_price  numeric(18, 2) NOT NULL CHECK (unit_price >= 0),
    unit_cost   numeric(18, 4),
    status      text           NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fulfilled', 'refunded', 'failed'))
);
CREATE INDEX order_lines_order ON order_lines (order_id);

CREATE TABLE payments (
    id                uuid PRIMARY KEY,
    order_id          uuid           NOT NULL REFERENCES orders (id),
    provider          text           NOT NULL DEFAULT 'paypal',
    provider_order_id text           UNIQUE,
    capture_id        text           UNIQUE,
    status            text           NOT NULL CHECK (status IN ('created', 'approved', 'captured', 'declined', 'refunded', 'partially_refunded', 'voided')),
    amount            numeric(18, 2) NOT NULL CHECK (amount >= 0),
    refunded_amount   numeric(18, 2) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
    currency          char(3)        NOT NULL,
    created_at        timestamptz    NOT NULL DEFAULT now(),
    captured_at       timestamptz
);
-- A payment is captured at most once per order.
CREATE UNIQUE INDEX payments_one_capture_per_order ON payments (order_id) WHERE capture_id IS NOT NULL;

CREATE TABLE fulfilments (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_line_id      bigint      NOT NULL REFERENCES order_lines (id),
    source             text        NOT NULL CHECK (source IN ('stock', 'supplier', 'manual')),
    supplier_code      text        REFERENCES suppliers (code),
    supplier_order_ref text,
    status             text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    error              text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    completed_at       timestamptz,
    UNIQUE (supplier_code, supplier_order_ref)
);

-- Keys are kept only as ciphertext (AES-GCM with a key from the secret store; key_version names it).
CREATE TABLE product_keys (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id     bigint      NOT NULL REFERENCES products (id),
    source         text        NOT NULL CHECK (source IN ('stock', 'supplier')),
    supplier_code  text        REFERENCES suppliers (code),
    ciphertext     bytea       NOT NULL,
    nonce          bytea       NOT NULL,
    key_version    int         NOT NULL,
    fingerprint    bytea       NOT NULL UNIQUE,
    status         text        NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'reserved', 'sold', 'revoked')),
    order_line_id  bigint      REFERENCES order_lines (id),
    reserved_until timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    sold_at        timestamptz,
    revealed_at    timestamptz,
    CHECK ((status = 'sold') = (order_line_id IS NOT NULL AND sold_at IS NOT NULL))
);
CREATE INDEX product_keys_available ON product_keys (product_id) WHERE status = 'available';
