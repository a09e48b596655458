package io.vigil.analytics.api;

import java.util.List;

/** A monitor command broke a rule: an invalid definition, or a change to a deleted monitor. */
public class MonitorRejectedException extends RuntimeException {

    private final List<String> problems;

    public MonitorRejectedException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
