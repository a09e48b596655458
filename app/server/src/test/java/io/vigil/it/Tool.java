package io.vigil.it;

import io.vigil.tools.Terminal;
import io.vigil.tools.VigilTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A command-line tool ({@code ./vigil patterns ...}, {@code ./vigil model ...}) run in-process against a Vigil. */
record Tool(int status, String out, String err) {

    static Tool run(VigilProcess vigil, String key, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", vigil.uri("").toString(), "--api-key", key));
        int status = VigilTools.run(
                all.toArray(String[]::new),
                new Terminal(
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Clock.systemUTC()));
        return new Tool(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
