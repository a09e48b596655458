package io.vigil.patterns.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.vigil.patterns.api.ApproveModelCommand;
import io.vigil.patterns.api.ModelApprovedEvent;
import io.vigil.patterns.api.ModelCandidate;
import io.vigil.patterns.api.ModelCheck;
import io.vigil.patterns.api.ModelFiles;
import io.vigil.patterns.api.ModelInvalidException;
import io.vigil.patterns.api.ModelPromotedEvent;
import io.vigil.patterns.api.ModelRegisteredEvent;
import io.vigil.patterns.api.ModelRolledBackEvent;
import io.vigil.patterns.api.ModelRuleException;
import io.vigil.patterns.api.ModelShadowStoppedEvent;
import io.vigil.patterns.api.ModelShadowedEvent;
import io.vigil.patterns.api.ModelVersion;
import io.vigil.patterns.api.PatternRules;
import io.vigil.patterns.api.PromoteModelCommand;
import io.vigil.patterns.api.RegisterModelCommand;
import io.vigil.patterns.api.RollBackModelCommand;
import io.vigil.patterns.api.ShadowModelCommand;
import io.vigil.patterns.api.StopModelShadowCommand;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A risk model's versions and which of them scoring uses. A model file is registered as a candidate version (checked
 * by scoring's {@link ModelCheck}, stored through {@link ModelFiles}); someone other than who registered or trained
 * it approves it; an approved version is promoted to live (one at a time; its probability becomes the decision's
 * score) or put in shadow (at most one; scored on live traffic and recorded, never decides). A rollback makes the
 * version live before the current one live again, or, from the first version ever live, leaves no model live (scoring
 * goes back to the patterns alone). A training run's model is registered once: a second registration of the same run
 * is refused, naming the version it became. Who acts is the command's {@value #ACTOR} metadata.
 */
@Aggregate
class Model {

    static final String ACTOR = Steps.ACTOR;

    @AggregateIdentifier
    private String modelId;

    private final TreeMap<Integer, ModelVersion> versions = new TreeMap<>();
    private final Set<Integer> approved = new HashSet<>();
    /** The version each training run's model became: a run is registered once. */
    private final Map<String, Integer> trainings = new HashMap<>();
    /** The versions made live, the current one last; a rollback removes the last. */
    private final Deque<Integer> liveHistory = new ArrayDeque<>();

    private Integer shadow;

    Model() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(RegisterModelCommand command, @MetaDataValue(ACTOR) String actor, ModelCheck check, ModelFiles files) {
        List<String> problems = new ArrayList<>();
        String idProblem = PatternRules.idProblem(command.modelId());
        if (idProblem != null) {
            problems.add(idProblem.replace("id ", "model id "));
        }
        ModelCandidate candidate = command.candidate();
        byte[] file = command.model();
        if (file == null || file.length == 0) {
            problems.add("model is required: the XGBoost JSON model");
        }
        if (candidate == null) {
            problems.add("the model's features, trainer and source are required");
        } else {
            problems.addAll(candidateProblems(candidate));
        }
        addCommentProblem(problems, command.comment());
        if (candidate != null && candidate.trainingId() != null && trainings.containsKey(candidate.trainingId())) {
            throw new ModelRuleException(
                    command.modelId(),
                    "training " + candidate.trainingId() + " is registered already, as version "
                            + trainings.get(candidate.trainingId()));
        }
        if (problems.isEmpty()) {
            problems.addAll(check.problems(file, candidate.features(), candidate.samples()));
        }
        if (!problems.isEmpty()) {
            throw new ModelInvalidException(problems);
        }
        String by = Steps.who(actor, "model");
        int number = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        Instant at = Steps.now();
        ModelVersion version = new ModelVersion(
                command.modelId(),
                number,
                ModelVersion.documentId(command.modelId(), number),
                sha256(file),
                file.length,
                candidate.features(),
                candidate.metrics(),
                candidate.trainedFrom(),
                candidate.trainedTo(),
                candidate.trainedBy(),
                candidate.source(),
                by,
                at,
                candidate.trainingId());
        files.store(version, file);
        apply(new ModelRegisteredEvent(command.modelId(), version, by, at, Steps.comment(command.comment())));
        return number;
    }

    @CommandHandler
    void handle(ApproveModelCommand command, @MetaDataValue(ACTOR) String actor) {
        ModelVersion version = existing(command.version());
        if (approved.contains(command.version())) {
            throw new ModelRuleException(modelId, "version " + command.version() + " is approved already");
        }
        requireComment(command.comment());
        String approver = Steps.who(actor, "model");
        if (approver.equals(version.registeredBy()) || approver.equals(version.trainedBy())) {
            throw new ModelRuleException(
                    modelId,
                    "version " + command.version() + " was registered by " + version.registeredBy()
                            + " and trained by " + version.trainedBy()
                            + ", who may not approve it: another approver must");
        }
        apply(new ModelApprovedEvent(
                modelId, command.version(), approver, Steps.now(), Steps.comment(command.comment())));
    }

    @CommandHandler
    void handle(PromoteModelCommand command, @MetaDataValue(ACTOR) String actor) {
        ModelVersion version = requireApproved(command.version(), "promoted");
        Integer live = liveHistory.peekLast();
        if (live != null && live == command.version()) {
            throw new ModelRuleException(modelId, "version " + live + " is the live one already");
        }
        requireComment(command.comment());
        Integer shadowAfter = shadow != null && shadow == command.version() ? null : shadow;
        apply(new ModelPromotedEvent(
                modelId,
                version,
                live,
                shadowAfter == null ? null : versions.get(shadowAfter),
                Steps.who(actor, "model"),
                Steps.now(),
                Steps.comment(command.comment())));
    }

