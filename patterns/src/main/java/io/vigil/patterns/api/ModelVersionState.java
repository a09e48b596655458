package io.vigil.patterns.api;

import java.time.Instant;
import java.util.Locale;

/**
 * A version and where it stands: {@code candidate}, {@code approved}, {@code live}, {@code shadow} or {@code retired}
 * (was live, replaced since); who approved it and when (null while a candidate).
 */
public record ModelVersionState(ModelVersion version, State state, String approvedBy, Instant approvedAt) {

    public enum State {
        CANDIDATE,
        APPROVED,
        LIVE,
        SHADOW,
        RETIRED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
