/** The write side of the allow and block lists: the ValueList aggregate, one per list and kind. */
package io.vigil.patterns.command;
