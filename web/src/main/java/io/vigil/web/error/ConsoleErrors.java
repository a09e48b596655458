package io.vigil.web.error;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Shows console errors as a readable message: the whole page on a full load, the error fragment for htmx. */
@ControllerAdvice(basePackages = "io.vigil.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    /**
     * A request the rules refuse (a filter, a form field or a parameter out of range, see
     * {@code io.vigil.analytics.api.MonitoringRules}): a 400 with the rule's message, not a store failure.
     */
    @ExceptionHandler({
        IllegalArgumentException.class,
        org.springframework.beans.TypeMismatchException.class,
        org.springframework.validation.BindException.class,
        org.springframework.beans.BeanInstantiationException.class
    })
    String invalid(Exception e, HtmxRequest htmx, Model model, HttpServletResponse response) {
        Throwable refused = e;
        while (!(refused instanceof IllegalArgumentException) && refused.getCause() != null) {
            refused = refused.getCause();
        }
        if (!(refused instanceof IllegalArgumentException)) {
            refused = e;
        }
        String reason = refused.getMessage() == null ? e.getClass().getSimpleName() : refused.getMessage();
        if (e instanceof org.springframework.validation.BindException bind && bind.getFieldError() != null) {
            reason = bind.getFieldError().getField() + " has an invalid value";
        }
        model.addAttribute(
                "message",
                "Vigil cannot do this: " + (reason.length() > 300 ? reason.substring(0, 300) + "…" : reason) + ".");
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return htmx.isHtmxRequest() ? "error/console :: message" : "error/console";
    }

    @ExceptionHandler(Exception.class)
    String error(Exception e, HtmxRequest htmx, Model model, HttpServletResponse response) {
        log.warn("Console request failed", e);
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        model.addAttribute(
                "message",
                "Vigil could not load this view: "
                        + (reason.length() > 300 ? reason.substring(0, 300) + "…" : reason)
                        + ". It shows again by itself once the store is back.");
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return htmx.isHtmxRequest() ? "error/console :: message" : "error/console";
    }
}
