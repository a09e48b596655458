-- The training run each model version came from (null for an imported model and for versions registered before),
-- so that the console shows a run's registered version instead of registering it again.

ALTER TABLE model_version ADD COLUMN IF NOT EXISTS training_id VARCHAR(128);
