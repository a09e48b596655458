package io.vigil.web.error;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The console's 403 page, to which the console's security forwards a request it refuses: a role that may not do
 * this, or a form without the page's CSRF token. Nothing was changed either way.
 */
@Controller
class AccessDeniedController {

    @RequestMapping("/access-denied")
    String denied(HttpServletRequest request, HtmxRequest htmx, Model model, HttpServletResponse response) {
        Object refused = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        model.addAttribute(
                "message",
                refused instanceof CsrfException
                        ? "Vigil refused this action: the page it came from is out of date or not Vigil's own."
                                + " Reload the page and try again. Nothing was changed."
                        : "Your role may not do this, so nothing was changed. An admin can give you another role.");
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return htmx.isHtmxRequest() ? "error/console :: message" : "error/console";
    }
}
