package io.vigil.access.config;

import io.vigil.access.keys.ApiKeySettings;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import java.util.EnumSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

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
