package io.vigil.web.account;

import io.vigil.access.api.ChangeOwnPasswordCommand;
import io.vigil.access.api.UserRejectedException;
import io.vigil.access.api.UserRules;
import java.security.Principal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every user's change-password page; the page a user with a one-time password is sent to until they choose their own.
 * A plain form: the passwords go in the body of one POST, and the answer redirects, so a reload posts nothing again.
 */
@Controller
@RequestMapping("/account/password")
class PasswordController {

    private static final String PAGE = "account/password";

    private final CommandGateway commands;

    PasswordController(CommandGateway commands) {
        this.commands = commands;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "false") boolean changed, Model model) {
        model.addAttribute("changed", changed);
        model.addAttribute("minPassword", UserRules.MIN_PASSWORD);
        return PAGE;
    }

    @PostMapping
    String change(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmation,
            Principal user,
            Model model) {
        String error = null;
        if (!newPassword.equals(confirmation)) {
            error = "The new password and its repetition differ: type them again.";
        } else {
            try {
                commands.sendAndWait(new ChangeOwnPasswordCommand(user.getName(), currentPassword, newPassword));
                return "redirect:/account/password?changed=true";
            } catch (UserRejectedException e) {
                error = e.getMessage();
            }
        }
        model.addAttribute("error", error);
        model.addAttribute("changed", false);
        model.addAttribute("minPassword", UserRules.MIN_PASSWORD);
        return PAGE;
    }
}
