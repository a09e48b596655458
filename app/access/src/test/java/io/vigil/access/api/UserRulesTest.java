package io.vigil.access.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a username, a display name and a password may be, and what a person is told when they may not. */
class UserRulesTest {

    @ParameterizedTest
    @CsvSource({"alice,alice", "' Alice ',alice", "ops.team-2,ops.team-2", "j.doe@example.com,j.doe@example.com"})
    void aUsernameIsStoredTrimmedInLowerCase(String given, String stored) {
        assertThat(UserRules.username(given)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"a", "", "-alice", ".alice", "al ice", "alice/../x", "alice<script>", "ålice", "al\u0000ice"})
    void aUsernameOutsideTheRulesIsRefusedSayingWhy(String given) {
        assertThatThrownBy(() -> UserRules.username(given))
                .isInstanceOf(UserRejectedException.class)
                .hasMessageStartingWith("A username has");
    }

    @org.junit.jupiter.api.Test
    void aUsernameOfSixtyFiveCharactersIsTooLong() {
        assertThat(UserRules.username("a".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> UserRules.username("a".repeat(65)))
                .hasMessage("A username has 2 to 64 characters; \"" + "a".repeat(65) + "\" has 65.");
    }

    @org.junit.jupiter.api.Test
    void aDisplayNameIsOptionalAndOneLine() {
        assertThat(UserRules.displayName("  ")).isNull();
        assertThat(UserRules.displayName(" Alice Andersson ")).isEqualTo("Alice Andersson");
        assertThatThrownBy(() -> UserRules.displayName("Alice\nAdmin")).hasMessageContaining("one line");
        assertThatThrownBy(() -> UserRules.displayName("x".repeat(201))).hasMessageContaining("at most 200");
    }

    @ParameterizedTest
    @CsvSource({
        "alice,short-pass,A password has at least 12 characters.",
        "alice,,A password has at least 12 characters.",
        "verylongusername,VeryLongUsername,A password must not be the username.",
    })
    void aPasswordOutsideThePolicyIsRefusedSayingWhy(String username, String password, String message) {
        assertThatThrownBy(() -> UserRules.password(username, password))
                .isInstanceOf(UserRejectedException.class)
                .hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void aPasswordIsAtMostWhatTheHashReads() {
        UserRules.password("alice", "x".repeat(72));
        assertThatThrownBy(() -> UserRules.password("alice", "x".repeat(73))).hasMessageContaining("at most 72 bytes");
        assertThatThrownBy(() -> UserRules.password("alice", "é".repeat(37))).hasMessageContaining("at most 72 bytes");
    }
}
