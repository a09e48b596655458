package io.vigil.access.config;

import io.vigil.access.keys.ApiKeySettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the access module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeySettings.class)
class AccessConfig {}
