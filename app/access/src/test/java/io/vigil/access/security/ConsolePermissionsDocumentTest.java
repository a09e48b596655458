package io.vigil.access.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/access.md shows who may do what in the console as the filter chain applies it: the table of {@link
 * ConsolePermissions}, printed here, word for word. (The web console's ConsoleAuthorizationTest checks each line
 * against every role.)
 */
class ConsolePermissionsDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "..", "docs", "access.md");

    @Test
    void theDocumentShowsTheTableTheConsoleApplies() throws IOException {
        String table = ConsolePermissions.markdown();
        System.out.println(table);

        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as("docs/access.md must hold this table; paste it from the test's output")
                .contains(table);
    }

    @Test
    void everyLineHasAnActionAndPathsAndTheLastLineReadsEverything() {
        assertThat(ConsolePermissions.RULES).allSatisfy(rule -> {
            assertThat(rule.action()).isNotBlank();
            assertThat(rule.paths())
                    .isNotEmpty()
                    .allSatisfy(path -> assertThat(path).startsWith("/"));
        });
        ConsolePermissions.Rule last = ConsolePermissions.RULES.get(ConsolePermissions.RULES.size() - 1);
        assertThat(last.paths()).containsExactly("/**");
        assertThat(last.role()).as("every page needs a signed-in user").isNotNull();
    }
}
