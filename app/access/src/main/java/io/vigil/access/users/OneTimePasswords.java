package io.vigil.access.users;

import java.security.SecureRandom;

/**
 * Draws one-time passwords: five groups of four characters from an alphabet without look-alikes ({@code 0 O 1 l I}),
 * about 115 random bits, easy to read out and to type once.
 */
final class OneTimePasswords {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePasswords() {}

    static String draw() {
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
