package io.vigil.scoring.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScoringSettings.class, BacktestSettings.class, TrainingSettings.class})
class ScoringConfig {}
