package io.vigil.access.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.access.keys.ApiKeyPrincipal;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Records sign-ins to the console, successful or not, and sign-outs, from Spring Security's authentication events.
 *
 * <ul>
 *   <li>A success is recorded for the user who signed in (form or single sign-on). Requests authenticated by an API
 *       key are not sign-ins: a key is checked on every request, and the trail records what the key changes.
 *   <li>A failure is recorded as {@code anonymous} with the name that was tried as its target and the reason (bad
 *       credentials, locked, disabled...). Only failures of a sign-in form (a user name and a password) and of single
 *       sign-on are recorded: for other kinds of credentials, such as a bearer key, what Spring calls the name is the
 *       secret itself. Passwords are never recorded.
 *   <li>A sign-out is recorded for the user who signed out; a session that times out is not.
 * </ul>
 */
final class SignInAudit {

    static final String SIGN_IN = "sign-in";
    static final String SIGN_OUT = "sign-out";

    private final AuditTrail trail;
    private final ObjectMapper json;
    private final Clock clock;

    SignInAudit(AuditTrail trail, ObjectMapper json, Clock clock) {
        this.trail = trail;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication.getPrincipal() instanceof ApiKeyPrincipal) {
            return;
        }
        String name = authentication.getName();
        trail.appendAlone(new AuditRecord(
                clock.instant(),
                new Actor(name, Actor.USER, address(authentication)),
                SIGN_IN,
                name,
                AuditRecord.SUCCESS,
                details(authentication).toString()));
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        boolean form = attempt instanceof UsernamePasswordAuthenticationToken;
        if (!form && !singleSignOn(attempt)) {
            return;
        }
        String tried = form ? attempt.getName() : null;
        trail.appendAlone(new AuditRecord(
                clock.instant(),
                new Actor(Actor.ANONYMOUS, Actor.ANONYMOUS, address(attempt)),
                SIGN_IN,
                tried == null || tried.isBlank() ? null : tried,
                AuditRecord.FAILURE,
                details(attempt)
                        .put("error", AuditedCommands.message(event.getException()))
                        .toString()));
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        String name = authentication.getName();
        trail.appendAlone(new AuditRecord(
                clock.instant(),
                new Actor(name, Actor.USER, address(authentication)),
                SIGN_OUT,
                name,
                AuditRecord.SUCCESS,
                null));
    }

    private ObjectNode details(Authentication authentication) {
        return json.createObjectNode().put("method", singleSignOn(authentication) ? "single sign-on" : "form");
    }

    /** Spring's OAuth 2.0 and OpenID Connect sign-in, named without depending on its client. */
    private static boolean singleSignOn(Authentication authentication) {
        return authentication.getClass().getName().startsWith("org.springframework.security.oauth2.");
    }

    /** The address Spring Security noted with the credentials, else the current request's. */
    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return Actor.remoteAddress();
    }
}
