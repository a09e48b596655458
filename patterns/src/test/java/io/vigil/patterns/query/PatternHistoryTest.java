package io.vigil.patterns.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.patterns.api.PatternAction;
import io.vigil.patterns.api.PatternApprovedEvent;
import io.vigil.patterns.api.PatternArchivedEvent;
import io.vigil.patterns.api.PatternHistoryEntry;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternModeChangedEvent;
import io.vigil.patterns.api.PatternRolledBackEvent;
import io.vigil.patterns.api.PatternVersion;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PatternHistoryTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
    private static final PatternVersion V1 =
            new PatternVersion(1, "n", "", "tx.amount > 1.0", "review", "ann", "bob", "bob", AT);

    @Test
    void anApprovalIsAStepWithoutVersionOrMode() {
        PatternHistoryEntry entry =
                PatternHistory.entry(new PatternApprovedEvent("p", "bob", AT, "checked"), 2, "api-key");

        assertThat(entry)
                .isEqualTo(new PatternHistoryEntry(
                        2, PatternAction.APPROVED, "bob", "api-key", AT, "checked", null, null));
    }

    @Test
    void aRollbackNamesTheVersionMadeLiveAndItsMode() {
        PatternHistoryEntry entry = PatternHistory.entry(
                new PatternRolledBackEvent("p", V1, 3, PatternMode.SHADOW, "ann", AT, "v3 too strict"), 9, "user");

        assertThat(entry.action()).isEqualTo(PatternAction.ROLLED_BACK);
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.mode()).isEqualTo(PatternMode.SHADOW);
    }

    @Test
    void aModeChangeNamesTheLiveVersion() {
        PatternHistoryEntry entry =
                PatternHistory.entry(new PatternModeChangedEvent("p", V1, PatternMode.OFF, "ann", AT, ""), 5, null);

        assertThat(entry.action()).isEqualTo(PatternAction.MODE_CHANGED);
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.mode()).isEqualTo(PatternMode.OFF);
        assertThat(entry.byKind()).isNull();
    }

    @Test
    void archivingNamesTheVersionThatWasLiveIfAny() {
        assertThat(PatternHistory.entry(new PatternArchivedEvent("p", 4, "ann", AT, ""), 11, "user")
                        .version())
                .isEqualTo(4);
        assertThat(PatternHistory.entry(new PatternArchivedEvent("p", null, "ann", AT, ""), 1, "user")
                        .version())
                .isNull();
    }
}
