package io.vigil.access.config;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access module's settings, one nested record per topic.
 *
 * @param audit what the audit trail leaves out
 */
@ConfigurationProperties("vigil.access")
public record AccessSettings(@DefaultValue Audit audit) {

    /**
     * The audit trail's settings.
     *
     * @param skipCommands simple names of the commands not recorded: by default the data sent by clients in bulk
     *     (transactions, their resubmissions, operational events) and the alerts the monitor evaluator raises and
     *     recovers by itself, which the alert history keeps. An empty list records every command
     */
    public record Audit(
            @DefaultValue({
                "RecordTransactionCommand",
                "ResubmitTransactionCommand",
                "RecordOperationalEventsCommand",
                "RaiseAlertCommand",
                "ReportRecoveryCommand"
            })
            List<String> skipCommands) {

        /** The defaults, for tests that run without Spring. */
        public static final Audit DEFAULTS = new Audit(List.of(
                "RecordTransactionCommand",
                "ResubmitTransactionCommand",
                "RecordOperationalEventsCommand",
                "RaiseAlertCommand",
                "ReportRecoveryCommand"));

        public Audit {
            skipCommands = skipCommands == null
                    ? List.of()
                    : skipCommands.stream()
                            .map(String::trim)
                            .filter(name -> !name.isEmpty())
                            .toList();
        }

        public Set<String> skipped() {
            return Set.copyOf(skipCommands);
        }
    }
}
