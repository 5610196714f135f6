-- Claims: a revealed key that does not work. The buyer says what happened; an admin resolves it by delivering a
-- replacement key (its own provenance, from another supplier or own stock), by refunding the line, or by rejecting
-- it with a reason. Claims count against the supplier that delivered the key (its scoreboard and analytics), so the
-- supplier is copied here from the key: own-stock keys have none.
CREATE TABLE key_claims (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id           uuid        NOT NULL REFERENCES orders (id),
    order_line_id      bigint      NOT NULL REFERENCES order_lines (id),
    product_key_id     bigint      NOT NULL UNIQUE REFERENCES product_keys (id),
    supplier_code      text        REFERENCES suppliers (code),
    reason             text        NOT NULL CHECK (reason IN
                           ('already_used', 'invalid', 'wrong_region', 'wrong_platform', 'other')),
    message            text        NOT NULL DEFAULT '' CHECK (length(message) <= 2000),
    status             text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'replaced', 'refunded', 'rejected')),
    opened_at          timestamptz NOT NULL DEFAULT now(),
    resolved_at        timestamptz,
    resolved_by        uuid,
    resolution_note    text,
    replacement_key_id bigint      REFERENCES product_keys (id),
    CHECK ((status = 'open') = (resolved_at IS NULL)),
    CHECK ((status = 'replaced') = (replacement_key_id IS NOT NULL))
);
CREATE INDEX key_claims_open ON key_claims (opened_at) WHERE status = 'open';
CREATE INDEX key_claims_supplier ON key_claims (supplier_code, opened_at);
CREATE INDEX key_claims_order ON key_claims (order_id);
