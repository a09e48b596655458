package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A pouchdb-server of a test's own, which the test can stop and start again on the same port and data, to cut Vigil
 * off from its pattern store. It has the same admin as the pouchdb-server of {@code ./vigil}, so that Vigil connects
 * to it with the credentials it has.
 */
final class PouchDbServer {

    private final String server;
    private final int port;
    private final Path data;
    private Process process;

    private PouchDbServer(String server, int port, Path data) {
        this.server = server;
        this.port = port;
        this.data = data;
    }

    /**
     * A new server on a free port with an empty data folder, not started yet; the test is skipped when the
     * pouchdb-server that {@code ./vigil test} installs ({@code VIGIL_POUCHDB_SERVER}) is not there.
     */
    static PouchDbServer forTest(String name) throws Exception {
        String server = System.getenv("VIGIL_POUCHDB_SERVER");
        assumeTrue(
                server != null && new File(server).isFile(),
                "needs the pouchdb-server that ./vigil test installs (VIGIL_POUCHDB_SERVER)");
        return new PouchDbServer(server, VigilProcess.freePort(), Files.createTempDirectory(name));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the server and waits until it answers. */
    void start() throws Exception {
        if (!Stores.COUCHDB_USER.isEmpty()) {
            Files.writeString(
                    data.resolve("config.json"),
                    "{\"admins\": {\"" + Stores.COUCHDB_USER + "\": \"" + Stores.COUCHDB_PASSWORD + "\"}}");
        }
        process = new ProcessBuilder(
                        "node",
                        server,
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--dir",
                        data.toString(),
                        "--config",
                        data.resolve("config.json").toString())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(Path.of("target", "pouchdb-" + data.getFileName() + ".log")
                                .toFile()))
                .start();
        eventually(Duration.ofSeconds(30), "pouchdb-server on port " + port, () -> {
            try {
                return Stores.get(url() + "/").contains("Welcome");
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
    }

    /** SIGKILL, as a crash: open connections are cut. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
