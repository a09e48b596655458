package io.vigil.tools.simulator;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The kinds of fraud the simulator injects. Each is a pattern that Vigil's features are meant to surface, so a run
 * with them is a test of whether they do: the manifest says which transactions belong to which case.
 */
public enum Typology {
    /** Many small amounts on fresh cards from one device and IP, seconds apart: someone checking stolen numbers. */
    CARD_TESTING(25),
    /** A known customer, suddenly on a new device in a far-away country, buying for far more than usual. */
    ACCOUNT_TAKEOVER(2),
    /** One device behind many new accounts and cards within an hour or two. */
    DEVICE_FARM(14),
    /** One customer paying in two countries thousands of kilometres apart within minutes. */
    IMPOSSIBLE_TRAVEL(2);

    private final double meanTransactions;

    Typology(double meanTransactions) {
        this.meanTransactions = meanTransactions;
    }

    /** The name used in options, the manifest and the docs: {@code card_testing}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How many transactions a case has on average; turns a share of traffic into a rate of cases. */
    double meanTransactions() {
        return meanTransactions;
    }

    public static Typology fromWireName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.wireName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fraud typology '" + name + "' (known: "
                        + Arrays.stream(values()).map(Typology::wireName).collect(Collectors.joining(", "))
                        + ")"));
    }

    /** As many cases of each typology as of any other. */
    public static Map<Typology, Double> evenMix() {
        Map<Typology, Double> mix = new EnumMap<>(Typology.class);
        for (Typology t : values()) {
            mix.put(t, 1.0);
        }
        return mix;
    }
}
