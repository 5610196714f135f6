-- Every store price a product had, written by the repricing statement in the transaction that changed it (PricingSql):
-- the game page's price history and its lowest price in 90 days. NULL: it could not be bought from then.
CREATE TABLE product_price_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id  bigint         NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    price       numeric(18, 2),
    recorded_at timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX product_price_history_by_product ON product_price_history (product_id, recorded_at);

-- The history starts with today's prices.
INSERT INTO product_price_history (product_id, price, recorded_at)
SELECT id, price, coalesce(price_updated_at, now()) FROM products;
