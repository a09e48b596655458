package io.vigil.patterns.rest;

/** No pattern with this id. */
class PatternNotFoundException extends RuntimeException {

    PatternNotFoundException(String id) {
        super("no pattern with id " + id);
    }
}
