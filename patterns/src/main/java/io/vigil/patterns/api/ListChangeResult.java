package io.vigil.patterns.api;

/**
 * What a list change did, the answer to each list command.
 *
 * @param version the list's version after the change
 * @param entries how many entries it touched
 * @param added of those, how many were new on the list (an add only)
 */
public record ListChangeResult(long version, int entries, int added) {}
