/**
 * The patterns module's published messages and types: the pattern set query, its updates when the set changes, the
 * patterns and list entries it answers with, and the pattern lifecycle's commands, events, queries and rules (draft,
 * submit, approve, publish, mode, rollback, archive).
 */
package io.vigil.patterns.api;
