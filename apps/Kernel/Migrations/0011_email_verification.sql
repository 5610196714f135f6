-- Email verification: an account reaches orders, keys and admin only once its owner proved the address by a mailed
-- one-time token. Only the SHA-256 of each token is kept, as for password resets. Existing accounts start unverified:
-- their next sign-in mails them a link.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;

CREATE TABLE email_verification_tokens (
    token_hash  bytea PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_verification_tokens_user ON email_verification_tokens (user_id) WHERE used_at IS NULL;
