package io.vigil.access.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderCharactersTest {

    @Test
    void answersAsSpringSecuritysDefaultRules() {
        for (String text : samples()) {
            assertThat(HeaderCharacters.allowedName(text))
                    .as("name %s", escape(text))
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(HeaderCharacters.allowedValue(text))
                    .as("value %s", escape(text))
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
    }

    @Test
    void refusesControlCharactersAndUnassignedCodePoints() {
        assertThat(HeaderCharacters.allowedValue("Bearer abc")).isTrue();
        assertThat(HeaderCharacters.allowedValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.allowedName("a\tb")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\nb")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\u0000b")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\u0085b")).isFalse();
        assertThat(HeaderCharacters.allowedValue("\uFFFF")).isFalse();
        assertThat(HeaderCharacters.allowedValue("Zürich 😀")).isTrue();
    }

    private static List<String> samples() {
        List<String> samples = new ArrayList<>(List.of(
                "",
                "application/json",
                "a\tb",
                "a\rb",
                "\u007f",
                "\u00a0x",
                "\ud83d\ude00",
                "\ud83d",
                "\ude00x",
                "\uFFFE",
                "\u0378",
                "é",
                "\u200b",
                "\u2028"));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(6);
            for (int j = 0; j < length; j++) {
                int pick = random.nextInt(10);
                int cp = pick < 5
                        ? random.nextInt(0x20, 0x7f)
                        : pick < 7
                                ? random.nextInt(0, 0x100)
                                : pick < 9 ? random.nextInt(0, 0x10000) : random.nextInt(0, 0x110000);
                if (pick == 8 && random.nextBoolean()) {
                    text.append((char) random.nextInt(0xd800, 0xe000)); // lone surrogates
                } else {
                    text.appendCodePoint(cp);
                }
            }
            samples.add(text.toString());
        }
        return samples;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}
