package io.vigil.scoring.inference;

import io.vigil.patterns.api.ModelCheck;
import io.vigil.patterns.api.ModelRef;
import io.vigil.patterns.api.ModelSample;
import io.vigil.scoring.model.ModelFeatures;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The patterns module's {@link ModelCheck}, with the code scoring scores with: every feature must be a model feature
 * ({@link ModelFeatures#known}), the file must load with XGBoost4J and take as many features as are named, and each
 * sample must get the trainer's prediction back within {@value ModelCheck#TOLERANCE}.
 */
@Component
class BoosterModelCheck implements ModelCheck {

    @Override
    public List<String> problems(byte[] model, List<String> features, List<ModelSample> samples) {
        List<String> problems = new ArrayList<>();
        for (String feature : features) {
            if (!ModelFeatures.known(feature)) {
                problems.add("feature " + feature + " does not exist: the model features are listed in docs/models.md");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        LoadedModel loaded;
        try {
            loaded = LoadedModel.load(new ModelRef("check", 0, "", "", features), model);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        try {
            for (int i = 0; i < samples.size(); i++) {
                ModelSample sample = samples.get(i);
                double scored = loaded.probability(row(sample));
                if (!(Math.abs(scored - sample.prediction()) <= TOLERANCE)) {
                    problems.add("samples[" + i + "] is scored " + scored + " by Vigil and " + sample.prediction()
                            + " by the trainer (more than " + TOLERANCE + " apart)");
                }
            }
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        } finally {
            loaded.close();
        }
        return problems;
    }

    private static float[] row(ModelSample sample) {
        float[] row = new float[sample.values().size()];
        for (int i = 0; i < row.length; i++) {
            Double value = sample.values().get(i);
            row[i] = value == null ? Float.NaN : value.floatValue();
        }
        return row;
    }
}
