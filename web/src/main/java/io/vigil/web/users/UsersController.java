package io.vigil.web.users;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.access.api.ChangeUserRoleCommand;
import io.vigil.access.api.CreateUserCommand;
import io.vigil.access.api.DisableUserCommand;
import io.vigil.access.api.EnableUserCommand;
import io.vigil.access.api.FindUsersQuery;
import io.vigil.access.api.OneTimePassword;
import io.vigil.access.api.ResetUserPasswordCommand;
import io.vigil.access.api.Role;
import io.vigil.access.api.UserList;
import io.vigil.access.api.UserRejectedException;
import io.vigil.access.api.UserRules;
import java.security.Principal;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The users page, for admins (the console's security refuses it to the others). Each action has its own URL; through
 * htmx it answers the users fragment, without htmx it redirects to the page with its outcome. A one-time password is
 * shown in that answer only: flashed for the one page the redirect leads to, never in a URL, never stored in clear.
 */
@Controller
@RequestMapping("/users")
class UsersController {

    private static final String PAGE = "users/list";
    private static final String FRAGMENT = PAGE + " :: users";
    private static final String REDIRECT = "redirect:/users";

    private final QueryGateway queries;
    private final CommandGateway commands;

    UsersController(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping
    String page(Model model) {
        fill(model);
        return PAGE;
    }

    @HxRequest
    @GetMapping
    String fragment(Model model) {
        fill(model);
        return FRAGMENT;
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(required = false) String displayName,
            @RequestParam(defaultValue = "") String role,
            Principal admin,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return answer(
                by -> CreateUserCommand.withDrawnPassword(username, displayName, role(role), by),
                created -> "User " + created.username() + " created with the role " + role + ".",
                admin,
                htmx,
                model,
                redirect);
    }

    @PostMapping("/{username}/role")
    String changeRole(
            @PathVariable String username,
            @RequestParam(defaultValue = "") String role,
            Principal admin,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return answer(
                by -> new ChangeUserRoleCommand(username, role(role), by),
                done -> username + " now has the role " + role + ".",
                admin,
                htmx,
                model,
                redirect);
    }

    @PostMapping("/{username}/disable")
    String disable(
            @PathVariable String username,
            Principal admin,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return answer(
                by -> new DisableUserCommand(username, by),
                done -> username + " is disabled and signed out.",
                admin,
                htmx,
                model,
                redirect);
    }

    @PostMapping("/{username}/enable")
    String enable(
            @PathVariable String username,
            Principal admin,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return answer(
                by -> new EnableUserCommand(username, by),
                done -> username + " may sign in again.",
                admin,
                htmx,
                model,
                redirect);
    }

    @PostMapping("/{username}/reset-password")
    String resetPassword(
            @PathVariable String username,
            Principal admin,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return answer(
                by -> new ResetUserPasswordCommand(username, by),
                done -> username + " has a new one-time password; the old one no longer works.",
                admin,
                htmx,
                model,
                redirect);
    }

    private static Role role(String role) {
        return Role.fromWireName(role)
                .orElseThrow(() ->
                        new UserRejectedException("Choose a role: one of viewer, operator, analyst, approver, admin."));
    }

    /**
     * Sends the command made for the signed-in admin; says what it did, or why it was refused, and shows a one-time
     * password it answered.
     */
    private String answer(
            Function<String, Object> command,
            Function<OneTimePassword, String> done,
            Principal admin,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        BiConsumer<String, Object> outcome = htmx.isHtmxRequest() ? model::addAttribute : redirect::addFlashAttribute;
        try {
            Object result = commands.sendAndWait(command.apply(admin.getName()));
            OneTimePassword password = result instanceof OneTimePassword p ? p : null;
            outcome.accept("message", done.apply(password));
            if (password != null) {
                outcome.accept("oneTimePassword", password);
            }
        } catch (UserRejectedException e) {
            outcome.accept("error", e.getMessage());
        }
        if (!htmx.isHtmxRequest()) {
            return REDIRECT;
        }
        fill(model);
        return FRAGMENT;
    }

    private void fill(Model model) {
        UserList users = queries.query(new FindUsersQuery(), ResponseTypes.instanceOf(UserList.class))
                .join();
        model.addAttribute("users", users.users());
        model.addAttribute("roles", Role.values());
        model.addAttribute("maxUsername", UserRules.MAX_USERNAME);
        model.addAttribute("maxDisplayName", UserRules.MAX_DISPLAY_NAME);
    }
}
