-- Held orders: the fraud check held them, so PayPal only authorised the payment; it is captured once staff approve,
-- voided when they deny or the review window ends. Until then the order is 'held' and its own-stock keys stay with it.
ALTER TABLE orders
    ADD COLUMN review_by timestamptz,
    DROP CONSTRAINT orders_status_check,
    ADD CONSTRAINT orders_status_check CHECK (status IN
        ('pending', 'reserved', 'awaiting_payment', 'held', 'paid', 'fulfilling',
         'completed', 'partially_refunded', 'refunded', 'expired', 'cancelled', 'failed'));

ALTER TABLE payments
    ADD COLUMN authorization_id text UNIQUE,
    DROP CONSTRAINT payments_status_check,
    ADD CONSTRAINT payments_status_check CHECK (status IN
        ('created', 'approved', 'authorized', 'captured', 'declined', 'refunded', 'partially_refunded', 'voided'));
