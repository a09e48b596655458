package io.vigil.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.analytics.notify.NotificationRoute.Format;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationRouterTest {

    private static final Map<String, String> M42_SE = Notices.dimensions("merchant", "m-42", "country", "SE");

    @Test
    void routesAnAlertWhoseDimensionsHaveExactlyTheMatchedValues() {
        NotificationRoute m42 = route(Map.of("merchant", "m-42"), "https://hooks.example.com/m42");
        NotificationRoute m42InSweden =
                route(Map.of("merchant", "m-42", "country", "SE"), "https://hooks.example.com/se");

        assertThat(new NotificationRouter(List.of(m42, m42InSweden)).routesFor("auth-rate", M42_SE))
                .containsExactly(m42, m42InSweden);
    }

    @Test
    void doesNotRouteAnAlertWithAnotherValueOrWithoutTheDimension() {
        NotificationRoute m7 = route(Map.of("merchant", "m-7"), "https://hooks.example.com/m7");
        NotificationRoute byBin = route(Map.of("bin", "411111"), "https://hooks.example.com/bin");
        NotificationRoute otherCase = route(Map.of("country", "se"), "https://hooks.example.com/se");

        assertThat(new NotificationRouter(List.of(m7, byBin, otherCase)).routesFor("auth-rate", M42_SE))
                .isEmpty();
    }

    @Test
    void aWildcardMatchesAnyValueAndAMissingDimension() {
        NotificationRoute anyMerchantInSweden =
                route(Map.of("merchant", "*", "country", "SE"), "https://hooks.example.com/se");
        NotificationRoute anyBin = route(Map.of("bin", "*"), "https://hooks.example.com/bins");
        NotificationRouter router = new NotificationRouter(List.of(anyMerchantInSweden, anyBin));

        assertThat(router.routesFor("auth-rate", M42_SE)).containsExactly(anyMerchantInSweden, anyBin);
        assertThat(router.routesFor("auth-rate", Notices.dimensions("merchant", "m-42", "country", "NO")))
                .containsExactly(anyBin);
    }

    @Test
    void anEmptyOrAbsentMatchRoutesEveryAlert() {
        NotificationRoute empty = route(Map.of(), "https://hooks.example.com/all");
        NotificationRoute absent =
                new NotificationRoute("all2", null, URI.create("https://hooks.example.com/all2"), Format.SLACK);
        NotificationRouter router = new NotificationRouter(List.of(empty, absent));

        assertThat(router.routesFor("auth-rate", M42_SE)).containsExactly(empty, absent);
        assertThat(router.routesFor("auth-rate", Map.of())).containsExactly(empty, absent);
        assertThat(absent.match()).isEmpty();
    }

    @Test
    void routesByMonitorUnderTheKeyMonitor() {
        NotificationRoute authRate = route(Map.of("monitor", "auth-rate"), "https://hooks.example.com/auth");
        NotificationRoute volume = route(Map.of("monitor", "tx-volume"), "https://hooks.example.com/volume");
        NotificationRouter router = new NotificationRouter(List.of(authRate, volume));

        assertThat(router.routesFor(Notices.firingRate())).containsExactly(authRate);
    }

    @Test
    void aRouteNeedsAUrlAndAFormat() {
        assertThatThrownBy(() -> new NotificationRoute("r", Map.of(), null, Format.SLACK))
                .hasMessageContaining("url");
        assertThatThrownBy(() -> new NotificationRoute("r", Map.of(), URI.create("https://hooks.example.com"), null))
                .hasMessageContaining("format");
    }

    @Test
    void aRouteWithoutANameIsCalledAfterItsPlaceInTheList() {
        NotificationRoute named = route(Map.of(), "https://hooks.example.com/named");
        NotificationRoute unnamed = new NotificationRoute(
                " ", Map.of(), URI.create("https://hooks.slack.com/services/T0/B0/XX"), Format.SLACK);
        NotificationRouter router = new NotificationRouter(List.of(named, unnamed));

        assertThat(router.routes()).extracting(NotificationRoute::name).containsExactly("/named", "route-1");
        assertThat(router.routes().get(1).host()).isEqualTo("hooks.slack.com:443");
    }

    private static NotificationRoute route(Map<String, String> match, String url) {
        return new NotificationRoute(URI.create(url).getPath(), match, URI.create(url), Format.GENERIC);
    }
}
