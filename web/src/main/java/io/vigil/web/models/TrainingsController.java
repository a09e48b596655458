package io.vigil.web.models;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.vigil.patterns.api.FindModelQuery;
import io.vigil.patterns.api.ModelInvalidException;
import io.vigil.patterns.api.ModelOverview;
import io.vigil.patterns.api.ModelRuleException;
import io.vigil.patterns.api.ModelVersion;
import io.vigil.patterns.api.ModelVersionState;
import io.vigil.patterns.api.RegisterModelCommand;
import io.vigil.scoring.api.CancelModelTrainingCommand;
import io.vigil.scoring.api.FindModelTrainingQuery;
import io.vigil.scoring.api.LabelTime;
import io.vigil.scoring.api.ModelTrainingRefusedException;
import io.vigil.scoring.api.ModelTrainingStatus;
import io.vigil.scoring.api.StartModelTrainingCommand;
import io.vigil.scoring.api.TrainedModel;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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
 * Model trainings in the console (analysts and up): the form on the model page starts one over a time range; a run's
 * page shows its progress (polled through htmx every second while it runs) with a cancel button, then its held-out
 * figures beside the model live when it trained and the patterns alone, the ROC and precision-recall curves, the
 * feature importance, and the button that registers its model as a candidate version (which an approver other than
 * the trainer approves on the model page); once registered, a link to that version takes the button's place, as a
 * run is registered once. The command bus stamps who started and registered it.
 */
@Controller
@RequestMapping("/models/trainings")
class TrainingsController {

    static final String RUN = "models/training";

    private final QueryGateway queries;
    private final CommandGateway commands;

