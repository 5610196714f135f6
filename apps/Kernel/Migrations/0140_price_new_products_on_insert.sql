-- A batch writes a new product with its price and best offer at once, before that offer's row (whose id it takes
-- ahead from the sequence): the reference is checked at commit in that batch (SET CONSTRAINTS), at once elsewhere.
ALTER TABLE products ALTER CONSTRAINT products_best_offer_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
