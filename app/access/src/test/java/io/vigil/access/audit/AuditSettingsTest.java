package io.vigil.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.access.config.AccessSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code vigil.access.audit.skip-commands} as an operator sets it. */
class AuditSettingsTest {

    @Test
    void byDefaultSkipsTheBulkDataAndTheEvaluatorsAlerts() {
        assertThat(bind(Map.of()).audit()).isEqualTo(AccessSettings.Audit.DEFAULTS);
    }

    @Test
    void aListReplacesTheDefaultsAndAnEmptyValueRecordsEveryCommand() {
        assertThat(bind(Map.of("vigil.access.audit.skip-commands", "RecordTransactionCommand, ReportOutcomeCommand"))
                        .audit()
                        .skipped())
                .containsExactlyInAnyOrder("RecordTransactionCommand", "ReportOutcomeCommand");
        assertThat(bind(Map.of("vigil.access.audit.skip-commands", "")).audit().skipped())
                .isEmpty();
    }

    private static AccessSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("vigil.access", AccessSettings.class);
    }
}
