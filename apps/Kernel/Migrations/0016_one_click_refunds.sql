-- One-click refunds of unrevealed keys: once the buyer asks, the line's keys can no longer be revealed, so a key is
-- never both shown and refunded; the refund itself is recorded as any other (payments, order_events).
ALTER TABLE order_lines ADD COLUMN refund_requested_at timestamptz;
