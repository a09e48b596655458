package io.vigil.web.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console's beans: the clock its pages and actions read the time from (UTC, the console's time zone). */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
