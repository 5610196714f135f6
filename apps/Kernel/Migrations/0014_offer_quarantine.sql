-- Offers a supplier sent that could not be taken as they were, with why; the rest of their batch went in.
-- One row per SKU, the latest reason; a later good listing of the SKU clears it.
CREATE TABLE quarantined_offers (
    supplier_code text        NOT NULL REFERENCES suppliers (code),
    supplier_sku  text        NOT NULL,
    reason        text        NOT NULL,
    sync_run_id   bigint,
    seen_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (supplier_code, supplier_sku)
);
CREATE INDEX quarantined_offers_latest ON quarantined_offers (supplier_code, seen_at DESC);

ALTER TABLE sync_runs ADD COLUMN offers_quarantined int NOT NULL DEFAULT 0;
