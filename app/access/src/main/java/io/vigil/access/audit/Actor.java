package io.vigil.access.audit;

import io.vigil.access.keys.ApiKeyPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who does something, as the audit trail and the messages' metadata name them.
 *
 * @param name a user's name, an API key's {@link ApiKeyPrincipal#displayName()}, {@code anonymous} or {@code system}
 * @param kind {@link #USER}, {@link #API_KEY}, {@link #ANONYMOUS} or {@link #SYSTEM}
 * @param sourceAddress the client's address; {@code null} outside an HTTP request
 */
public record Actor(String name, String kind, String sourceAddress) {

    /** Metadata keys on commands and, through Axon's correlation data, on the events they cause. */
    public static final String ACTOR = "actor";

    public static final String ACTOR_KIND = "actorKind";
    public static final String SOURCE_ADDRESS = "sourceAddress";

    public static final String USER = "user";
    public static final String API_KEY = "api-key";
    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    /**
     * Who acts on this thread: the signed-in user or the API key of the current request, {@code anonymous} in a
     * request nobody authenticated, {@code system} outside any request (schedulers, event processors). The address
     * is the request's {@code getRemoteAddr()}, which Spring's {@code server.forward-headers-strategy} rewrites from
     * {@code X-Forwarded-For} only when it is set to trust a proxy.
     */
    public static Actor current() {
        String address = remoteAddress();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            if (authentication.getPrincipal() instanceof ApiKeyPrincipal key) {
                return new Actor(key.displayName(), API_KEY, address);
            }
            return new Actor(authentication.getName(), USER, address);
        }
        return address == null ? new Actor(SYSTEM, SYSTEM, null) : new Actor(ANONYMOUS, ANONYMOUS, address);
    }

    /** The actor a command or event carries in its metadata; {@code null} when it carries none. */
    static Actor of(Map<String, ?> metadata) {
        Object name = metadata.get(ACTOR);
        Object kind = metadata.get(ACTOR_KIND);
        if (name == null || kind == null) {
            return null;
        }
        Object address = metadata.get(SOURCE_ADDRESS);
        return new Actor(name.toString(), kind.toString(), address == null ? null : address.toString());
    }

    /** This actor as metadata; the address is left out when there is none. */
    Map<String, String> asMetadata() {
        return sourceAddress == null
                ? Map.of(ACTOR, name, ACTOR_KIND, kind)
                : Map.of(ACTOR, name, ACTOR_KIND, kind, SOURCE_ADDRESS, sourceAddress);
    }

    /** The address of the current HTTP request, {@code null} outside one. */
    static String remoteAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
