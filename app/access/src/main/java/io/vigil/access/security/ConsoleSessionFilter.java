package io.vigil.access.security;

import io.vigil.access.users.ConsoleUser;
import io.vigil.access.users.ConsoleUsers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps each console session in step with the stored user, on every request of a signed-in user:
 *
 * <ul>
 *   <li>a user who was disabled or removed, or a session older than {@code vigil.access.sign-in.session-max-age}, is
 *       signed out and sent to the sign-in page;
 *   <li>a role an admin changed applies from the next request, on every Vigil (the table is the truth, not the
 *       session);
 *   <li>while the user must change their password, every page but the change-password page leads to it.
 * </ul>
 *
 * Open paths (the sign-in page, style sheets) are not looked at, so they cost no query.
 */
class ConsoleSessionFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/account/password";

    private final ConsoleUsers users;
    private final SecurityContextRepository contexts;
    private final RequestMatcher open;
    private final RequestMatcher allowedBeforeChange;
    private final Duration maxAge;
    private final Clock clock;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    ConsoleSessionFilter(
            ConsoleUsers users,
            SecurityContextRepository contexts,
            RequestMatcher open,
            RequestMatcher allowedBeforeChange,
            Duration maxAge,
            Clock clock) {
        this.users = users;
        this.contexts = contexts;
        this.open = open;
        this.allowedBeforeChange = allowedBeforeChange;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return open.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ConsoleUser session)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ConsoleUser> stored = users.current(session.username());
        boolean tooOld = session.signedInAt() != null
                && !session.signedInAt().plus(maxAge).isAfter(clock.instant());
        if (stored.isEmpty() || !stored.get().enabled() || tooOld) {
            signOut(request);
            ConsoleResponses.sendTo(
                    request,
                    response,
                    tooOld ? "/login?expired" : "/login?disabled",
                    HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        ConsoleUser user = session;
        if (session.grantsDifferFrom(stored.get())) {
            user = session.refreshedFrom(stored.get());
            UsernamePasswordAuthenticationToken refreshed =
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            refreshed.setDetails(authentication.getDetails());
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(refreshed);
            holder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        if (user.mustChangePassword() && !allowedBeforeChange.matches(request)) {
            ConsoleResponses.sendTo(request, response, CHANGE_PASSWORD, HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private void signOut(HttpServletRequest request) {
        holder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
