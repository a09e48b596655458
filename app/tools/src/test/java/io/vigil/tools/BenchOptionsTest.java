package io.vigil.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Set<String> KNOWN = Set.of("rate", "duration", "steps", "url");

    @Test
    void takesBothForms() {
        BenchOptions options = BenchOptions.parse(new String[] {"--rate=1500", "--duration", "30"}, KNOWN);

        assertThat(options.integer("rate", 1000)).isEqualTo(1500);
        assertThat(options.integer("duration", 60)).isEqualTo(30);
    }

    @Test
    void givesTheDefaultsForWhatIsNotGiven() {
        BenchOptions options = BenchOptions.parse(new String[0], KNOWN);

        assertThat(options.integer("rate", 1000)).isEqualTo(1000);
        assertThat(options.text("url", "http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(options.integers("steps", "1500,2000")).containsExactly(1500, 2000);
    }

    @Test
    void keepsAnEmptyValue() {
        assertThat(BenchOptions.parse(new String[] {"--url="}, KNOWN).text("url", "x"))
                .isEmpty();
    }

    @Test
    void refusesAnUnknownOptionAndNamesTheKnownOnes() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--durration=30"}, KNOWN))
                .isInstanceOf(BenchOptions.UsageException.class)
                .hasMessage("unknown option --durration; known: --duration, --rate, --steps, --url");
    }

    @Test
    void refusesWhatIsNotAnOption() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"rate=3"}, KNOWN))
                .hasMessageContaining("not understood: rate=3");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rate"}, KNOWN))
                .hasMessage("--rate needs a value");
    }

    @Test
    void namesTheOptionWhoseValueIsNotANumber() {
        BenchOptions options = BenchOptions.parse(new String[] {"--rate=fast", "--steps=1500,lots"}, KNOWN);

        assertThatThrownBy(() -> options.integer("rate", 1000)).hasMessage("--rate must be a whole number, not 'fast'");
        assertThatThrownBy(() -> options.integers("steps", "1500"))
                .hasMessage("--steps must be whole numbers separated by commas, not '1500,lots'");
    }
}
