package io.vigil.patterns.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The allow and block lists' settings ({@code vigil.patterns.lists}).
 *
 * @param maxImportLines the most lines of entries one CSV import may hold (the header not counted); one more and the
 *     whole file is refused with 400, in either mode, before anything is stored. The body of an import is also held
 *     to {@code vigil.ingest.limits.max-import-body}
 * @param snapshotEvery a list's state (its values) is snapshotted after this many changes, so that loading it reads
 *     the snapshot and at most this many changes
 */
@ConfigurationProperties("vigil.patterns.lists")
public record ListSettings(
        @DefaultValue("100000") int maxImportLines,
        @DefaultValue("20") int snapshotEvery) {

    public ListSettings {
        if (maxImportLines < 1) {
            throw new IllegalArgumentException("vigil.patterns.lists.max-import-lines must be at least 1");
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("vigil.patterns.lists.snapshot-every must be at least 1");
        }
    }
}