    TrainingsController(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping("/{id}")
    String run(@PathVariable String id, HtmxRequest htmx, Model model, HttpServletResponse response) {
        Optional<TrainedModel> run = find(id);
        if (run.isEmpty()) {
            model.addAttribute("message", "There is no model training " + clip(id) + ".");
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return htmx.isHtmxRequest() ? "error/console :: message" : "error/console";
        }
        model.addAttribute("run", TrainingView.of(run.get()));
        if (!model.containsAttribute("registered") && run.get().status() == ModelTrainingStatus.COMPLETED) {
            model.addAttribute("registered", registeredVersion(id));
        }
        return htmx.isHtmxRequest() ? RUN + " :: run" : RUN;
    }

    /** The risk model version this run's model became; null while it is not registered. */
    private Integer registeredVersion(String trainingId) {
        ModelOverview overview = queries.query(
                        new FindModelQuery(ModelVersion.RISK), ResponseTypes.instanceOf(ModelOverview.class))
                .join();
        return overview == null
                ? null
                : overview.versions().stream()
                        .map(ModelVersionState::version)
                        .filter(v -> trainingId.equals(v.trainingId()))
                        .map(ModelVersion::number)
                        .findFirst()
                        .orElse(null);
    }

    /**
     * Starts a training.
     *
     * @param from the range's start: a date ({@code 2026-11-01}), a date and time in UTC ({@code 2026-11-01T06:00})
     *     or an instant with its offset
     * @param to its end, likewise
     * @param maturityDays how many days a transaction must be old at {@code to} to be trained on; empty for none
     * @param trees boosting rounds; empty for 300
     * @param labelTime {@code reported} or {@code stated}
     */
    @PostMapping
    String start(
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String maturityDays,
            @RequestParam(defaultValue = "") String trees,
            @RequestParam(defaultValue = "reported") String labelTime,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        List<String> problems = new ArrayList<>();
        Instant start = time("from", from, problems);
        Instant end = time("to", to, problems);
        Duration maturity = maturity(maturityDays, problems);
        Integer rounds = trees(trees, problems);
        LabelTime time = "stated".equalsIgnoreCase(labelTime.strip()) ? LabelTime.STATED : LabelTime.REPORTED;
        String id = "tr-" + UUID.randomUUID();
        if (problems.isEmpty()) {
            try {
                commands.sendAndWait(new StartModelTrainingCommand(id, start, end, null, maturity, rounds, time));
            } catch (ModelTrainingRefusedException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            String error = "The training was not started: " + String.join("; ", problems) + ".";
            if (!htmx.isHtmxRequest()) {
                redirect.addFlashAttribute("trainingError", error);
                return "redirect:/models";
            }
            model.addAttribute("trainingError", error);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("maturityDays", maturityDays);
            model.addAttribute("trees", trees);
            return ModelsController.PAGE + " :: start-training";
        }
        if (!htmx.isHtmxRequest()) {
            return "redirect:/models/trainings/" + id;
        }
        response.setHeader("HX-Redirect", "/models/trainings/" + id);
        return run(id, htmx, model, response);
    }

    @PostMapping("/{id}/cancel")
    String cancel(
            @PathVariable String id,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        String error = null;
        try {
            commands.sendAndWait(new CancelModelTrainingCommand(id));
        } catch (ModelTrainingRefusedException e) {
            error = "Not cancelled: " + e.getMessage() + ".";
        }
        return answer(id, error, null, htmx, model, redirect, response);
    }

    /** Registers a completed run's model as the next candidate version of the risk model. */
    @PostMapping("/{id}/register")
    String register(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String comment,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Optional<TrainedModel> run = find(id);
        String error = null;
        String message = null;
        if (run.isEmpty()
                || run.get().status() != ModelTrainingStatus.COMPLETED
                || run.get().model() == null) {
            error = "Not registered: only a completed training has a model to register.";
        } else {
            try {
                int version = commands.sendAndWait(new RegisterModelCommand(
                        ModelVersion.RISK,
                        run.get().model(),
                        run.get().candidate(),
                        comment.isBlank() ? "trained by " + id : comment.strip()));
                message = "Registered as candidate version " + version
                        + ": an approver other than you approves it on the model page.";
                model.addAttribute("registered", version);
            } catch (ModelRuleException | ModelInvalidException e) {
                error = "Not registered: " + e.getMessage() + ".";
            }
        }
        if (message != null && !htmx.isHtmxRequest()) {
            redirect.addFlashAttribute("message", message);
            return "redirect:/models";
        }
        return answer(id, error, message, htmx, model, redirect, response);
    }

    /** Through htmx the run's fragment with the outcome; as a plain form post, back to the run's page. */
    private String answer(
            String id,
            String error,
            String message,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!htmx.isHtmxRequest()) {
            if (error != null) {
                redirect.addFlashAttribute("error", error);
            }
            return "redirect:/models/trainings/" + id;
        }
        model.addAttribute("error", error);
        model.addAttribute("message", message);
        return run(id, htmx, model, response);
    }

    private Optional<TrainedModel> find(String id) {
        return queries.query(new FindModelTrainingQuery(id), ResponseTypes.optionalInstanceOf(TrainedModel.class))
                .join();
    }

    private static String clip(String id) {
        return id.length() > 64 ? id.substring(0, 64) + "…" : id;
    }

    /** A date (midnight UTC), a date and time in UTC, or an instant with its offset. */
    static Instant time(String field, String value, List<String> problems) {
        String text = value.strip();
        if (text.isEmpty()) {
            problems.add(field + " is required, e.g. 2026-11-01 or 2026-11-01T06:00 (UTC)");
            return null;
        }
        try {
            if (text.length() > 40) {
                throw new DateTimeParseException("too long", text, 40);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(field + " must be a date such as 2026-11-01, or a date and time such as 2026-11-01T06:00"
                    + " (UTC)");
            return null;
        }
    }

    private static Duration maturity(String days, List<String> problems) {
        if (days.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(days.strip().toLowerCase(Locale.ROOT).replace("d", ""));
            if (d >= 0 && d <= 365) {
                return Duration.ofMinutes(Math.round(d * 24 * 60));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add("maturity must be a number of days between 0 and 365");
        return null;
    }

    private static Integer trees(String trees, List<String> problems) {
        if (trees.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(trees.strip());
        } catch (NumberFormatException e) {
            problems.add("trees must be a whole number");
            return null;
        }
    }
}
