/**
 * The patterns module's published messages and types: the pattern set query and the patterns and list entries it
 * answers with, and the allow and block lists' commands, events, queries and value rules.
 */
package io.vigil.patterns.api;
