package io.vigil.patterns.command;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.vigil.patterns.api.ModelSample;
import io.vigil.patterns.api.ModelShadowStoppedEvent;
import io.vigil.patterns.api.ModelShadowedEvent;
import io.vigil.patterns.api.ModelSource;
import io.vigil.patterns.api.ModelVersion;
import io.vigil.patterns.api.PromoteModelCommand;
import io.vigil.patterns.api.RegisterModelCommand;
import io.vigil.patterns.api.RollBackModelCommand;
import io.vigil.patterns.api.ShadowModelCommand;
import io.vigil.patterns.api.StopModelShadowCommand;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static final String ID = "risk";
    private static final byte[] FILE = "{\"learner\":{}}".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> ANN = Map.of("actor", "ann", "actorKind", "user");
    private static final Map<String, String> BOB = Map.of("actor", "bob", "actorKind", "user");
    private static final Map<String, String> CAROL = Map.of("actor", "carol", "actorKind", "user");
    private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");

    /** Knows the features {@code amount} and {@code hour}, and refuses a sample predicted as 0.99. */
    private static final ModelCheck CHECK = (model, features, samples) -> {
        List<String> problems = new java.util.ArrayList<>();
        features.stream()
                .filter(f -> !List.of("amount", "hour").contains(f))
                .forEach(f -> problems.add("feature " + f + " does not exist"));
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).prediction() == 0.99) {
                problems.add("samples[" + i + "] is scored 0.5, not 0.99");
            }
        }
        return problems;
    };

    private final Map<String, byte[]> stored = new HashMap<>();
    private final ModelFiles files = (version, file) -> stored.put(version.document(), file);
    private AggregateTestFixture<Model> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Model.class);
        fixture.registerInjectableResource(CHECK);
        fixture.registerInjectableResource(files);
        now = fixture.currentTime();
    }

    private static ModelCandidate candidate(String trainer, List<String> features, List<ModelSample> samples) {
        return new ModelCandidate(features, Map.of("auc", 0.91), FROM, TO, trainer, ModelSource.TRAINED, samples, null);
    }

    private static ModelCandidate candidate(String trainer) {
        return candidate(trainer, List.of("amount", "hour"), List.of());
    }

    private ModelVersion version(int number, String trainer, String registeredBy) {
        return new ModelVersion(
                ID,
                number,
                "vigil-model-risk-v" + number,
                Model.sha256(FILE),
                FILE.length,
                List.of("amount", "hour"),
                Map.of("auc", 0.91),
                FROM,
                TO,
                trainer,
                ModelSource.TRAINED,
                registeredBy,
                now,
                null);
    }

    private ModelRegisteredEvent registered(int number) {
        return new ModelRegisteredEvent(ID, version(number, "ann", "ann"), "ann", now, "");
    }

    private ModelApprovedEvent approved(int number) {
        return new ModelApprovedEvent(ID, number, "bob", now, "");
    }

    @Test
    void canRegisterACandidateAndStoreItsFile() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelCommand(ID, FILE, candidate("ann"), "first"), ANN)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1)
                .expectEvents(new ModelRegisteredEvent(ID, version(1, "ann", "ann"), "ann", now, "first"));
        assertThat(stored).containsKey("vigil-model-risk-v1");
    }

    @Test
    void canRegisterTheNextVersion() {
        fixture.given(registered(1))
                .when(new RegisterModelCommand(ID, FILE, candidate("ann"), null), ANN)
                .expectResultMessagePayload(2)
                .expectEvents(new ModelRegisteredEvent(ID, version(2, "ann", "ann"), "ann", now, ""));
    }

    private ModelCandidate fromTraining(String trainingId) {
        return new ModelCandidate(
                List.of("amount", "hour"),
                Map.of("auc", 0.91),
                FROM,
                TO,
                "ann",
                ModelSource.TRAINED,
                List.of(),
                trainingId);
    }

    private ModelRegisteredEvent registeredFrom(int number, String trainingId) {
        ModelVersion v = version(number, "ann", "ann");
        return new ModelRegisteredEvent(
                ID,
                new ModelVersion(
                        ID,
                        number,
                        v.document(),
                        v.sha256(),
                        v.size(),
                        v.features(),
                        v.metrics(),
                        FROM,
                        TO,
                        "ann",
                        ModelSource.TRAINED,
                        "ann",
                        now,
                        trainingId),
                "ann",
                now,
                "");
    }

    @Test
    void canRegisterATrainingRunsModelRememberingTheRun() {
        fixture.given(registered(1))
                .when(new RegisterModelCommand(ID, FILE, fromTraining("tr-7"), null), ANN)
                .expectResultMessagePayload(2)
                .expectEvents(registeredFrom(2, "tr-7"));
    }

    @Test
    void cannotRegisterTheSameTrainingRunTwice() {
        fixture.given(registeredFrom(1, "tr-7"), registered(2))
                .when(new RegisterModelCommand(ID, FILE, fromTraining("tr-7"), "again"), BOB)
                .expectException(ModelRuleException.class)
                .expectExceptionMessage("model risk: training tr-7 is registered already, as version 1")
                .expectNoEvents();
        assertThat(stored).isEmpty();
    }

    @Test
    void canRegisterAnotherTrainingRunAndTheSameImportedFileAgain() {
        fixture.given(registeredFrom(1, "tr-7"), registered(2))
                .when(new RegisterModelCommand(ID, FILE, fromTraining("tr-8"), null), ANN)
                .expectResultMessagePayload(3);
        fixture.given(registeredFrom(1, "tr-7"), registered(2))
                .when(new RegisterModelCommand(ID, FILE, candidate("ann"), null), ANN)
                .expectResultMessagePayload(3);
    }

    @Test
    void cannotRegisterAModelWithAnUnknownFeature() {
        fixture.givenNoPriorActivity()
                .when(
                        new RegisterModelCommand(
                                ID, FILE, candidate("ann", List.of("amount", "shoe_size"), List.of()), null),
                        ANN)
                .expectException(ModelInvalidException.class)
                .expectExceptionMessage("feature shoe_size does not exist")
                .expectNoEvents();
        assertThat(stored).isEmpty();
    }

    @Test
    void cannotRegisterAModelThatScoresASampleDifferently() {
        ModelSample sample = new ModelSample(List.of(10.0, 3.0), 0.99);
        fixture.givenNoPriorActivity()
                .when(
                        new RegisterModelCommand(
                                ID, FILE, candidate("ann", List.of("amount", "hour"), List.of(sample)), null),
                        ANN)
                .expectException(ModelInvalidException.class)
                .expectExceptionMessage("samples[0] is scored 0.5, not 0.99")
                .expectNoEvents();
    }

    @Test
    void cannotRegisterWithoutAFileOrTrainer() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelCommand(ID, new byte[0], candidate(" "), null), ANN)
                .expectException(ModelInvalidException.class)
                .expectNoEvents();
    }

    @Test
    void cannotRegisterASampleOfTheWrongWidth() {
        ModelSample sample = new ModelSample(List.of(10.0), 0.5);
        fixture.givenNoPriorActivity()
                .when(
                        new RegisterModelCommand(
                                ID, FILE, candidate("ann", List.of("amount", "hour"), List.of(sample)), null),
                        ANN)
                .expectException(ModelInvalidException.class)
                .expectExceptionMessage("samples[0] has 1 values for 2 features")
                .expectNoEvents();
    }

    @Test
    void canApproveAnotherOnesCandidate() {
        fixture.given(registered(1))
                .when(new ApproveModelCommand(ID, 1, "looks right"), BOB)
                .expectEvents(new ModelApprovedEvent(ID, 1, "bob", now, "looks right"));
    }

    @Test
    void cannotApproveOnesOwnModel() {
        fixture.given(registered(1))
                .when(new ApproveModelCommand(ID, 1, null), ANN)
                .expectException(ModelRuleException.class)
                .expectNoEvents();
    }

    @Test
    void cannotApproveAModelOneTrainedThoughAnotherRegisteredIt() {
        fixture.given(new ModelRegisteredEvent(ID, version(1, "bob", "ann"), "ann", now, ""))
                .when(new ApproveModelCommand(ID, 1, null), BOB)
                .expectException(ModelRuleException.class)
                .expectNoEvents();
    }

    @Test
    void cannotApproveTwiceOrAnUnknownVersion() {
        fixture.given(registered(1), approved(1))
                .when(new ApproveModelCommand(ID, 1, null), CAROL)
                .expectException(ModelRuleException.class);
        fixture.given(registered(1))
                .when(new ApproveModelCommand(ID, 7, null), BOB)
                .expectException(ModelInvalidException.class);
    }

    @Test
    void canPromoteAnApprovedVersion() {
        fixture.given(registered(1), approved(1))
                .when(new PromoteModelCommand(ID, 1, null), BOB)
                .expectEvents(new ModelPromotedEvent(ID, version(1, "ann", "ann"), null, null, "bob", now, ""));
    }

    @Test
    void cannotPromoteACandidate() {
        fixture.given(registered(1))
                .when(new PromoteModelCommand(ID, 1, null), BOB)
                .expectException(ModelRuleException.class)
                .expectNoEvents();
    }

    @Test
    void cannotPromoteTheLiveVersionAgain() {
        fixture.given(registered(1), approved(1), promoted(1, null))
                .when(new PromoteModelCommand(ID, 1, null), BOB)
                .expectException(ModelRuleException.class);
    }

    private ModelPromotedEvent promoted(int number, Integer previous) {
        return new ModelPromotedEvent(ID, version(number, "ann", "ann"), previous, null, "bob", now, "");
    }

    @Test
    void canPromoteAnotherVersionReplacingTheLiveOne() {
        fixture.given(registered(1), approved(1), promoted(1, null), registered(2), approved(2))
                .when(new PromoteModelCommand(ID, 2, null), BOB)
                .expectEvents(new ModelPromotedEvent(ID, version(2, "ann", "ann"), 1, null, "bob", now, ""));
    }

    @Test
    void canShadowAnApprovedVersionBesideTheLiveOne() {
        fixture.given(registered(1), approved(1), promoted(1, null), registered(2), approved(2))
                .when(new ShadowModelCommand(ID, 2, null), BOB)
                .expectEvents(new ModelShadowedEvent(
                        ID, version(2, "ann", "ann"), version(1, "ann", "ann"), null, "bob", now, ""));
    }

    @Test
    void canShadowOnlyOneVersionAtATime() {
        fixture.given(
                        registered(1),
                        approved(1),
                        registered(2),
                        approved(2),
                        new ModelShadowedEvent(ID, version(1, "ann", "ann"), null, null, "bob", now, ""))
                .when(new ShadowModelCommand(ID, 2, null), BOB)
                .expectEvents(new ModelShadowedEvent(ID, version(2, "ann", "ann"), null, 1, "bob", now, ""));
    }

    @Test
    void cannotShadowACandidateOrTheLiveVersion() {
        fixture.given(registered(1))
                .when(new ShadowModelCommand(ID, 1, null), BOB)
                .expectException(ModelRuleException.class);
        fixture.given(registered(1), approved(1), promoted(1, null))
                .when(new ShadowModelCommand(ID, 1, null), BOB)
                .expectException(ModelRuleException.class);
    }

    @Test
    void canPromoteTheShadowVersionWhichLeavesTheShadow() {
        fixture.given(
                        registered(1),
                        approved(1),
                        new ModelShadowedEvent(ID, version(1, "ann", "ann"), null, null, "bob", now, ""))
                .when(new PromoteModelCommand(ID, 1, null), BOB)
                .expectEvents(new ModelPromotedEvent(ID, version(1, "ann", "ann"), null, null, "bob", now, ""));
    }

    @Test
    void canStopTheShadow() {
        fixture.given(
                        registered(1),
                        approved(1),
                        new ModelShadowedEvent(ID, version(1, "ann", "ann"), null, null, "bob", now, ""))
                .when(new StopModelShadowCommand(ID, null), BOB)
                .expectEvents(new ModelShadowStoppedEvent(ID, 1, null, "bob", now, ""));
    }

    @Test
    void cannotStopAShadowThatIsNot() {
        fixture.given(registered(1))
                .when(new StopModelShadowCommand(ID, null), BOB)
                .expectException(ModelRuleException.class);
    }

    @Test
    void canRollBackToThePreviousLiveVersion() {
        fixture.given(registered(1), approved(1), promoted(1, null), registered(2), approved(2), promoted(2, 1))
                .when(new RollBackModelCommand(ID, "v2 declines too much"), BOB)
                .expectEvents(new ModelRolledBackEvent(
                        ID, version(1, "ann", "ann"), 2, null, "bob", now, "v2 declines too much"));
    }

    @Test
    void canRollBackTwiceThroughTheLiveHistory() {
        fixture.given(
                        registered(1),
                        approved(1),
                        promoted(1, null),
                        registered(2),
                        approved(2),
                        promoted(2, 1),
                        registered(3),
                        approved(3),
                        promoted(3, 2),
                        new ModelRolledBackEvent(ID, version(2, "ann", "ann"), 3, null, "bob", now, ""))
                .when(new RollBackModelCommand(ID, null), BOB)
                .expectEvents(new ModelRolledBackEvent(ID, version(1, "ann", "ann"), 2, null, "bob", now, ""));
    }

    @Test
    void canRollBackTheFirstLiveVersionToNoModel() {
        fixture.given(registered(1), approved(1), promoted(1, null))
                .when(new RollBackModelCommand(ID, null), BOB)
                .expectEvents(new ModelRolledBackEvent(ID, null, 1, null, "bob", now, ""));
    }

    @Test
    void cannotRollBackWhenNoVersionIsLive() {
        fixture.given(
                        registered(1),
                        approved(1),
                        promoted(1, null),
                        new ModelRolledBackEvent(ID, null, 1, null, "bob", now, ""))
                .when(new RollBackModelCommand(ID, null), BOB)
                .expectException(ModelRuleException.class)
                .expectExceptionMessage("model risk: no version is live, so there is nothing to roll back");
    }

    @Test
    void canRollBackKeepingTheShadow() {
        fixture.given(
                        registered(1),
                        approved(1),
                        promoted(1, null),
                        registered(2),
                        approved(2),
                        promoted(2, 1),
                        registered(3),
                        approved(3),
                        new ModelShadowedEvent(
                                ID, version(3, "ann", "ann"), version(2, "ann", "ann"), null, "bob", now, ""))
                .when(new RollBackModelCommand(ID, null), BOB)
                .expectEvents(new ModelRolledBackEvent(
                        ID, version(1, "ann", "ann"), 2, version(3, "ann", "ann"), "bob", now, ""));
    }
}
