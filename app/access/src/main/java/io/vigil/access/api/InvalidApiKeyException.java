package io.vigil.access.api;

/** A key request with a field out of bounds: the API answers {@code 400} naming the field. */
public class InvalidApiKeyException extends IllegalArgumentException {

    private final String field;

    public InvalidApiKeyException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
