package io.vigil.tools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A tool run as a person runs it, through {@link VigilTools}, with its streams captured and a fixed clock. */
public record ToolRun(int status, String out, String err) {

    public static final Instant NOW = Instant.parse("2026-11-24T10:15:30.500Z");

    public static ToolRun of(String... args) {
        return withInput(new ByteArrayInputStream(new byte[0]), args);
    }

    public static ToolRun withInput(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(in, print(out), print(err), Clock.fixed(NOW, ZoneOffset.UTC));
        int status = VigilTools.run(args, terminal);
        return new ToolRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
