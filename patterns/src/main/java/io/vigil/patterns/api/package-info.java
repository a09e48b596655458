/**
 * The patterns module's published messages and types: the pattern set query and the patterns and list entries it
 * answers with.
 */
package io.vigil.patterns.api;
