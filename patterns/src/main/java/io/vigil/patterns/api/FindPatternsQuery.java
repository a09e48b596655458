package io.vigil.patterns.api;

/**
 * The patterns, most recently changed first, a page at a time; {@code status} null lists all but archived ones.
 * Answered with a {@link PatternPage}.
 *
 * @param page from 0
 * @param size 1 to {@value #MAX_SIZE}
 */
public record FindPatternsQuery(PatternStatus status, int page, int size) {

    public static final int MAX_SIZE = 200;

    public FindPatternsQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be from 1 to " + MAX_SIZE);
        }
    }
}
