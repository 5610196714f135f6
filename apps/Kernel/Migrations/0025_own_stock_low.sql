-- Products whose own stock is at or under the low-stock threshold and whose alert went out: the row is the "already
-- said" mark, so a crossing alerts once, not every sale; restocking above the threshold deletes it.
CREATE TABLE own_stock_low (
    product_id bigint      PRIMARY KEY REFERENCES products (id),
    since      timestamptz NOT NULL DEFAULT now()
);
