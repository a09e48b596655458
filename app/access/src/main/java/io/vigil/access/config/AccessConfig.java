package io.vigil.access.config;

import io.vigil.access.keys.ApiKeySettings;
import io.vigil.access.security.HeaderCharacters;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import java.util.EnumSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The access module's settings, the password hash and the console's session cookie. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AccessSettings.class, ApiKeySettings.class})
public class AccessConfig {

    /**
     * Spring Security's delegating encoder: new hashes are bcrypt ({@code {bcrypt}$2a$10$…}); a hash names its
     * algorithm, so a stronger one can come later without invalidating stored passwords.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation of Spring Security's filters and authorisations. With observations on, every request got an
     * observation and counters per filter of its chain: at 1,000 decisions/s the largest single cost on the request
     * path, in CPU and in allocation. Requests stay timed by {@code http.server.requests}; key refusals are counted
     * by {@code vigil_api_key_refusals_total} and sign-ins are in the audit trail.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall with its default rules for header names and values, checked without regular
     * expressions ({@link HeaderCharacters}).
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return firewall;
    }

    /**
     * The session cookie: {@code HttpOnly} (no script reads it), {@code SameSite=Lax} (not sent with another site's
     * forms or scripts' requests, still sent when a link from a notification opens the console) and {@code Secure}
     * unless {@code vigil.access.secure-cookies} is off; the session id never goes into a URL.
     */
    @Bean
    ServletContextInitializer sessionCookie(AccessSettings settings) {
        return servletContext -> {
            SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
            cookie.setHttpOnly(true);
            cookie.setSecure(settings.secureCookies());
            cookie.setAttribute("SameSite", "Lax");
            servletContext.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        };
    }
}
