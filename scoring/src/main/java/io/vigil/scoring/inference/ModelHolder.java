package io.vigil.scoring.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.ingest.api.ModelScore;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.FindModelFileQuery;
import io.vigil.patterns.api.ModelChoice;
import io.vigil.patterns.api.ModelFile;
import io.vigil.patterns.api.ModelRef;
import io.vigil.scoring.api.FindLiveScoreDistributionQuery;
import io.vigil.scoring.api.LiveScoreDistribution;
import io.vigil.scoring.decision.ModelScores;
import io.vigil.scoring.features.FeatureSnapshot;
import io.vigil.scoring.model.ModelInputs;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The live and shadow models this node scores with. When the pattern set names other versions ({@link ModelChoice}),
 * each new one is read from its document's attachment, checked against its checksum, loaded and warmed with
 * {@value #WARM_UP_ROUNDS} predictions and explanations of made-up rows before it replaces the one before in a single
 * volatile write, so no decision waits for a load or pays for a cold model. A model that fails to read, load or warm
 * is not installed: the one before stays (and is counted in {@code vigil.model.load.failures}). A replaced model is
 * left to the garbage collector, which frees its native memory once no decision in flight uses it.
 */
@Component
public class ModelHolder {

    static final int WARM_UP_ROUNDS = 50;
    private static final Logger log = LoggerFactory.getLogger(ModelHolder.class);

    private final Function<String, byte[]> files;
    private final ModelInputs inputs;
    private final Timer loads;
    private final Counter failures;
    private volatile LoadedModel live;
    private volatile LoadedModel shadow;
    private final ScoreDistribution liveScores = new ScoreDistribution(System::currentTimeMillis);

    @Autowired
    ModelHolder(QueryGateway queries, ModelInputs inputs, MeterRegistry meters) {
        this(
                document -> queries.query(new FindModelFileQuery(document), ResponseTypes.instanceOf(ModelFile.class))
                        .join()
                        .bytes(),
                inputs,
                meters);
    }

    public ModelHolder(Function<String, byte[]> files, ModelInputs inputs, MeterRegistry meters) {
        this.files = files;
        this.inputs = inputs;
        this.loads = Timer.builder("vigil.model.load")
                .description("Time to read, load and warm up a model version before it replaces the one before")
                .register(meters);
        this.failures = Counter.builder("vigil.model.load.failures")
                .description("Model versions that could not be read, loaded or warmed up (the one before stays)")
                .register(meters);
    }

    /** Installs the versions the pattern set names (loading those not installed yet); never throws. */
    public synchronized void choose(ModelChoice choice) {
        live = installed(live, choice.live(), "live");
        shadow = installed(shadow, choice.shadow(), "shadow");
    }

    private LoadedModel installed(LoadedModel current, ModelRef wanted, String role) {
        if (wanted == null) {
            if (current != null) {
                log.info("No {} model any more ({} is out)", role, current.ref().label());
            }
            return null;
        }
        if (current != null && sameVersion(current.ref(), wanted)) {
            return current;
        }
        if (live != null && sameVersion(live.ref(), wanted)) {
            return live; // the shadow version was the live one, or the other way round
        }
        if (shadow != null && sameVersion(shadow.ref(), wanted)) {
            return shadow;
        }
        long start = System.nanoTime();
        try {
            LoadedModel loaded = load(wanted);
            long took = System.nanoTime() - start;
            loads.record(java.time.Duration.ofNanos(took));
            log.info(
                    "Scoring with {} model {} (read, loaded and warmed in {} ms)",
                    role,
                    wanted.label(),
                    took / 1_000_000);
            return loaded;
        } catch (RuntimeException e) {
            failures.increment();
            log.error(
                    "The {} model {} could not be loaded; {}",
                    role,
                    wanted.label(),
                    current == null
                            ? "scoring goes on without one"
                            : "scoring goes on with " + current.ref().label(),
                    e);
            return current;
        }
    }

    /** Reads, checks, loads and warms one version. */
    LoadedModel load(ModelRef ref) {
        byte[] file = files.apply(ref.document());
        String sha256 = sha256(file);
        if (ref.sha256() != null && !ref.sha256().isEmpty() && !ref.sha256().equals(sha256)) {
            throw new IllegalStateException("the file of " + ref.label() + " has checksum " + sha256 + ", not "
                    + ref.sha256() + " as registered");
        }
        LoadedModel model = LoadedModel.load(ref, file);
        warmUp(model);
        return model;
    }

    private static void warmUp(LoadedModel model) {
        int width = model.ref().features().size();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            float[] row = new float[width];
            for (int f = 0; f < width; f++) {
                row[f] = i % 5 == 0 && f % 3 == 0 ? Float.NaN : (float) random.nextDouble(0, 1000);
            }
            model.explain(row);
        }
    }

    private static boolean sameVersion(ModelRef a, ModelRef b) {
        return a.version() == b.version()
                && Objects.equals(a.modelId(), b.modelId())
                && Objects.equals(a.sha256(), b.sha256());
    }

    /** The live model's score with its explanation, and the shadow model's score; none when no model is loaded. */
    public ModelScores score(TransactionDetails tx, FeatureSnapshot snapshot) {
        LoadedModel liveNow = live;
        LoadedModel shadowNow = shadow;
        ModelScore liveScore = liveNow == null
                ? null
                : liveNow.explain(inputs.vector(liveNow.ref().features(), tx, snapshot));
        if (liveScore != null) {
            liveScores.record(liveNow.ref().version(), liveScore.score());
        }
        ModelScore shadowScore = shadowNow == null
                ? null
                : shadowNow.score(inputs.vector(shadowNow.ref().features(), tx, snapshot));
        return liveScore == null && shadowScore == null ? ModelScores.NONE : new ModelScores(liveScore, shadowScore);
    }

    /** How the live model scored this node's decisions over the last day (for the model's stability index). */
    @QueryHandler
    LiveScoreDistribution handle(FindLiveScoreDistributionQuery query) {
        LoadedModel now = live;
        ScoreDistribution.Snapshot counted = liveScores.lastDay();
        if (now == null) {
            return new LiveScoreDistribution(
                    null, counted.bins().stream().map(b -> 0L).toList());
        }
        if (counted.version() != now.ref().version()) {
            return new LiveScoreDistribution(
                    now.ref().version(), counted.bins().stream().map(b -> 0L).toList());
        }
        return new LiveScoreDistribution(now.ref().version(), counted.bins());
    }

    /** The live model itself, for evaluating it beside a training's model on the same rows; null when none. */
    public LoadedModel liveModel() {
        return live;
    }

    /** The live model's version, if any. */
    public ModelRef live() {
        LoadedModel now = live;
        return now == null ? null : now.ref();
    }

    /** The shadow model's version, if any. */
    public ModelRef shadow() {
        LoadedModel now = shadow;
        return now == null ? null : now.ref();
    }

    static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
