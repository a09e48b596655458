package io.vigil.web.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vigil.patterns.api.FindModelQuery;
import io.vigil.patterns.api.ModelOverview;
import io.vigil.patterns.api.ModelRuleException;
import io.vigil.patterns.api.ModelSource;
import io.vigil.patterns.api.ModelVersionState.State;
import io.vigil.patterns.api.RegisterModelCommand;
import io.vigil.scoring.api.CancelModelTrainingCommand;
import io.vigil.scoring.api.FindModelTrainingQuery;
import io.vigil.scoring.api.FindModelTrainingsQuery;
import io.vigil.scoring.api.LabelTime;
import io.vigil.scoring.api.ModelTrainingRefusedException;
import io.vigil.scoring.api.ModelTrainingStatus;
import io.vigil.scoring.api.ModelTrainings;
import io.vigil.scoring.api.StartModelTrainingCommand;
import io.vigil.scoring.api.TrainedModel;
import io.vigil.scoring.api.TrainingMetrics;
import io.vigil.scoring.api.TrainingMetrics.AtThreshold;
import io.vigil.scoring.api.TrainingMetrics.Evaluation;
import io.vigil.scoring.api.TrainingMetrics.Point;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import io.vigil.web.config.ConsoleConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Model trainings in the console: an analyst starts one from the model page, follows a running one (which polls while
 * it runs) and cancels it, reads a completed one's figures side by side with its charts' data, and registers its
 * model as a candidate; a viewer and an operator may do none of it. Each case runs with and without htmx's
 * HX-Request header.
 */
@WebMvcTest({TrainingsController.class, ModelsController.class})
@Import(ConsoleConfig.class)
class TrainingsControllerTest extends ConsoleMvcTestSupport {

    private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");

    static TrainedModel completed() {
        return completed(null);
    }

