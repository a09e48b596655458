/**
 * The audit trail: who changed what, when and from where, appended to PostgreSQL in the transaction of the change, and
 * every sign-in; read by admins page by page or as NDJSON.
 */
package io.vigil.access.audit;
