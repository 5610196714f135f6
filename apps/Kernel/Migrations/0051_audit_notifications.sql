-- Staff resend notifications that did not go out; the audit names the notification they sent again.
ALTER TABLE admin_audit DROP CONSTRAINT admin_audit_target_type_check;
ALTER TABLE admin_audit ADD CONSTRAINT admin_audit_target_type_check
    CHECK (target_type IN ('order', 'user', 'setting', 'notification'));
