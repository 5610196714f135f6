-- A mail is keyed on the CloudEvent id it came from, so only a redelivery is dropped: a price-drop mail may repeat an
-- earlier one word for word (the same product back at the same price after rising), which the body cannot tell apart.
ALTER TABLE notifier.mail ADD COLUMN event_id text UNIQUE;
ALTER TABLE notifier.mail DROP CONSTRAINT mail_recipient_body_key;
