-- Fraud checks: where an order came from (the BFF's client address and device cookie), the PayPal payer once known,
-- and each check's decision with the reasons behind it.
ALTER TABLE orders
    ADD COLUMN client_ip inet,
    ADD COLUMN device_id text;
CREATE INDEX orders_email_recent ON orders (lower(email), created_at);
CREATE INDEX orders_ip_recent ON orders (client_ip, created_at) WHERE client_ip IS NOT NULL;
CREATE INDEX orders_device_recent ON orders (device_id, created_at) WHERE device_id IS NOT NULL;

ALTER TABLE payments ADD COLUMN payer_id text;
CREATE INDEX payments_payer ON payments (payer_id) WHERE payer_id IS NOT NULL;

-- One check before payment ('order') and one once PayPal names the payer ('payer'); a repeat reads the recorded one.
CREATE TABLE fraud_checks (
    order_id uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    stage    text        NOT NULL CHECK (stage IN ('order', 'payer')),
    decision text        NOT NULL CHECK (decision IN ('allow', 'hold', 'refuse')),
    score    int         NOT NULL,
    reasons  jsonb       NOT NULL,
    at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, stage)
);
