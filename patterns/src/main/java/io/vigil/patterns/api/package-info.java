/**
 * The patterns module's published messages and types: the pattern set query, its updates when the set changes, and
 * the patterns and list entries it answers with.
 */
package io.vigil.patterns.api;
