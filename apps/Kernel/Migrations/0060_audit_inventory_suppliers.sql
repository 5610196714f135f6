-- Stock uploads and supplier switches are audited too: their entries name the upload's file or the supplier's code.
ALTER TABLE admin_audit
    DROP CONSTRAINT admin_audit_target_type_check,
    ADD CONSTRAINT admin_audit_target_type_check CHECK (target_type IN ('order', 'user', 'setting', 'notification', 'inventory', 'supplier'));
