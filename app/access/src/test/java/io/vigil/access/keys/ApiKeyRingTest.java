package io.vigil.access.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.access.api.ApiScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyRingTest {

    /** The table as the ring sees it: the keys and the revision that moves with every change. */
    static final class Table extends ApiKeyStore {
        final List<ActiveKey> keys = new ArrayList<>();
        long revision;
        Map<String, Instant> touched = Map.of();

        Table() {
            super(null);
        }

        String add(String name, Set<ApiScope> scopes, Integer rate, Integer burst) {
            String secret = ApiKeySecret.generate();
            keys.add(new ActiveKey(
                    "id-" + name,
                    name,
                    ApiKeySecret.prefixOf(secret),
                    ApiKeySecret.sha256(secret),
                    scopes,
                    rate,
                    burst));
            revision++;
            return secret;
        }

        void remove(String name) {
            keys.removeIf(k -> k.name().equals(name));
            revision++;
        }

        @Override
        long revision() {
            return revision;
        }

        @Override
        List<ActiveKey> active() {
            return List.copyOf(keys);
        }

        @Override
        void touch(Map<String, Instant> lastUsed) {
            touched = Map.copyOf(lastUsed);
        }
    }

    private final Table table = new Table();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    private ApiKeyRing ring(String localKey) {
        return new ApiKeyRing(table, new ApiKeySettings(localKey, null, null), clock);
    }

    @Test
    void canVerifyAKeyAfterARefreshAndNotAfterItsRevocation() {
        String secret = table.add("checkout", EnumSet.of(ApiScope.SUBMIT), null, null);
        ApiKeyRing ring = ring(null);
        ring.refresh();

        assertThat(ring.verify(secret)).hasValueSatisfying(v -> {
            assertThat(v.principal().name()).isEqualTo("checkout");
            assertThat(v.principal().scopes()).containsExactly(ApiScope.SUBMIT);
            assertThat(v.bucket()).isEmpty();
        });

        table.remove("checkout");
        assertThat(ring.verify(secret)).as("until the next refresh").isPresent();
        ring.refresh();
        assertThat(ring.verify(secret)).isEmpty();
    }

    @Test
    void cannotVerifySomethingThatIsNotAKey() {
        table.add("checkout", ApiScope.defaults(), null, null);
        ApiKeyRing ring = ring(null);
        ring.refresh();

        assertThat(ring.verify(null)).isEmpty();
        assertThat(ring.verify("")).isEmpty();
        assertThat(ring.verify("vgl_abcdefgh_tooShort")).isEmpty();
        assertThat(ring.verify(ApiKeySecret.generate()))
                .as("well formed, never issued")
                .isEmpty();
    }

    @Test
    void canVerifyTheLocalKeyWithEveryScopeWithoutTheTable() {
        String local = ApiKeySecret.generate();
        ApiKeyRing ring = ring(local);
        ring.refresh();

        assertThat(ring.verify(local))
                .hasValueSatisfying(
                        v -> assertThat(v.principal().scopes()).containsExactlyInAnyOrder(ApiScope.values()));
    }

    @Test
    void keepsAKeysRateLimitAcrossRefreshes() {
        String limited = table.add("slow", ApiScope.defaults(), 1, 2);
        ApiKeyRing ring = ring(null);
        ring.refresh();
        assertThat(ring.verify(limited).orElseThrow().bucket().orElseThrow().tryConsume(2))
                .isTrue();

        table.add("another", ApiScope.defaults(), null, null);
        ring.refresh();

        assertThat(ring.verify(limited).orElseThrow().bucket().orElseThrow().tryConsume(1))
                .as("the tokens spent before the refresh stay spent")
                .isFalse();
    }

    @Test
    void writesWhenEachUsedKeyWasLastUsedOnce() {
        String used = table.add("used", ApiScope.defaults(), null, null);
        table.add("idle", ApiScope.defaults(), null, null);
        ApiKeyRing ring = ring(null);
        ring.refresh();
        ring.verify(used);

        ring.flushLastUsed();
        assertThat(table.touched).containsOnlyKeys("id-used").containsValue(clock.instant());

        table.touched = Map.of();
        ring.flushLastUsed();
        assertThat(table.touched).as("nothing new to write").isEmpty();
    }

    @Test
    void drawsKeysOfTheDocumentedShapeThatDoNotRepeat() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeySecret.generate();
            assertThat(ApiKeySecret.wellFormed(key)).isTrue();
            assertThat(ApiKeySecret.prefixOf(key)).hasSize(12).startsWith("vgl_");
            keys.add(key);
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void refusesALocalKeyOfTheWrongShapeOrARefreshSlowerThanASecond() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ApiKeySettings("secret", null, null))
                .hasMessageContaining("vigil.access.local-key");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ApiKeySettings(null, Duration.ofSeconds(2), null))
                .hasMessageContaining("within a second");
    }
}
