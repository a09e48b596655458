/**
 * The write side of patterns and lists: the Pattern aggregate, whose events are each pattern's history and audit
 * trail, and the ValueList aggregate, one per allow or block list and kind.
 */
package io.vigil.patterns.command;