    @CommandHandler
    void handle(ShadowModelCommand command, @MetaDataValue(ACTOR) String actor) {
        ModelVersion version = requireApproved(command.version(), "put in shadow");
        Integer live = liveHistory.peekLast();
        if (live != null && live == command.version()) {
            throw new ModelRuleException(modelId, "version " + live + " is live, so it cannot be in shadow too");
        }
        if (shadow != null && shadow == command.version()) {
            throw new ModelRuleException(modelId, "version " + shadow + " is in shadow already");
        }
        requireComment(command.comment());
        apply(new ModelShadowedEvent(
                modelId,
                version,
                live == null ? null : versions.get(live),
                shadow,
                Steps.who(actor, "model"),
                Steps.now(),
                Steps.comment(command.comment())));
    }

    @CommandHandler
    void handle(StopModelShadowCommand command, @MetaDataValue(ACTOR) String actor) {
        if (shadow == null) {
            throw new ModelRuleException(modelId, "no version is in shadow");
        }
        requireComment(command.comment());
        Integer live = liveHistory.peekLast();
        apply(new ModelShadowStoppedEvent(
                modelId,
                shadow,
                live == null ? null : versions.get(live),
                Steps.who(actor, "model"),
                Steps.now(),
                Steps.comment(command.comment())));
    }

    /** Back to the version live before the current one; from the first live version, back to no model at all. */
    @CommandHandler
    void handle(RollBackModelCommand command, @MetaDataValue(ACTOR) String actor) {
        if (liveHistory.isEmpty()) {
            throw new ModelRuleException(modelId, "no version is live, so there is nothing to roll back");
        }
        requireComment(command.comment());
        Integer[] history = liveHistory.toArray(Integer[]::new);
        int from = history[history.length - 1];
        Integer back = history.length >= 2 ? history[history.length - 2] : null;
        Integer shadowAfter = shadow != null && shadow.equals(back) ? null : shadow;
        apply(new ModelRolledBackEvent(
                modelId,
                back == null ? null : versions.get(back),
                from,
                shadowAfter == null ? null : versions.get(shadowAfter),
                Steps.who(actor, "model"),
                Steps.now(),
                Steps.comment(command.comment())));
    }

    @EventSourcingHandler
    void on(ModelRegisteredEvent event) {
        modelId = event.modelId();
        versions.put(event.version().number(), event.version());
        if (event.version().trainingId() != null) {
            trainings.put(event.version().trainingId(), event.version().number());
        }
    }

    @EventSourcingHandler
    void on(ModelApprovedEvent event) {
        approved.add(event.version());
    }

    @EventSourcingHandler
    void on(ModelPromotedEvent event) {
        liveHistory.remove(event.version().number());
        liveHistory.addLast(event.version().number());
        shadow = event.shadow() == null ? null : event.shadow().number();
    }

    @EventSourcingHandler
    void on(ModelShadowedEvent event) {
        shadow = event.version().number();
    }

    @EventSourcingHandler
    void on(ModelShadowStoppedEvent event) {
        shadow = null;
    }

    @EventSourcingHandler
    void on(ModelRolledBackEvent event) {
        liveHistory.removeLast();
        shadow = event.shadow() == null ? null : event.shadow().number();
    }

    private ModelVersion existing(int number) {
        ModelVersion version = versions.get(number);
        if (version == null) {
            throw new ModelInvalidException(List.of("version " + number + " was never registered"
                    + (versions.isEmpty() ? "" : "; the versions are 1 to " + versions.size())));
        }
        return version;
    }

    private ModelVersion requireApproved(int number, String what) {
        ModelVersion version = existing(number);
        if (!approved.contains(number)) {
            throw new ModelRuleException(
                    modelId, "version " + number + " is a candidate, not approved, so it cannot be " + what);
        }
        return version;
    }

    private static List<String> candidateProblems(ModelCandidate candidate) {
        List<String> problems = new ArrayList<>();
        if (candidate.features().isEmpty()) {
            problems.add("features are required: the model's feature names in its input order");
        } else if (new HashSet<>(candidate.features()).size()
                != candidate.features().size()) {
            problems.add("features must be distinct");
        }
        if (candidate.trainedBy() == null || candidate.trainedBy().isBlank()) {
            problems.add("trainedBy is required: who trained the model");
        }
        if (candidate.source() == null) {
            problems.add("source is required: trained or imported");
        }
        if (candidate.trainedFrom() != null
                && candidate.trainedTo() != null
                && !candidate.trainedFrom().isBefore(candidate.trainedTo())) {
            problems.add("trainedFrom must be before trainedTo");
        }
        for (int i = 0; i < candidate.samples().size(); i++) {
            int size = candidate.samples().get(i).values().size();
            if (size != candidate.features().size()) {
                problems.add("samples[" + i + "] has " + size + " values for "
                        + candidate.features().size() + " features");
            }
        }
        return problems;
    }

    private static void addCommentProblem(List<String> problems, String comment) {
        String problem = PatternRules.commentProblem(comment, false);
        if (problem != null) {
            problems.add(problem);
        }
    }

    private static void requireComment(String comment) {
        String problem = PatternRules.commentProblem(comment, false);
        if (problem != null) {
            throw new ModelInvalidException(List.of(problem));
        }
    }

    static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
