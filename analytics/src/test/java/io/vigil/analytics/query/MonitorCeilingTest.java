package io.vigil.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.analytics.api.CreateMonitorCommand;
import io.vigil.analytics.api.MonitorList;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.MonitorStatus;
import io.vigil.analytics.api.MonitorSummary;
import io.vigil.analytics.api.PauseMonitorCommand;
import io.vigil.analytics.config.MonitoringLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

/** No more than the configured number of monitors can be created; other monitor commands are not affected. */
class MonitorCeilingTest {

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway =
            DefaultCommandGateway.builder().commandBus(bus).build();
    private final MonitorDirectory directory = mock(MonitorDirectory.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Object> handled = new ArrayList<>();

    MonitorCeilingTest() {
        new MonitorCeiling(bus, directory, new MonitoringLimits(2, 10, 10, 10, 10, 10, 10, 10), meters);
        bus.subscribe(CreateMonitorCommand.class.getName(), m -> handled.add(m.getPayload()));
        bus.subscribe(PauseMonitorCommand.class.getName(), m -> handled.add(m.getPayload()));
    }

    @Test
    void belowTheCeilingAMonitorIsCreated() {
        existing(1);
        gateway.sendAndWait(new CreateMonitorCommand("mon-2", null, "api"));

        assertThat(handled).hasSize(1);
    }

    @Test
    void atTheCeilingCreatingOneMoreIsRefusedAndCounted() {
        existing(2);

        assertThatThrownBy(() -> gateway.sendAndWait(new CreateMonitorCommand("mon-3", null, "api")))
                .isInstanceOf(MonitorRejectedException.class)
                .hasMessageContaining("at most 2");
        assertThat(handled).isEmpty();
        assertThat(meters.get("vigil.monitoring.capped")
                        .tag("cap", "monitors")
                        .counter()
                        .count())
                .isEqualTo(1);

        gateway.sendAndWait(new PauseMonitorCommand("mon-1", "api"));
        assertThat(handled).hasSize(1);
    }

    private void existing(int n) {
        given(directory.handle(any()))
                .willReturn(new MonitorList(Collections.nCopies(
                        n, new MonitorSummary("mon-x", null, MonitorStatus.ACTIVE, Instant.now(), "api"))));
    }
}
