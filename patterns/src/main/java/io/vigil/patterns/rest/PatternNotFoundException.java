package io.vigil.patterns.rest;

/** No pattern with this id, or no such thing of the pattern (a backtest run), or no analyst feature of that name. */
class PatternNotFoundException extends RuntimeException {

    PatternNotFoundException(String id) {
        super("no pattern with id " + id);
    }

    /** Something of a pattern that does not exist, {@code message} saying what. */
    PatternNotFoundException(String message, boolean ofPattern) {
        super(message);
    }

    static PatternNotFoundException feature(String name) {
        return new PatternNotFoundException("no feature named " + name, false);
    }
}
