package io.vigil.access.audit;

/**
 * Where audit records go. PostgreSQL keeps them append-only ({@code access_audit}, whose trigger refuses any update
 * or delete).
 */
public interface AuditTrail {

    /**
     * Appends the record in the current transaction, if there is one: it is stored if and only if the change it
     * records is.
     */
    void append(AuditRecord record);

    /** Appends the record in a transaction of its own, for what is recorded after its own transaction rolled back. */
    void appendAlone(AuditRecord record);
}
