-- Price-drop alerts look items up by product after every reprice.
CREATE INDEX wishlist_items_by_product ON wishlist_items (product_id);