    /** A completed run; {@code live} is the model that was live during its held-out slice, null for none. */
    static TrainedModel completed(Evaluation live) {
        Evaluation model = new Evaluation(
                1000,
                40,
                0.95,
                0.625,
                new AtThreshold(50, 42, 36, 36.0 / 42, 0.9, 1234.5, 60),
                new AtThreshold(80, 30, 29, 29.0 / 30, 0.725, 1000, 5),
                List.of(new Point(0, 0), new Point(0.01, 0.8), new Point(1, 1)),
                List.of(new Point(0.5, 1), new Point(1, 0.04)),
                List.of(900L, 20L, 10L, 10L, 10L, 10L, 10L, 10L, 10L, 10L));
        Evaluation patterns = new Evaluation(
                1000,
                40,
                0.55,
                0.05,
                new AtThreshold(50, 100, 10, 0.1, 0.25, 300, 9000),
                new AtThreshold(80, 0, 0, Double.NaN, 0, 0, 0),
                List.of(new Point(0, 0), new Point(0.1, 0.25), new Point(1, 1)),
                List.of(new Point(0.25, 0.1), new Point(1, 0.04)),
                List.of(1000L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L));
        Map<String, Double> importance = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) {
            importance.put("features.f" + i, 100.0 - i);
        }
        return new TrainedModel(
                "tr-1",
                ModelTrainingStatus.COMPLETED,
                1,
                FROM,
                TO,
                TO.minus(Duration.ofDays(7)),
                Duration.ZERO,
                300,
                LabelTime.REPORTED,
                "anna",
                TO.plusSeconds(60),
                TO.plusSeconds(90),
                List.of("tx.amount", "features.f0"),
                new TrainingMetrics(3000, 120, model, patterns, live),
                importance,
                "{\"learner\": {}}".getBytes(StandardCharsets.UTF_8),
                null);
    }

    private static TrainedModel running() {
        return new TrainedModel(
                "tr-2",
                ModelTrainingStatus.RUNNING,
                0.4,
                FROM,
                TO,
                TO.minus(Duration.ofDays(7)),
                Duration.ofDays(3),
                300,
                LabelTime.STATED,
                "anna",
                TO.plusSeconds(60),
                null,
                List.of("tx.amount"),
                null,
                null,
                null,
                null);
    }

    /** The model page, where a plain form post lands back. */
    private void emptyModelPage() {
        answer(FindModelQuery.class, new ModelOverview("risk", null, null, List.of()));
        answer(FindModelTrainingsQuery.class, new ModelTrainings(List.of()));
    }

    private void training(TrainedModel run) {
        answer(FindModelTrainingQuery.class, Optional.of(run));
    }

    /** The risk model's versions: version 4 came from run {@code tr-1} when {@code registered}. */
    private void versions(boolean registered) {
        answer(
                FindModelQuery.class,
                new ModelOverview(
                        "risk",
                        null,
                        null,
                        registered
                                ? List.of(
                                        ModelsControllerTest.version(4, State.CANDIDATE, null, "tr-1"),
                                        ModelsControllerTest.version(3, State.CANDIDATE, null, "tr-0"),
                                        ModelsControllerTest.version(2, State.CANDIDATE, null, null))
                                : List.of(ModelsControllerTest.version(3, State.CANDIDATE, null, "tr-0"))));
        answer(FindModelTrainingsQuery.class, new ModelTrainings(List.of()));
    }

    @WithAndWithoutHtmx
    void aRunningTrainingShowsItsProgressPollsAndOffersCancel(boolean htmx) throws Exception {
        signedIn = ANALYST;
        training(running());

        String html = render(get("/models/trainings/tr-2"), htmx);

        assertShape(html, htmx, "Model");
        assertThat(html)
                .contains("running", "40%", "replaying the transactions", "hx-trigger=\"every 1s\"")
                .contains("/models/trainings/tr-2/cancel", "maturity <span>72 h</span>")
                .doesNotContain("Register as candidate", "data-chart");
        assertThat(queried(FindModelTrainingQuery.class).trainingId()).isEqualTo("tr-2");
    }

    @WithAndWithoutHtmx
    void aCompletedTrainingShowsItsFiguresSideBySideAndItsCharts(boolean htmx) throws Exception {
        signedIn = ANALYST;
        training(completed());
        versions(false);

        String html = render(get("/models/trainings/tr-1"), htmx);

        assertThat(html)
                .doesNotContain("every 1s", "/cancel", "id=\"training-registered\"")
                .contains("id=\"training-register\"", "Register as candidate");
        String metrics = section(html, "id=\"training-metrics\"");
        assertThat(metrics).contains("This model", "Patterns alone").doesNotContain("Model live then");
        assertThat(rowOf(metrics, "Average precision")).contains("0.625", "0.050");
        assertThat(rowOf(metrics, "Precision at decline (80)")).contains("0.967", "–");
        assertThat(rowOf(metrics, "Money wrongly stopped at review (50)")).contains("60.00", "9,000.00");
        assertThat(html)
                .contains("chart chart-roc", "chart chart-pr", "chart tall chart-importance")
                .contains("&quot;kind&quot;:&quot;curve&quot;", "[0.01,0.8]", "True positive rate")
                .contains("features.f19")
                .doesNotContain("features.f20");
        if (!htmx) {
            assertThat(html).contains("/webjars/echarts/5.3.1/dist/echarts.min.js", "/js/model-charts.js");
        }
    }

    @WithAndWithoutHtmx
    void theModelLiveDuringTheHeldOutSliceHasAColumnOfItsOwn(boolean htmx) throws Exception {
        signedIn = ANALYST;
        Evaluation live = new Evaluation(
                1000,
                40,
                0.81,
                0.333,
                new AtThreshold(50, 60, 24, 0.4, 0.6, 777.25, 432.1),
                new AtThreshold(80, 20, 15, 0.75, 0.375, 500, 12.5),
                List.of(new Point(0, 0), new Point(0.2, 0.6), new Point(1, 1)),
                List.of(new Point(0.6, 0.4), new Point(1, 0.04)),
                List.of(800L, 100L, 50L, 10L, 10L, 10L, 10L, 5L, 3L, 2L));
        training(completed(live));
        versions(false);

        String html = render(get("/models/trainings/tr-1"), htmx);

        String metrics = section(html, "id=\"training-metrics\"");
        // the live model's figures sit between this run's model and the patterns alone
        assertThat(metrics)
                .containsPattern("<th[^>]*>This model</th>\\s*<th[^>]*>Model live then</th>\\s*"
                        + "<th[^>]*>Patterns alone</th>");
        assertThat(cells(rowOf(metrics, ">AUC<"))).containsExactly("0.950", "0.810", "0.550");
        assertThat(cells(rowOf(metrics, "Average precision"))).containsExactly("0.625", "0.333", "0.050");
        assertThat(cells(rowOf(metrics, "Flagged at review (50)"))).containsExactly("42", "60", "100");
        assertThat(cells(rowOf(metrics, "Precision at decline (80)"))).containsExactly("0.967", "0.750", "–");
        assertThat(cells(rowOf(metrics, "Money caught at review (50)")))
                .containsExactly("1,234.50", "777.25", "300.00");
        assertThat(cells(rowOf(metrics, "Money wrongly stopped at decline (80)")))
                .containsExactly("5.00", "12.50", "0.00");
        // and its curves are drawn beside the others
        assertThat(html).contains("&quot;name&quot;:&quot;Model live then&quot;", "[0.2,0.6]", "[0.6,0.4]");
    }

    /** The values of a figures row's cells, in column order. */
    private static List<String> cells(String row) {
        return java.util.regex.Pattern.compile("<td[^>]*>([^<]*)</td>")
                .matcher(row)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    @WithAndWithoutHtmx
    void aRegisteredTrainingLinksToItsVersionInsteadOfOfferingRegistration(boolean htmx) throws Exception {
        signedIn = ANALYST;
        training(completed());
        versions(true);

        String html = render(get("/models/trainings/tr-1"), htmx);

        assertThat(section(html, "id=\"training-registered\"")).contains("href=\"/models#version-4\"", "version 4");
        assertThat(html).doesNotContain("id=\"training-register\"", "Register as candidate");
    }

    @WithAndWithoutHtmx
    void anUnknownTrainingIsNotFound(boolean htmx) throws Exception {
        signedIn = ANALYST;
        answer(FindModelTrainingQuery.class, Optional.empty());

        String html = render(get("/models/trainings/tr-nope"), htmx, 404);

        assertThat(html).contains("There is no model training tr-nope.");
    }

    @WithAndWithoutHtmx
    void anAnalystStartsATraining(boolean htmx) throws Exception {
        signedIn = ANALYST;
        training(running());

        MockHttpServletRequestBuilder request = post("/models/trainings")
                .param("from", "2026-10-01")
                .param("to", "2026-11-01T00:00")
                .param("maturityDays", "3")
                .param("trees", "50")
                .param("labelTime", "stated");
        if (htmx) {
            request.header("HX-Request", "true");
        }
        String id = mvc.perform(asOnThePage(request))
                .andExpect(htmx ? status().isOk() : status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getHeader(htmx ? "HX-Redirect" : "Location");

        StartModelTrainingCommand start = sent(StartModelTrainingCommand.class);
        assertThat(start.from()).isEqualTo(FROM);
        assertThat(start.to()).isEqualTo(TO);
        assertThat(start.maturity()).isEqualTo(Duration.ofDays(3));
        assertThat(start.trees()).isEqualTo(50);
        assertThat(start.labelTime()).isEqualTo(LabelTime.STATED);
        assertThat(start.holdoutFrom()).isNull();
        assertThat(id).isEqualTo("/models/trainings/" + start.trainingId());
    }

    @WithAndWithoutHtmx
    void aRefusedStartSaysWhyOnTheForm(boolean htmx) throws Exception {
        signedIn = ANALYST;
        emptyModelPage();
        willThrow(new ModelTrainingRefusedException(List.of("already 1 training(s) running on this Vigil"), true))
                .given(commands)
                .sendAndWait(any(StartModelTrainingCommand.class));

        String html =
                submit(post("/models/trainings").param("from", "2026-10-01").param("to", "2026-11-01"), htmx);

        assertThat(html).contains("The training was not started: already 1 training(s) running on this Vigil.");
    }

    @WithAndWithoutHtmx
    void aMistypedRangeIsNotSent(boolean htmx) throws Exception {
        signedIn = ANALYST;
        emptyModelPage();

        String html = submit(post("/models/trainings").param("from", "October").param("maturityDays", "-1"), htmx);

        assertThat(html)
                .contains("from must be a date such as 2026-11-01")
                .contains("to is required")
                .contains("maturity must be a number of days between 0 and 365");
        verifyNoInteractions(commands);
    }

    @WithAndWithoutHtmx
    void anAnalystCancelsARunningTraining(boolean htmx) throws Exception {
        signedIn = ANALYST;
        training(running());

        String html = submit(post("/models/trainings/tr-2/cancel"), htmx);

        assertThat(sent(CancelModelTrainingCommand.class)).isEqualTo(new CancelModelTrainingCommand("tr-2"));
        assertThat(html).contains("data-training=\"tr-2\"");
    }

    @WithAndWithoutHtmx
    void anAnalystRegistersACompletedTrainingAsACandidate(boolean htmx) throws Exception {
        signedIn = ANALYST;
        training(completed());
        emptyModelPage();
        given(commands.sendAndWait(any(RegisterModelCommand.class))).willReturn(4);

        String html = submit(post("/models/trainings/tr-1/register").param("comment", "October's labels"), htmx);

        RegisterModelCommand register = sent(RegisterModelCommand.class);
        assertThat(register.modelId()).isEqualTo("risk");
        assertThat(register.comment()).isEqualTo("October's labels");
        assertThat(register.candidate().source()).isEqualTo(ModelSource.TRAINED);
        assertThat(register.candidate().trainedBy()).isEqualTo("anna");
        assertThat(register.candidate().metrics())
                .containsEntry("model.average_precision", 0.625)
                .containsEntry("model.score_bin.0", 0.9)
                .doesNotContainKey("patterns.decline.precision");
        assertThat(html).contains("Registered as candidate version 4");
        if (htmx) {
            // the run's fragment comes back with a link to the version where the button was
            assertThat(html)
                    .contains("id=\"training-registered\"", "href=\"/models#version-4\"")
                    .doesNotContain("id=\"training-register\"", "Register as candidate");
        }
    }

    @WithAndWithoutHtmx
    void aTrainingRegisteredAlreadyIsNotRegisteredAgain(boolean htmx) throws Exception {
        signedIn = ANALYST;
        training(completed());
        versions(true);
        willThrow(new ModelRuleException("risk", "training tr-1 is registered already, as version 4"))
                .given(commands)
                .sendAndWait(any(RegisterModelCommand.class));

        String html = submit(post("/models/trainings/tr-1/register"), htmx);

        assertThat(html)
                .contains("Not registered: model risk: training tr-1 is registered already, as version 4.")
                .contains("href=\"/models#version-4\"")
                .doesNotContain("id=\"training-register\"");
    }

    @WithAndWithoutHtmx
    void aRunningTrainingCannotBeRegistered(boolean htmx) throws Exception {
        signedIn = ANALYST;
        training(running());

        String html = submit(post("/models/trainings/tr-2/register"), htmx);

        assertThat(html).contains("Not registered: only a completed training has a model to register.");
        verify(commands, never()).sendAndWait(any());
    }

    @WithAndWithoutHtmx
    void viewersAndOperatorsCannotTrainOrRegister(boolean htmx) throws Exception {
        for (var user : List.of(VIEWER, OPERATOR)) {
            signedIn = user;
            assertRefused(post("/models/trainings").param("from", "2026-10-01").param("to", "2026-11-01"), htmx);
            assertRefused(post("/models/trainings/tr-1/register"), htmx);
            assertRefused(post("/models/trainings/tr-2/cancel"), htmx);
            assertRefused(get("/models/trainings/tr-1"), htmx);
        }
    }

    @WithAndWithoutHtmx
    void aTrainingCannotBeStartedWithoutThePagesToken(boolean htmx) throws Exception {
        signedIn = ANALYST;
        assertRefusedWithoutCsrfToken(post("/models/trainings").param("from", "2026-10-01"), htmx);
    }
}
