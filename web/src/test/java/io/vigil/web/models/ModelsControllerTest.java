package io.vigil.web.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.vigil.patterns.api.ApproveModelCommand;
import io.vigil.patterns.api.FindModelQuery;
import io.vigil.patterns.api.ModelOverview;
import io.vigil.patterns.api.ModelRuleException;
import io.vigil.patterns.api.ModelSource;
import io.vigil.patterns.api.ModelVersion;
import io.vigil.patterns.api.ModelVersionState;
import io.vigil.patterns.api.ModelVersionState.State;
import io.vigil.patterns.api.PromoteModelCommand;
import io.vigil.patterns.api.RollBackModelCommand;
import io.vigil.scoring.api.FindLiveScoreDistributionQuery;
import io.vigil.scoring.api.FindModelTrainingsQuery;
import io.vigil.scoring.api.LiveScoreDistribution;
import io.vigil.scoring.api.ModelTrainings;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import io.vigil.web.config.ConsoleConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;

/**
 * The risk model page: the versions and their states for analysts, the lifecycle buttons for approvers only, each
 * step sent as a command, a refusal shown. Each case runs with and without htmx's HX-Request header.
 */
@WebMvcTest(ModelsController.class)
@Import(ConsoleConfig.class)
class ModelsControllerTest extends ConsoleMvcTestSupport {

    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    private static ModelVersionState version(int number, State state, String approvedBy) {
        return version(number, state, approvedBy, null);
    }

    /** A version trained by anna, from the training run given (null: imported or unknown). */
    static ModelVersionState version(int number, State state, String approvedBy, String trainingId) {
        return new ModelVersionState(
                new ModelVersion(
                        "risk",
                        number,
                        "vigil-model-risk-v" + number,
                        "ab".repeat(32),
                        1000,
                        List.of("tx.amount", "tx.hour_utc"),
                        Map.of("auc", 0.912),
                        Instant.parse("2026-10-01T00:00:00Z"),
                        Instant.parse("2026-11-01T00:00:00Z"),
                        "anna",
                        ModelSource.TRAINED,
                        "anna",
                        AT,
                        trainingId),
                state,
                approvedBy,
                approvedBy == null ? null : AT);
    }

    private void models() {
        answer(
                FindModelQuery.class,
                new ModelOverview(
                        "risk", 2, null, List.of(version(3, State.CANDIDATE, null), version(2, State.LIVE, "apollo"))));
        answer(FindModelTrainingsQuery.class, new ModelTrainings(List.of(TrainingsControllerTest.completed())));
        answer(FindLiveScoreDistributionQuery.class, new LiveScoreDistribution(2, bins(30, 70)));
    }

