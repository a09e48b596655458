package io.vigil.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator's promises: replayable, ordered, inside the run, valid per the contract, shaped like a day. */
class SimulationGeneratorTest {

    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

    private static SimulationConfig hour() {
        return SimulationConfig.defaults(NOON)
                .withDuration(Duration.ofHours(1))
                .withPeakRate(5)
                .withMerchants(40)
                .withCustomers(20_000)
                .withFraudShare(0.05)
                .withIncidents(1);
    }

    @Test
    void sameSeedAndConfigGiveTheSameBytes() {
        Simulation first = TrafficGenerator.generate(hour());
        Simulation second = TrafficGenerator.generate(hour());

        assertThat(first.items()).hasSizeGreaterThan(10_000);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.manifest().toJson()).isEqualTo(first.manifest().toJson());
    }

    @Test
    void anotherSeedGivesAnotherStream() {
        Simulation first = TrafficGenerator.generate(hour());
        Simulation other = TrafficGenerator.generate(hour().withSeed(43));

        assertThat(other.sha256()).isNotEqualTo(first.sha256());
        Set<String> firstAmounts = new HashSet<>();
        first.transactions().forEach(t -> firstAmounts.add(t.merchantId() + t.amount()));
        long same = other.transactions().stream()
                .filter(t -> firstAmounts.contains(t.merchantId() + t.amount()))
                .count();
        assertThat(same)
                .as("transactions that happen to match")
                .isLessThan(other.transactions().size() / 5);
    }

    @Test
    void itemsAreInTimeOrderAndInsideTheRun() {
        SimulationConfig config = hour();
        Instant previous = config.from();
        for (SimulationItem item : new TrafficGenerator(config)) {
            assertThat(item.timestamp()).isAfterOrEqualTo(previous).isBefore(config.end());
            previous = item.timestamp();
        }
    }

    @Test
    void everyItemKeepsThePublicContract() {
        Simulation simulation = TrafficGenerator.generate(hour());
        List<String> broken = new ArrayList<>();
        Set<String> transactionIds = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        for (SimulationItem item : simulation.items()) {
            broken.addAll(ContractRules.violations(item));
            if (item instanceof TransactionItem t) {
                assertThat(transactionIds.add(t.id())).as("unique id " + t.id()).isTrue();
            } else if (item instanceof EventItem e) {
                assertThat(eventIds.add(e.id())).as("unique id " + e.id()).isTrue();
            } else if (item instanceof OutcomeItem o) {
                assertThat(transactionIds).as("outcome after its transaction").contains(o.transactionId());
            }
        }
        assertThat(broken).isEmpty();
        assertThat(simulation.transactions())
                .extracting(TransactionItem::paymentMethod)
                .contains("card", "wallet", "pay_later", "installments", "bank_transfer");
        assertThat(simulation.transactions())
                .extracting(TransactionItem::channel)
                .contains("web", "app");
        assertThat(simulation.events()).extracting(EventItem::operation).contains("session", "authorization", "order");
    }

    @Test
    void nightIsMuchQuieterThanDay() {
        SimulationConfig day = SimulationConfig.defaults(Instant.parse("2026-03-10T00:00:00Z"))
                .withDuration(Duration.ofDays(1))
                .withPeakRate(1)
                .withMerchants(50)
                .withCustomers(20_000)
                .withFraudShare(0)
                .withIncidents(0);
        long[] perHour = new long[24];
        for (SimulationItem item : new TrafficGenerator(day)) {
            if (item instanceof TransactionItem t) {
                perHour[(int) Duration.between(day.from(), t.timestamp()).toHours()]++;
            }
        }
        long night = perHour[1] + perHour[2] + perHour[3] + perHour[4]; // 02:00-06:00 in Central Europe
        long evening = perHour[17] + perHour[18] + perHour[19] + perHour[20];
        assertThat(night).isPositive();
        assertThat(night)
                .as("night against evening, per hour " + java.util.Arrays.toString(perHour))
                .isLessThan(evening / 5);
    }

    @Test
    void theManifestCountsWhatTheStreamHolds() throws IOException {
        Simulation simulation = TrafficGenerator.generate(hour());
        Manifest.Counts counts = simulation.manifest().counts();

        assertThat(counts.items()).isEqualTo(simulation.items().size());
        assertThat(counts.transactions()).isEqualTo(simulation.transactions().size());
        assertThat(counts.events()).isEqualTo(simulation.events().size());
        assertThat(counts.outcomes()).isEqualTo(simulation.outcomes().size());
        assertThat(counts.authorizations())
                .isEqualTo(simulation.events().stream()
                        .filter(e -> e.operation().equals("authorization"))
                        .count());
        assertThat(simulation.manifest().config().toConfig()).isEqualTo(hour());
        assertThat(Manifest.parse(simulation.manifest().toJson())).isEqualTo(simulation.manifest());
    }

    @Test
    void aGeneratorStreamsOnceAndHasItsManifestAtTheEnd() {
        TrafficGenerator generator = new TrafficGenerator(hour().withDuration(Duration.ofMinutes(1)));
        assertThatThrownBy(generator::manifest).hasMessageContaining("read to the end");
        generator.stream().count();
        assertThat(generator.manifest().counts().transactions()).isPositive();
        assertThatThrownBy(generator::iterator).hasMessageContaining("streams once");
    }

    @Test
    void aConfigOutOfRangeSaysWhichValue() {
        SimulationConfig config = hour();
        assertThatThrownBy(() -> config.withPeakRate(0)).hasMessageContaining("rate must be above 0");
        assertThatThrownBy(() -> config.withFraudShare(0.9)).hasMessageContaining("fraud share");
        assertThatThrownBy(() -> config.withIncidents(41)).hasMessageContaining("number of merchants (40)");
        assertThatThrownBy(() -> config.withDuration(Duration.ZERO)).hasMessageContaining("duration");
    }
}
