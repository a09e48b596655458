package io.vigil.patterns.rest;

/** No pattern (or analyst-defined feature) with this id. */
class PatternNotFoundException extends RuntimeException {

    PatternNotFoundException(String id) {
        super("no pattern with id " + id);
    }

    private PatternNotFoundException(String what, String id) {
        super("no " + what + " " + id);
    }

    static PatternNotFoundException feature(String name) {
        return new PatternNotFoundException("feature named", name);
    }
}
