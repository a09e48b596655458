package io.vigil.access.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access module's settings ({@code vigil.access}), one nested record per topic.
 *
 * @param initialAdminPassword the one-time password of the {@code admin} user created at the first start, when there
 *     is no user yet; when blank, Vigil draws one and logs it once
 * @param secureCookies whether the console's session cookie is {@code Secure}: sent over HTTPS only, and by browsers
 *     over plain HTTP to {@code localhost} and {@code 127.0.0.1} as well; turn it off only for a console reached over
 *     plain HTTP at another address
 * @param signIn the console's sign-in: throttling of failures and the longest a session lasts
 * @param audit what the audit trail leaves out
 */
@ConfigurationProperties("vigil.access")
public record AccessSettings(
        String initialAdminPassword,
        @DefaultValue("true") boolean secureCookies,
        @DefaultValue SignIn signIn,
        @DefaultValue Audit audit) {

    public AccessSettings {
        signIn = signIn == null ? SignIn.defaults() : signIn;
        audit = audit == null ? Audit.DEFAULTS : audit;
    }

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

    /**
     * How sign-in failures are throttled, per username and per client address, in each Vigil's memory: after
     * {@code maxFailures} failures (for an address {@code maxFailuresPerAddress}) within {@code failureWindow}, sign-ins
     * are refused for {@code firstDelay}, then twice as long after each further failure, up to {@code maxDelay}. The
     * count is forgotten {@code failureWindow} after the last failure or refusal ends.
     *
     * @param sessionMaxAge the longest a console session lasts from its sign-in, even while a page keeps it busy
     *     (an open page polls every few seconds, so the idle timeout, {@code server.servlet.session.timeout}, does
     *     not end it)
     */
    public record SignIn(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration failureWindow,
            @DefaultValue("1m") Duration firstDelay,
            @DefaultValue("1h") Duration maxDelay,
            @DefaultValue("12h") Duration sessionMaxAge) {

        public SignIn {
            if (maxFailures < 1 || maxFailuresPerAddress < 1) {
                throw new IllegalArgumentException(
                        "vigil.access.sign-in.max-failures and max-failures-per-address must be at least 1");
            }
            if (failureWindow.isNegative()
                    || firstDelay.isNegative()
                    || maxDelay.compareTo(firstDelay) < 0
                    || sessionMaxAge.isNegative()
                    || sessionMaxAge.isZero()) {
                throw new IllegalArgumentException("vigil.access.sign-in: the failure window and the delays must not"
                        + " be negative, max-delay must be at least first-delay and session-max-age positive");
            }
        }

        public static SignIn defaults() {
            return new SignIn(
                    5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(12));
        }
    }
}
