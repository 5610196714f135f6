-- Further links to a guest's receipt, minted for the receipt mail: only their SHA-256, like orders.receipt_token_hash,
-- so the clear link exists only in the sent mail. The link shown at checkout keeps working beside them.
CREATE TABLE receipt_links (
    token_hash bytea       PRIMARY KEY,
    order_id   uuid        NOT NULL REFERENCES orders (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX receipt_links_order ON receipt_links (order_id);
