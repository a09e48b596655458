package io.vigil.access.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The shape of an API key, {@code vgl_<8 characters>_<40 characters>}: a visible prefix to tell keys apart, then 238
 * random bits. Only the SHA-256 of the whole key is stored: with that much randomness a slow password hash adds
 * latency to every request and no protection.
 */
public final class ApiKeySecret {

    /** What a key looks like; anything else is refused before it is hashed. */
    static final Pattern SHAPE = Pattern.compile("vgl_[a-z0-9]{8}_[A-Za-z0-9]{40}");

    private static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecret() {}

    /** A new key. */
    static String generate() {
        StringBuilder key = new StringBuilder("vgl_");
        for (int i = 0; i < 8; i++) {
            key.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
        }
        key.append('_');
        for (int i = 0; i < 40; i++) {
            key.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
        }
        return key.toString();
    }

    /** A new webhook signing secret: {@code whsec_} and 40 random characters (238 bits). */
    static String generateWebhookSecret() {
        StringBuilder secret = new StringBuilder("whsec_");
        for (int i = 0; i < 40; i++) {
            secret.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
        }
        return secret.toString();
    }

    /** Whether {@code candidate} has the shape of a key. */
    public static boolean wellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    /** The visible part of a key: {@code vgl_3kf9a2bc}. */
    static String prefixOf(String key) {
        return key.substring(0, 12);
    }

    /** The SHA-256 of a key, as stored. */
    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
