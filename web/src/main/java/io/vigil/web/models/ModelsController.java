package io.vigil.web.models;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.patterns.api.ApproveModelCommand;
import io.vigil.patterns.api.FindModelQuery;
import io.vigil.patterns.api.ModelInvalidException;
import io.vigil.patterns.api.ModelOverview;
import io.vigil.patterns.api.ModelRuleException;
import io.vigil.patterns.api.ModelVersion;
import io.vigil.patterns.api.ModelVersionState;
import io.vigil.patterns.api.PromoteModelCommand;
import io.vigil.patterns.api.RollBackModelCommand;
import io.vigil.patterns.api.ShadowModelCommand;
import io.vigil.patterns.api.StopModelShadowCommand;
import io.vigil.scoring.api.FindLiveScoreDistributionQuery;
import io.vigil.scoring.api.FindModelTrainingsQuery;
import io.vigil.scoring.api.LiveScoreDistribution;
import io.vigil.scoring.api.ModelTrainings;
import io.vigil.scoring.api.TrainedModel;
import io.vigil.scoring.api.TrainingMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
 * The risk model page: which version is live and which in shadow, every version with its state, metrics, training
 * window and who trained, registered and approved it; approvers approve, promote, shadow and roll back (the command
 * bus stamps who), and a refusal (approving one's own model, promoting a candidate) is shown as the page's error.
 * Below, the form that starts a training and the latest training runs ({@link TrainingsController}).
 */
@Controller
@RequestMapping("/models")
class ModelsController {

    static final String PAGE = "models/list";
    static final int TRAININGS_SHOWN = 20;

    private final QueryGateway queries;
    private final CommandGateway commands;

    ModelsController(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping
    String page(Model model) {
        fill(model);
        model.addAttribute(
                "trainings",
                queries
                        .query(
                                new FindModelTrainingsQuery(TRAININGS_SHOWN),
                                ResponseTypes.instanceOf(ModelTrainings.class))
                        .join()
                        .runs()
                        .stream()
                        .map(TrainingRow::of)
                        .toList());
        return PAGE;
    }

    /** A training in the list, with its model's held-out AUC and average precision formatted. */
    record TrainingRow(TrainedModel run, String auc, String averagePrecision) {

        static TrainingRow of(TrainedModel run) {
            TrainingMetrics.Evaluation m =
                    run.metrics() == null ? null : run.metrics().model();
            return new TrainingRow(
                    run,
                    m == null ? "–" : TrainingView.ratio(m.auc()),
                    m == null ? "–" : TrainingView.ratio(m.averagePrecision()));
        }
    }

    @HxRequest
    @GetMapping
    String fragment(Model model) {
        fill(model);
        return PAGE + " :: models";
    }

    private void fill(Model model) {
        ModelOverview overview = queries.query(
                        new FindModelQuery(ModelVersion.RISK), ResponseTypes.instanceOf(ModelOverview.class))
                .join();
        model.addAttribute("overview", overview);
        model.addAttribute("stability", stability(overview));
    }

    /**
     * The live version's stability index: its training slice's score distribution (kept in its metrics as
     * {@code model.score_bin.0..9}) against its scores of this node's decisions over the last day; null when no
     * version is live.
     */
    private Stability stability(ModelOverview overview) {
        if (overview.live() == null) {
            return null;
        }
        LiveScoreDistribution live = queries.query(
                        new FindLiveScoreDistributionQuery(), ResponseTypes.instanceOf(LiveScoreDistribution.class))
                .join();
        Map<String, Double> metrics = overview.versions().stream()
                .map(ModelVersionState::version)
                .filter(v -> v.number() == overview.live())
                .findFirst()
                .map(ModelVersion::metrics)
                .orElse(Map.of());
        List<Double> slice = new ArrayList<>();
        for (int i = 0; i < TrainingMetrics.SCORE_BINS && metrics.containsKey(TrainingMetrics.SCORE_BIN + i); i++) {
            slice.add(metrics.get(TrainingMetrics.SCORE_BIN + i));
        }
        if (slice.size() < TrainingMetrics.SCORE_BINS) {
            return new Stability(
                    overview.live(),
                    "–",
                    "not known: the version keeps no score distribution of its"
                            + " training slice (imported, or registered before it was kept)",
                    live.decisions());
        }
        boolean same = live.version() != null && live.version().equals(overview.live());
        double psi = same ? PopulationStability.index(slice, live.bins()) : Double.NaN;
        return new Stability(
                overview.live(),
                TrainingView.ratio(psi),
                Double.isNaN(psi)
                        ? "not known: this node has scored no decision with it in the last day"
                        : PopulationStability.verdict(psi),
                same ? live.decisions() : 0);
    }

    /** The live version's stability index, formatted, with the rule of thumb's reading and the decisions counted. */
    record Stability(int version, String index, String reading, long decisions) {}

    @PostMapping("/{version}/{step:approve|promote|shadow}")
    String step(
            @PathVariable int version,
            @PathVariable String step,
            @RequestParam(defaultValue = "") String comment,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        Object command = switch (step) {
            case "approve" -> new ApproveModelCommand(ModelVersion.RISK, version, comment);
            case "promote" -> new PromoteModelCommand(ModelVersion.RISK, version, comment);
            default -> new ShadowModelCommand(ModelVersion.RISK, version, comment);
        };
        String done = switch (step) {
            case "approve" -> "Version " + version + " approved.";
            case "promote" -> "Version " + version + " is live: every node scores with it within a second.";
            default -> "Version " + version + " is in shadow: scored on live traffic and recorded, never used.";
        };
        return send(command, done, htmx, model, redirect);
    }

    @PostMapping("/shadow/stop")
    String stopShadow(
            @RequestParam(defaultValue = "") String comment,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return send(
                new StopModelShadowCommand(ModelVersion.RISK, comment),
                "No version is in shadow now.",
                htmx,
                model,
                redirect);
    }

    @PostMapping("/rollback")
    String rollback(
            @RequestParam(defaultValue = "") String comment,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return send(
                new RollBackModelCommand(ModelVersion.RISK, comment),
                "Rolled back: the version live before is live again (none, if this was the first).",
                htmx,
                model,
                redirect);
    }

    /** Through htmx answers the page's fragment with the outcome; as a plain form post redirects to the page. */
    private String send(Object command, String done, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        String error;
        try {
            commands.sendAndWait(command);
            error = null;
        } catch (ModelRuleException | ModelInvalidException e) {
            error = "Not done: " + e.getMessage() + ".";
        } catch (AggregateNotFoundException e) {
            error = "Not done: no model version is registered yet.";
        }
        if (htmx.isHtmxRequest()) {
            model.addAttribute(error == null ? "message" : "error", error == null ? done : error);
            fill(model);
            return PAGE + " :: models";
        }
        redirect.addFlashAttribute(error == null ? "message" : "error", error == null ? done : error);
        return "redirect:/models";
    }
}
