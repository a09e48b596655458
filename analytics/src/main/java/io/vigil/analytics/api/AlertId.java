package io.vigil.analytics.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The id of the one Alert aggregate for a monitor and a series: {@code monitorId + "/" + } the first 32 hex digits of
 * the SHA-256 of the series' canonical form. The canonical form lists the dimensions sorted by name as
 * {@code name=value} joined by commas, with {@code \}, {@code ,} and {@code =} inside names and values escaped by a
 * backslash, so two different series never share a canonical form. The same monitor and series always give the same
 * id, whatever the map's iteration order.
 */
public final class AlertId {

    private static final int HEX_DIGITS = 32;

    private AlertId() {}

    public static String of(String monitorId, Map<String, String> series) {
        if (monitorId == null || monitorId.isBlank()) {
            throw new IllegalArgumentException("monitorId must not be blank");
        }
        byte[] digest = sha256(canonical(series).getBytes(StandardCharsets.UTF_8));
        return monitorId + "/" + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
    }

    /** The series as {@code name=value,name=value}, sorted by name; an empty or {@code null} series is "". */
    static String canonical(Map<String, String> series) {
        StringBuilder canonical = new StringBuilder();
        if (series != null) {
            series.forEach((name, value) -> {
                if (name == null || value == null) {
                    throw new IllegalArgumentException("series dimension names and values must not be null");
                }
            });
            for (Map.Entry<String, String> dimension : new TreeMap<>(series).entrySet()) {
                if (canonical.length() > 0) {
                    canonical.append(',');
                }
                canonical.append(escape(dimension.getKey())).append('=').append(escape(dimension.getValue()));
            }
        }
        return canonical.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
