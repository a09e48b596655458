/** The audit trail page for admins: entries filtered and paged, and their export as NDJSON. */
package io.vigil.web.audit;
