package io.vigil.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which names a state-changing request may carry in its {@code Host} and {@code Origin} headers
 * ({@link CrossSiteRequestFilter}).
 *
 * @param allowedHosts names besides the defaults, as {@code host} or {@code host:port} ({@code vigil.example.com},
 *     {@code vigil.example.com:8443}); a name without a port stands for ports 80 and 443. The defaults are always
 *     allowed: {@code localhost}, {@code 127.0.0.1} and {@code [::1]} on Vigil's port, {@code server.address} on
 *     Vigil's port, and the host of {@code vigil.monitoring.public-url} (where the links in notifications point)
 */
@ConfigurationProperties("vigil.requests")
public record RequestOriginSettings(List<String> allowedHosts) {

    public RequestOriginSettings {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
