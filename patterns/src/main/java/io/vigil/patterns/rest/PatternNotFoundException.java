package io.vigil.patterns.rest;

/** No pattern with this id, or no such thing (a backtest run) of the pattern. */
class PatternNotFoundException extends RuntimeException {

    PatternNotFoundException(String id) {
        super("no pattern with id " + id);
    }

    /** Something of a pattern that does not exist, {@code message} saying what. */
    PatternNotFoundException(String message, boolean ofPattern) {
        super(message);
    }
}
