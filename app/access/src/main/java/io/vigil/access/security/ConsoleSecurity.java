package io.vigil.access.security;

import io.vigil.access.api.Role;
import io.vigil.access.config.AccessSettings;
import io.vigil.access.users.ConsoleUser;
import io.vigil.access.users.ConsoleUsers;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The console's filter chain: every path that is not the API's. Sign-in with a form of the console's own, a session
 * cookie, CSRF tokens on every state change, and who may do what from {@link ConsolePermissions}. The pages it leads
 * to ({@code /login}, {@code /account/password}, {@code /access-denied}) are the web console's.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

    /**
     * No inline script or style anywhere in the console (htmx is told not to add its indicator style); charts are
     * images of Vigil's own; no page may frame the console, and forms post only to it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    static final String SIGN_IN = "/login";
    static final String ACCESS_DENIED = "/access-denied";

    /** Each role may do what the roles below it may: admin > approver > analyst > operator > viewer. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        RoleHierarchyImpl.Builder hierarchy = RoleHierarchyImpl.withDefaultRolePrefix();
        Role[] roles = Role.values();
        for (int i = roles.length - 1; i > 0; i--) {
            hierarchy.role(roles[i].name()).implies(roles[i - 1].name());
        }
        return hierarchy.build();
    }

    @Bean
    SignInThrottle signInThrottle(AccessSettings settings) {
        return new SignInThrottle(settings.signIn());
    }

    @Bean
    @Order(3)
    SecurityFilterChain consoleChain(
            HttpSecurity http,
            ConsoleUsers users,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            AuthenticationEventPublisher events,
            AccessSettings settings,
            ObjectProvider<ClientRegistrationRepository> singleSignOn,
            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> singleSignOnUsers)
            throws Exception {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new ThrottledSignIn(users, encoder, throttle, Clock.systemUTC()));
        if (singleSignOn.getIfAvailable() != null) {
            // the chain's one authentication manager must also know the code that single sign-on brings back
            providers.add(new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), singleSignOnUsers.getObject()));
        }
        ProviderManager signIn = new ProviderManager(providers);
        signIn.setAuthenticationEventPublisher(events);
        SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        RequestMatcher htmx = new RequestHeaderRequestMatcher(ConsoleResponses.HTMX);
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null); // back to /monitors, not /monitors?continue
        // after sign-in, back to the page asked for; never to a table fragment htmx asked for
        requestCache.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(htmx)));
        if (singleSignOn.getIfAvailable() != null) {
            SavedRequestAwareAuthenticationSuccessHandler back = new SavedRequestAwareAuthenticationSuccessHandler();
            back.setRequestCache(requestCache);
            http.oauth2Login(login -> login.loginPage(SIGN_IN)
                    .failureUrl(SIGN_IN + "?error")
                    .userInfoEndpoint(info -> info.oidcUserService(singleSignOnUsers.getObject()))
                    .successHandler((request, response, authentication) -> {
                        // from here on a single sign-on user is a console user like any other: the session filter
                        // re-reads their row (role, disabled) on every request
                        ConsoleUser user = users.current(authentication.getName())
                                .orElseThrow()
                                .signedIn(Instant.now());
                        UsernamePasswordAuthenticationToken session =
                                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                        session.setDetails(authentication.getDetails());
                        SecurityContext context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(session);
                        SecurityContextHolder.setContext(context);
                        contexts.saveContext(context, request, response);
                        back.onAuthenticationSuccess(request, response, session);
                    }));
        }
        return http.authenticationManager(signIn)
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                            .permitAll();
                    for (ConsolePermissions.Rule rule : ConsolePermissions.RULES) {
                        var paths = requests.requestMatchers(matcher(rule));
                        if (rule.role() == null) {
                            paths.permitAll();
                        } else {
                            paths.hasRole(rule.role().name());
                        }
                    }
                    requests.anyRequest().hasRole(ConsolePermissions.FALLBACK.name());
                })
                .formLogin(form -> form.loginPage(SIGN_IN).failureUrl(SIGN_IN + "?error"))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl(SIGN_IN + "?signedOut")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies("JSESSIONID"))
                .requestCache(cache -> cache.requestCache(requestCache))
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ConsoleSecurity::signInFirst)
                        .accessDeniedHandler(accessDenied()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny())
                        .crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN)))
                .addFilterAfter(
                        new ConsoleSessionFilter(
                                users,
                                contexts,
                                openPaths(),
                                new OrRequestMatcher(
                                        PathPatternRequestMatcher.withDefaults()
                                                .matcher(ConsoleSessionFilter.CHANGE_PASSWORD),
                                        PathPatternRequestMatcher.withDefaults().matcher("/logout")),
                                settings.signIn().sessionMaxAge(),
                                Clock.systemUTC()),
                        AnonymousAuthenticationFilter.class)
                .build();
    }

    private static RequestMatcher matcher(ConsolePermissions.Rule rule) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String path : rule.paths()) {
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(rule.method(), path));
        }
        return matchers.size() == 1 ? matchers.get(0) : new OrRequestMatcher(matchers);
    }

    private static RequestMatcher openPaths() {
        return new OrRequestMatcher(ConsolePermissions.RULES.stream()
                .filter(rule -> rule.role() == null)
                .map(ConsoleSecurity::matcher)
                .toList());
    }

    /**
     * Not signed in: to the sign-in page, saying so when the session ended (its cookie names a session that is no
     * more).
     */
    private static void signInFirst(
            HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e)
            throws java.io.IOException {
        boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        ConsoleResponses.sendTo(
                request, response, ended ? SIGN_IN + "?expired" : SIGN_IN, HttpServletResponse.SC_UNAUTHORIZED);
    }

    /**
     * A refused request gets the console's 403 page. A sign-in form whose token is stale (the page was open longer
     * than a session lasts) just shows the sign-in page again.
     */
    private static AccessDeniedHandler accessDenied() {
        AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
        page.setErrorPage(ACCESS_DENIED);
        RequestMatcher signInForm = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SIGN_IN);
        return (request, response, denied) -> {
            if (denied instanceof CsrfException && signInForm.matches(request)) {
                ConsoleResponses.sendTo(request, response, SIGN_IN + "?expired", HttpServletResponse.SC_FORBIDDEN);
            } else {
                page.handle(request, response, denied);
            }
        };
    }
}
