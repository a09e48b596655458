package io.vigil.web.patterns;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.patterns.api.ArchiveFeatureCommand;
import io.vigil.patterns.api.DefineFeatureCommand;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.FeatureList;
import io.vigil.patterns.api.FeatureStates;
import io.vigil.patterns.api.FindFeatureStatesQuery;
import io.vigil.patterns.api.FindFeaturesQuery;
import io.vigil.patterns.api.PatternInvalidException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The analyst-defined features page (analysts): every feature with its definition, how far this node has backfilled
 * it and what it costs in memory per entity, a form to define one and a button to archive one. While a feature is
 * backfilling the table refreshes itself every two seconds.
 */
@Controller
@RequestMapping("/features")
class FeaturesController {

    private static final String PAGE = "patterns/features";

    private final QueryGateway queries;
    private final PatternCommands commands;

    FeaturesController(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = new PatternCommands(commands);
    }

    /** What the define form holds. */
    record FeatureForm(
            String name,
            String entity,
            String aggregation,
            String field,
            String window,
            String filter,
            String description) {

        static FeatureForm empty() {
            return new FeatureForm("", "card", "count", "", "24h", "", "");
        }
    }

    /**
     * One feature as the table shows it: its definition and who made it, its state on this node (null: none yet).
     *
     * @param status {@code pending}, {@code backfilling}, {@code ready} or {@code archived}
     */
    record FeatureRow(FeatureList.Item item, FeatureStates.State state, String status, String window) {

        static FeatureRow of(FeatureList.Item item, FeatureStates.State state) {
            return new FeatureRow(
                    item,
                    state,
                    FeatureStates.status(item.archived(), state),
                    FeatureDefinition.formatWindow(item.definition().windowMinutes()));
        }

        public int progressPercent() {
            return state == null ? 0 : (int) Math.floor(state.progress() * 100);
        }
    }

    @GetMapping
    String page(Model model) {
        fill(model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FeatureForm.empty());
        }
        return PAGE;
    }

    /** The table alone, for its refresh while a feature backfills. */
    @HxRequest
    @GetMapping
    String table(Model model) {
        fill(model);
        return PAGE + " :: featureTable";
    }

    @PostMapping
    String define(@ModelAttribute FeatureForm form, Model model, RedirectAttributes redirect) {
        String error;
        try {
            FeatureDefinition definition = FeatureDefinition.of(
                    form.name(), form.entity(), form.aggregation(), form.field(), form.window(), form.filter());
            boolean taken = features().features().stream()
                    .anyMatch(item -> item.definition().name().equals(definition.name()));
            error = taken
                    ? "Not defined: a feature named " + definition.name()
                            + " exists already (archived ones keep their name); choose another name."
                    : commands.send(
                            definition.name(), new DefineFeatureCommand(definition, form.description()), "Not defined");
        } catch (PatternInvalidException e) {
            error = "Not defined: " + String.join("; ", e.problems()) + ".";
        }
        if (error != null) {
            model.addAttribute("form", form);
            model.addAttribute("error", error);
            fill(model);
            return PAGE;
        }
        redirect.addFlashAttribute(
                "message",
                "Feature " + form.name().strip() + " defined: every node backfills it now; patterns read it as"
                        + " features.custom." + form.name().strip() + " once it is ready.");
        return "redirect:/features";
    }

    @PostMapping("/{name}/archive")
    String archive(
            @PathVariable String name, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        String error = commands.send(name, ArchiveFeatureCommand.of(name, reason), "Not archived");
        redirect.addFlashAttribute(
                error == null ? "message" : "error", error == null ? "Feature " + name + " archived." : error);
        return "redirect:/features";
    }

    private void fill(Model model) {
        Map<String, FeatureStates.State> states = states();
        List<FeatureRow> rows = features().features().stream()
                .map(item -> FeatureRow.of(item, states.get(item.definition().name())))
                .toList();
        model.addAttribute("features", rows);
        model.addAttribute(
                "backfilling",
                rows.stream()
                        .anyMatch(r ->
                                r.status().equals("backfilling") || r.status().equals("pending")));
        model.addAttribute("entities", new TreeSet<>(FeatureDefinition.ENTITIES));
        model.addAttribute("fields", new TreeSet<>(FeatureDefinition.FIELDS));
    }

    private FeatureList features() {
        return queries.query(new FindFeaturesQuery(), ResponseTypes.instanceOf(FeatureList.class))
                .join();
    }

    private Map<String, FeatureStates.State> states() {
        return queries
                .query(new FindFeatureStatesQuery(), ResponseTypes.instanceOf(FeatureStates.class))
                .join()
                .features()
                .stream()
                .collect(Collectors.toMap(FeatureStates.State::name, Function.identity()));
    }
}
