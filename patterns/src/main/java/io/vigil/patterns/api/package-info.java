/**
 * The patterns module's published messages and types: the pattern set query, its updates when the set changes, the
 * patterns and list entries it answers with, the pattern lifecycle's commands, events, queries and rules (draft,
 * submit, approve, publish, mode, rollback, archive), and the allow and block lists' commands, events, queries and
 * value rules.
 */
package io.vigil.patterns.api;
