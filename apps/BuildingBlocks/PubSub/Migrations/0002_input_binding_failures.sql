-- Input-binding messages whose handling failed, counted per message: a queue binding requeues a failed message at once
-- and for ever (RabbitMQ Nack with requeue), so after a few tries the app parks it in dead_letters and acknowledges it.
CREATE TABLE messaging.input_binding_failures (
    binding    text        NOT NULL,
    message_id uuid        NOT NULL,
    attempts   int         NOT NULL,
    last_error text,
    failed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (binding, message_id)
);