    private static List<Long> bins(long first, long second) {
        return List.of(first, second, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    }

    @WithAndWithoutHtmx
    void thePageShowsTheLiveVersionsStabilityIndex(boolean htmx) throws Exception {
        signedIn = ANALYST;
        Map<String, Double> metrics = new java.util.HashMap<>(Map.of("model.auc", 0.95));
        for (int i = 0; i < 10; i++) {
            metrics.put("model.score_bin." + i, i < 2 ? 0.5 : 0.0);
        }
        ModelVersionState live = version(2, State.LIVE, "apollo");
        ModelVersion withBins = new ModelVersion(
                "risk",
                2,
                "vigil-model-risk-v2",
                "ab".repeat(32),
                1000,
                List.of("tx.amount"),
                metrics,
                live.version().trainedFrom(),
                live.version().trainedTo(),
                "anna",
                ModelSource.TRAINED,
                "anna",
                AT,
                null);
        answer(
                FindModelQuery.class,
                new ModelOverview("risk", 2, null, List.of(new ModelVersionState(withBins, State.LIVE, "apollo", AT))));
        answer(FindModelTrainingsQuery.class, new ModelTrainings(List.of()));
        answer(FindLiveScoreDistributionQuery.class, new LiveScoreDistribution(2, bins(30, 70)));

        String html = render(get("/models"), htmx);

        // slice 50% / 50% in the first two tenths, live 30 / 70: PSI 0.169 (PopulationStabilityTest)
        assertThat(html)
                .contains("Stability of version <span>2</span>", "0.169", "a moderate shift", "100</span> decisions");
        assertThat(html).doesNotContain("model.score_bin");
    }

    @WithAndWithoutHtmx
    void aVersionShowsItsHeadlineFiguresFirstAndTheRestOnRequest(boolean htmx) throws Exception {
        signedIn = ANALYST;
        Map<String, Double> metrics = new java.util.HashMap<>();
        metrics.put("model.review.recall", 0.717);
        metrics.put("train_rows", 1459.0);
        metrics.put("model.auc", 0.979);
        metrics.put("model.average_precision", 0.901);
        metrics.put("patterns.auc", 0.5);
        metrics.put("model.score_bin.0", 0.9);
        ModelVersion v = version(1, State.CANDIDATE, null).version();
        ModelVersion trained = new ModelVersion(
                "risk",
                1,
                v.document(),
                v.sha256(),
                v.size(),
                v.features(),
                metrics,
                v.trainedFrom(),
                v.trainedTo(),
                "anna",
                ModelSource.TRAINED,
                "anna",
                AT,
                "tr-1");
        answer(
                FindModelQuery.class,
                new ModelOverview(
                        "risk", null, null, List.of(new ModelVersionState(trained, State.CANDIDATE, null, null))));
        answer(FindModelTrainingsQuery.class, new ModelTrainings(List.of()));

        String html = render(get("/models"), htmx);

        String cell = html.substring(
                html.indexOf("class=\"metrics-list\""), html.indexOf("</td>", html.indexOf("class=\"metrics-list\"")));
        String headline = cell.substring(0, cell.indexOf("<details"));
        assertThat(headline)
                .containsSubsequence("model.auc 0.979", "model.average_precision 0.901", "model.review.recall 0.717")
                .doesNotContain("train_rows");
        assertThat(cell.substring(cell.indexOf("<details")))
                .containsSubsequence("model.auc 0.979", "model.review.recall 0.717", "train_rows 1459<")
                .doesNotContain("patterns.auc", "score_bin");
    }

    @WithAndWithoutHtmx
    void aVersionWithoutItsSlicesDistributionHasNoIndex(boolean htmx) throws Exception {
        signedIn = ANALYST;
        models();

        String html = render(get("/models"), htmx);

        assertThat(html).contains("Stability of version <span>2</span>", "not known: the version keeps no score");
    }

    @WithAndWithoutHtmx
    void analystsSeeTheTrainingFormAndTheLatestRuns(boolean htmx) throws Exception {
        signedIn = ANALYST;
        models();

        String html = render(get("/models"), htmx);

        if (htmx) { // the versions' fragment, which the lifecycle buttons swap, holds no training
            assertThat(html).contains("model-versions").doesNotContain("start-training");
            return;
        }
        assertThat(html).contains("id=\"start-training\"", "Start training");
        assertThat(rowOf(html, "data-training=\"tr-1\""))
                .contains("completed", "2026-10-01 to 2026-11-01", "0.950", "0.625", "/models/trainings/tr-1");
        assertThat(queried(FindModelTrainingsQuery.class).limit()).isEqualTo(20);
    }

    @WithAndWithoutHtmx
    void analystsSeeTheVersionsWithoutTheApproversButtons(boolean htmx) throws Exception {
        signedIn = ANALYST;
        models();

        String html = render(get("/models"), htmx);

        assertThat(html).contains("version 2", "auc 0.912", "2026-10-01 to 2026-11-01");
        assertThat(rowOf(html, "data-version=\"3\"")).contains("candidate");
        assertThat(rowOf(html, "data-version=\"2\"")).contains("live", "by apollo");
        assertThat(html).doesNotContain("/models/3/approve", "/models/rollback");
    }

    @WithAndWithoutHtmx
    void anApproverApprovesACandidate(boolean htmx) throws Exception {
        signedIn = APPROVER;
        models();

        String html = submit(post("/models/3/approve").param("comment", "checked"), htmx);

        assertThat(sent(ApproveModelCommand.class)).isEqualTo(new ApproveModelCommand("risk", 3, "checked"));
        assertThat(html).contains("Version 3 approved.", "/models/rollback");
    }

    @WithAndWithoutHtmx
    void aRefusedStepSaysWhy(boolean htmx) throws Exception {
        signedIn = APPROVER;
        models();
        willThrow(new ModelRuleException("risk", "version 3 is a candidate, not approved, so it cannot be promoted"))
                .given(commands)
                .sendAndWait(any(PromoteModelCommand.class));

        String html = submit(post("/models/3/promote"), htmx);

        assertThat(html).contains("Not done: model risk: version 3 is a candidate, not approved");
    }

    @WithAndWithoutHtmx
    void anApproverRollsTheModelBack(boolean htmx) throws Exception {
        signedIn = APPROVER;
        models();

        submit(post("/models/rollback").param("comment", "too many declines"), htmx);

        assertThat(sent(RollBackModelCommand.class)).isEqualTo(new RollBackModelCommand("risk", "too many declines"));
    }

    @WithAndWithoutHtmx
    void analystsCannotApprovePromoteOrRollBack(boolean htmx) throws Exception {
        signedIn = ANALYST;
        assertRefused(post("/models/3/approve"), htmx);
        assertRefused(post("/models/3/promote"), htmx);
        assertRefused(post("/models/rollback"), htmx);
    }
}
