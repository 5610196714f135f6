-- Wishlists with optional target prices; last_alerted_price makes a price-drop alert fire once per drop.
CREATE TABLE wishlist_items (
    user_id            uuid           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    product_id         bigint         NOT NULL REFERENCES products (id),
    target_price       numeric(18, 2) CHECK (target_price > 0),
    last_alerted_price numeric(18, 2),
    created_at         timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, product_id)
);
