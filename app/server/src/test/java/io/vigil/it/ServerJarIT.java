package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The server jar is the server only: Spring Boot's default layout, and not one class of the command-line tools, which
 * have a jar of their own (app/tools).
 */
class ServerJarIT {

    @Test
    void theServerJarCarriesNoToolAndHasTheDefaultLayout() throws IOException {
        Path jar = Path.of(System.getProperty("vigil.it.jar", "target/vigil.jar"));
        assertThat(jar).exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> entries = file.stream().map(ZipEntry::getName).toList();
            assertThat(entries)
                    .as("entries of " + jar)
                    .contains("BOOT-INF/classes/io/vigil/VigilApplication.class")
                    .anyMatch(name -> name.startsWith("BOOT-INF/lib/vigil-analytics-"))
                    .noneMatch(name -> name.contains("io/vigil/tools/"))
                    .noneMatch(name -> name.startsWith("BOOT-INF/lib/vigil-tools"))
                    .noneMatch(name -> name.startsWith("BOOT-INF/lib/picocli"));
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
                    .as("Spring Boot's default launcher, not the PropertiesLauncher the tools once needed")
                    .isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
        }
        assertThat(Files.size(jar)).isPositive();
    }
}
