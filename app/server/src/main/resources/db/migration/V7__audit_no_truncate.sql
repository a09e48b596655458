-- The audit trail's append-only trigger (V5) fires for each row updated or deleted; TRUNCATE removes rows without
-- firing row triggers, so it is refused by a statement trigger of its own.
DROP TRIGGER IF EXISTS access_audit_no_truncate ON access_audit;
CREATE TRIGGER access_audit_no_truncate BEFORE TRUNCATE ON access_audit
    FOR EACH STATEMENT EXECUTE FUNCTION access_audit_append_only();
