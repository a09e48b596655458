package io.vigil.ingest.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every broken rule of a request so that the client sees all of them at once, not one per round trip. */
public final class Violations {

    /** Ids chosen by clients: 1-64 characters of letters, digits and {@code . _ : -}. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final List<FieldViolation> list = new ArrayList<>();

    public int size() {
        return list.size();
    }

    /** The violations so far, in the order they were found. */
    public List<FieldViolation> list() {
        return List.copyOf(list);
    }

    public void add(String field, String message) {
        list.add(new FieldViolation(field, message));
    }

    /** Returns true when the value is present; records "is required" otherwise. */
    public boolean required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    public void id(String field, String value) {
        if (required(field, value) && !ID.matcher(value).matches()) {
            add(field, "must be 1-64 characters of letters, digits and . _ : -");
        }
    }

    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
    }

    public void throwIfAny(String title) {
        if (!list.isEmpty()) {
            throw new InvalidRequestException(title, list);
        }
    }
}
