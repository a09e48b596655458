package io.vigil.web.keys;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.access.api.ApiKeyList;
import io.vigil.access.api.ApiScope;
import io.vigil.access.api.CreatedApiKey;
import io.vigil.access.api.FindApiKeysQuery;
import io.vigil.access.api.InvalidApiKeyException;
import io.vigil.access.api.RevokeApiKeyCommand;
import io.vigil.access.api.UnknownApiKeyException;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The API keys page (admins). A new key is shown once, in the answer to its creation, and never put in the session or
 * a redirect; the list shows each key's prefix, scopes, limit and last use. Revoking takes effect on every node within
 * a second.
 */
@Controller
@RequestMapping("/keys")
class KeysController {

    private static final String PAGE = "keys/list";
    private static final String TABLE = PAGE + " :: keys";

    private final QueryGateway queries;
    private final CommandGateway commands;

    KeysController(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "false") boolean revoked, Model model) {
        fill(revoked, model);
        return PAGE;
    }

    @HxRequest
    @GetMapping
    String table(@RequestParam(defaultValue = "false") boolean revoked, Model model) {
        fill(revoked, model);
        return TABLE;
    }

    /** Creates a key and answers the page (or the table, through htmx) with the key shown this once. */
    @PostMapping
    String create(KeyForm form, BindingResult binding, HtmxRequest htmx, Model model) {
        if (binding.hasErrors()) {
            model.addAttribute(
                    "error",
                    "Rate per second and burst must be whole numbers ("
                            + binding.getFieldErrors().stream()
                                    .map(e -> e.getField())
                                    .distinct()
                                    .toList() + ")");
        } else {
            try {
                CreatedApiKey created = commands.sendAndWait(form.toCommand());
                model.addAttribute("created", created);
            } catch (InvalidApiKeyException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        fill(false, model);
        return htmx.isHtmxRequest() ? TABLE : PAGE;
    }

    @PostMapping("/revoke")
    String revoke(@RequestParam String keyId, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        String message;
        String error = null;
        try {
            commands.sendAndWait(new RevokeApiKeyCommand(keyId));
            message = "Revoked: every node refuses the key within a second.";
        } catch (UnknownApiKeyException e) {
            message = null;
            error = e.getMessage();
        }
        if (!htmx.isHtmxRequest()) {
            if (message != null) {
                redirect.addFlashAttribute("message", message);
            }
            if (error != null) {
                redirect.addFlashAttribute("error", error);
            }
            return "redirect:/keys";
        }
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        fill(false, model);
        return TABLE;
    }

    private void fill(boolean revoked, Model model) {
        ApiKeyList keys = queries.query(new FindApiKeysQuery(revoked), ResponseTypes.instanceOf(ApiKeyList.class))
                .join();
        model.addAttribute("keys", keys.keys());
        model.addAttribute("showRevoked", revoked);
        model.addAttribute("scopes", List.of(ApiScope.values()));
        model.addAttribute("defaultScopes", ApiScope.defaults());
    }
}
