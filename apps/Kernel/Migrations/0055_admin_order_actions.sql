-- Staff order actions. A key an admin reveals is logged like any other reveal, with the admin as its user. A key an
-- admin pastes to fulfil a line by hand is sealed like every other key, its source 'manual' and the admin named.
ALTER TABLE key_reveals
    DROP CONSTRAINT key_reveals_channel_check,
    ADD CONSTRAINT key_reveals_channel_check CHECK (channel IN ('account', 'receipt', 'admin')),
    ADD CONSTRAINT key_reveals_admin_named CHECK (channel <> 'admin' OR user_id IS NOT NULL);

ALTER TABLE product_keys
    DROP CONSTRAINT product_keys_source_check,
    ADD CONSTRAINT product_keys_source_check CHECK (source IN ('stock', 'supplier', 'manual')),
    ADD COLUMN added_by uuid REFERENCES users (id),
    ADD CONSTRAINT product_keys_manual_by CHECK ((source = 'manual') = (added_by IS NOT NULL));
