package io.vigil.tools.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a stream of items: each item as a line of its kind, its outcome's transaction id if any, and its
 * request body. Equal digests mean the same requests in the same order, which is how a run is shown to be replayable.
 */
public final class StreamDigest {

    private final MessageDigest sha;

    public StreamDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public void add(SimulationItem item) {
        String key = item instanceof OutcomeItem o ? o.transactionId() : "";
        String line = item.kind() + "\t" + key + "\t" + item.toJson() + "\n";
        sha.update(line.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest in lower-case hex; the digest cannot be extended afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    public static String of(Iterable<? extends SimulationItem> items) {
        StreamDigest digest = new StreamDigest();
        items.forEach(digest::add);
        return digest.hex();
    }
}
