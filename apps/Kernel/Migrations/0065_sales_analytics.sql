-- Sales analytics. The funnel's first two steps are not in the order tables: the BFF counts product page views and cart
-- adds in memory and adds its counts here every few seconds. Only counts are kept, never who viewed, one row per quarter
-- hour (UTC), so a "day" can be cut in any time zone: every zone's offset is a whole number of quarter hours.
CREATE TABLE funnel_counts (
    bucket        timestamptz PRIMARY KEY CHECK (bucket = date_bin('15 minutes', bucket, timestamptz '2000-01-01 00:00+00')),
    product_views bigint NOT NULL DEFAULT 0 CHECK (product_views >= 0),
    cart_adds     bigint NOT NULL DEFAULT 0 CHECK (cart_adds >= 0)
);

-- The report reads sales by when they happened: captures, refunds, keys sold; and a refunded line's supplier delivery.
CREATE INDEX payments_captured ON payments (captured_at) WHERE captured_at IS NOT NULL;
CREATE INDEX refunds_created ON refunds (created_at);
CREATE INDEX product_keys_sold ON product_keys (sold_at) WHERE status = 'sold';
CREATE INDEX fulfilments_line ON fulfilments (order_line_id);
