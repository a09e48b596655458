package io.vigil.patterns.rest;

import io.vigil.patterns.api.ArchiveFeatureCommand;
import io.vigil.patterns.api.DefineFeatureCommand;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.FeatureList;
import io.vigil.patterns.api.FeatureStates;
import io.vigil.patterns.api.FindFeatureStatesQuery;
import io.vigil.patterns.api.FindFeaturesQuery;
import io.vigil.patterns.api.PatternInvalidException;
import io.vigil.patterns.api.PatternRuleException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analyst-defined features over the API ({@code manage} scope): define one, list them with how far this node has
 * backfilled each and what each costs in memory, read one, archive one. A feature is read in patterns as
 * {@code features.custom.<name>} once it is backfilled.
 */
@RestController
@RequestMapping(path = "/api/v1/features", produces = MediaType.APPLICATION_JSON_VALUE)
class FeatureController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    FeatureController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** A feature to define; {@code window} as {@code 90m}, {@code 12h}, {@code 7d} or a number of minutes. */
    record DefineRequest(
            String name,
            String entity,
            String aggregation,
            String field,
            String window,
            String filter,
            String description) {}

    /** Why a feature is archived (required). */
    record ArchiveRequest(String reason) {}

    /**
     * A feature as the API shows it.
     *
     * @param status {@code backfilling}, {@code ready} (patterns read it), {@code archived}, or {@code pending} when
     *     this node has not received it from the pattern store yet
     */
    record Feature(
            String name,
            String qualifiedName,
            String entity,
            String aggregation,
            String field,
            String window,
            int windowMinutes,
            String filter,
            String description,
            String status,
            double backfillProgress,
            long backfilledTransactions,
            long entities,
            long bytesPerEntity,
            String definedBy,
            Instant definedAt,
            String archivedBy,
            Instant archivedAt,
            String archiveReason) {

        static Feature of(FeatureList.Item item, FeatureStates.State state) {
            FeatureDefinition d = item.definition();
            String status = FeatureStates.status(item.archived(), state);
            return new Feature(
                    d.name(),
                    d.qualifiedName(),
                    d.entity(),
                    d.aggregation().wireName(),
                    d.field(),
                    FeatureDefinition.formatWindow(d.windowMinutes()),
                    d.windowMinutes(),
                    d.filter(),
                    item.description(),
                    status,
                    state == null ? 0 : state.progress(),
                    state == null ? 0 : state.backfilled(),
                    state == null ? 0 : state.entities(),
                    state == null ? 0 : state.bytesPerEntity(),
                    item.definedBy(),
                    item.definedAt(),
                    item.archivedBy(),
                    item.archivedAt(),
                    item.archiveReason());
        }
    }

    @GetMapping
    Map<String, List<Feature>> list() {
        Map<String, FeatureStates.State> states = states();
        List<Feature> features = new ArrayList<>();
        for (FeatureList.Item item : all().features()) {
            features.add(Feature.of(item, states.get(item.definition().name())));
        }
        return Map.of("features", features);
    }

    @GetMapping("/{name}")
    Feature get(@PathVariable String name) {
        FeatureList.Item item = find(name).orElseThrow(() -> PatternNotFoundException.feature(name));
        return Feature.of(item, states().get(name));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Feature> define(@RequestBody DefineRequest request) {
        FeatureDefinition definition = definition(request);
        if (find(definition.name()).isPresent()) {
            throw new PatternRuleException(
                    definition.name(), "a feature with this name exists already (archived ones keep their name)");
        }
        commands.sendAndWait(new DefineFeatureCommand(definition, request.description()));
        return ResponseEntity.created(URI.create("/api/v1/features/" + definition.name()))
                .body(get(definition.name()));
    }

    @PostMapping(path = "/{name}/archive", consumes = MediaType.APPLICATION_JSON_VALUE)
    Feature archive(@PathVariable String name, @RequestBody(required = false) ArchiveRequest request) {
        find(name).orElseThrow(() -> PatternNotFoundException.feature(name));
        commands.sendAndWait(ArchiveFeatureCommand.of(name, request == null ? null : request.reason()));
        return get(name);
    }

    /** The request as a definition, or a 400 naming every problem (the window's and the definition's own). */
    static FeatureDefinition definition(DefineRequest request) {
        if (request == null) {
            throw new PatternInvalidException(List.of("body is required"));
        }
        return FeatureDefinition.of(
                request.name(),
                request.entity(),
                request.aggregation(),
                request.field(),
                request.window(),
                request.filter());
    }

    private FeatureList all() {
        return queries.query(new FindFeaturesQuery(), ResponseTypes.instanceOf(FeatureList.class))
                .join();
    }

    private Optional<FeatureList.Item> find(String name) {
        return all().features().stream()
                .filter(item -> item.definition().name().equals(name))
                .findFirst();
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
