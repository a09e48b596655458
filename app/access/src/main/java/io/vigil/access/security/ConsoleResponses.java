package io.vigil.access.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends the browser elsewhere, as the console's pages are asked: a page load is redirected; an htmx request (which
 * would follow a redirect and swap the page it leads to into a table) gets the status and htmx's {@code HX-Redirect}
 * header, on which htmx loads the page whole.
 */
final class ConsoleResponses {

    static final String HTMX = "HX-Request";

    private ConsoleResponses() {}

    static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader(HTMX) != null;
    }

    static void sendTo(HttpServletRequest request, HttpServletResponse response, String path, int htmxStatus)
            throws IOException {
        String url = request.getContextPath() + path;
        if (isHtmx(request)) {
            response.setStatus(htmxStatus);
            response.setHeader("HX-Redirect", url);
        } else {
            response.sendRedirect(url);
        }
    }
}
