package io.vigil.patterns.api;

import java.util.List;

/** A change names values that are not on the list: nothing was changed. */
public class ListEntryNotFoundException extends RuntimeException {

    private final List<String> values;

    public ListEntryNotFoundException(String listId, List<String> values) {
        super("not on " + listId + ": "
                + String.join(", ", values.stream().limit(20).toList())
                + (values.size() > 20 ? " and " + (values.size() - 20) + " more" : ""));
        this.values = List.copyOf(values);
    }

    public List<String> values() {
        return values;
    }
}
