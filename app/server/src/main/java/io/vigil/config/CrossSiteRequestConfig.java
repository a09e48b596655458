package io.vigil.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link CrossSiteRequestFilter} before every other filter of Vigil's, so that a refused request is not read
 * at all, for every path: the API, the console and the actuator.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestOriginSettings.class)
class CrossSiteRequestConfig {

    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(
            RequestOriginSettings settings,
            ObjectMapper json,
            @Value("${server.address:}") String serverAddress,
            @Value("${vigil.monitoring.public-url:}") String publicUrl) {
        List<String> names = new ArrayList<>(settings.allowedHosts());
        publicHost(publicUrl).ifPresent(names::add);
        var registration = new FilterRegistrationBean<>(
                new CrossSiteRequestFilter(new AllowedHosts(blankIfWildcard(serverAddress), names), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** The public URL's host, with its port when it names one: where the links in notifications take people. */
    private static java.util.Optional<String> publicHost(String publicUrl) {
        try {
            URI uri = URI.create(publicUrl.strip());
            if (uri.getHost() == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        } catch (IllegalArgumentException notAUrl) {
            return java.util.Optional.empty();
        }
    }

    private static String blankIfWildcard(String address) {
        return address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
                ? null
                : address;
    }
}
