package io.vigil.patterns.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The ids of lists and of their entries, the same wherever they are worked out. */
public final class ListIds {

    private ListIds() {}

    /**
     * The identity of one list of one kind ({@code list/block/card}), the aggregate that versions its changes. The
     * slash is a character no client-chosen id (a transaction's, a monitor's) may hold, so the ids of the event store
     * cannot collide.
     */
    public static String of(ListType list, ListKind kind) {
        return "list/" + list.wireName() + "/" + kind.wireName();
    }

    /**
     * The pattern store's document id of a listed value: {@code list-block-card-} and the first 32 hex digits of the
     * SHA-256 of the normalised value. The same value on the same list always has the same document, so importing a
     * file again replaces its entries rather than adding copies; the id is what a decision's {@code listHits} name as
     * {@code entryId}.
     */
    public static String documentId(ListType list, ListKind kind, String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "list-" + list.wireName() + "-" + kind.wireName() + "-"
                    + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
