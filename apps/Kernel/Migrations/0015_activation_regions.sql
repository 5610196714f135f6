-- Region check before payment: the country a shopper plays in (their account setting), checked against the region each
-- key activates in (products.region). PayPal's payer country is checked too, before capture; neither is stored here.
ALTER TABLE users ADD COLUMN country char(2) CHECK (country ~ '^[A-Z]{2}$');
