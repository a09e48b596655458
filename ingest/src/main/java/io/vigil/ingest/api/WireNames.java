package io.vigil.ingest.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The lower-case wire names of the contract's enums, looked up and listed the same way for each of them. */
final class WireNames {

    private WireNames() {}

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose wire name is exactly {@code wireName} (case matters, as on the wire). */
    static <E extends Enum<E>> Optional<E> find(E[] values, Function<E, String> wireName, String name) {
        return Arrays.stream(values).filter(v -> wireName.apply(v).equals(name)).findFirst();
    }

    /** The wire names in declaration order, for messages: {@code a or b}, or {@code one of a, b, c}. */
    static <E extends Enum<E>> String choices(E[] values, Function<E, String> wireName) {
        String names = Arrays.stream(values).map(wireName).collect(Collectors.joining(", "));
        return values.length == 2 ? names.replace(", ", " or ") : "one of " + names;
    }
}
