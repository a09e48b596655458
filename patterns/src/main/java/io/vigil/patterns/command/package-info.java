/** The write side of patterns: the Pattern aggregate, whose events are each pattern's history and audit trail. */
package io.vigil.patterns.command;
