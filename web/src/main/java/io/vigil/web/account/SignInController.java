package io.vigil.web.account;

import io.vigil.access.api.UserRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. The form posts to Spring Security ({@code POST /login}), which comes back here with {@code
 * ?error} and the refusal in the session; the other parameters say why a session ended.
 */
@Controller
class SignInController {

    /** A single sign-on provider the page offers: {@code /oauth2/authorization/<id>}, shown by its client name. */
    record Provider(String id, String name) {}

    private final List<Provider> providers;

    SignInController(ObjectProvider<ClientRegistrationRepository> registrations) {
        List<Provider> found = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                if (registration instanceof ClientRegistration client) {
                    found.add(new Provider(client.getRegistrationId(), client.getClientName()));
                }
            }
        }
        this.providers = List.copyOf(found);
    }

    @GetMapping("/login")
    String signIn(HttpServletRequest request, Authentication authentication, Model model) {
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        if (asked(request, "error")) {
            model.addAttribute("problem", refusal(request.getSession(false)));
        } else if (asked(request, "expired")) {
            model.addAttribute("notice", "Your session ended: sign in again.");
        } else if (asked(request, "disabled")) {
            model.addAttribute("problem", "You were signed out: your user was disabled. Ask an admin.");
        } else if (asked(request, "signedOut")) {
            model.addAttribute("notice", "You are signed out.");
        }
        model.addAttribute("maxUsername", UserRules.MAX_USERNAME);
        model.addAttribute("providers", providers);
        return "account/sign-in";
    }

    /** Whether the page was asked with this parameter, with or without a value ({@code /login?expired}). */
    private static boolean asked(HttpServletRequest request, String parameter) {
        return request.getParameterMap().containsKey(parameter);
    }

    /**
     * What the sign-in that just failed is told, once: a wrong password, a throttled or disabled user say so in the
     * sign-in's own words; anything else (the database is down) says to try again.
     */
    private static String refusal(HttpSession session) {
        Object refused = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (session != null) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        if (refused instanceof BadCredentialsException
                || refused instanceof LockedException
                || refused instanceof DisabledException
                || refused instanceof OAuth2AuthenticationException) {
            return ((Exception) refused).getMessage();
        }
        if (refused == null) {
            return "The sign-in did not succeed: try again.";
        }
        return "Vigil could not check the password just now: try again in a moment.";
    }
}
