package io.vigil.analytics.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.analytics.api.CreateMonitorCommand;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.config.MonitoringLimits;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses a {@link CreateMonitorCommand} when {@code vigil.monitoring.limits.max-monitors} monitors exist already (not
 * counting deleted ones), before it reaches the aggregate: the API answers 400, the console shows the reason. It
 * counts the directory, so creations racing each other may pass the ceiling by the few being created at that moment.
 */
@Component
class MonitorCeiling implements MessageDispatchInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(MonitorCeiling.class);

    private final MonitorDirectory monitors;
    private final int maxMonitors;
    private final Counter refused;

    MonitorCeiling(CommandBus commands, MonitorDirectory monitors, MonitoringLimits limits, MeterRegistry meters) {
        this.monitors = monitors;
        this.maxMonitors = limits.maxMonitors();
        this.refused = Counter.builder("vigil.monitoring.capped")
                .description("Work refused or left undone because a vigil.monitoring.limits cap was reached")
                .tag("cap", "monitors")
                .register(meters);
        commands.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            if (message.getPayload() instanceof CreateMonitorCommand create) {
                int existing =
                        monitors.handle(FindMonitorsQuery.all()).monitors().size();
                if (existing >= maxMonitors) {
                    refused.increment();
                    log.warn(
                            "Monitor {} not created: {} monitors exist, vigil.monitoring.limits.max-monitors is {}",
                            create.monitorId(),
                            existing,
                            maxMonitors);
                    throw new MonitorRejectedException(List.of("monitors may number at most " + maxMonitors
                            + " (vigil.monitoring.limits.max-monitors); delete one before creating another"));
                }
            }
            return message;
        };
    }
}
