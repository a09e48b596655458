package io.vigil;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Assembles ingest, patterns, scoring, analytics and the web console into one application. */
@SpringBootApplication
@EnableScheduling
public class VigilApplication {

    public static void main(String[] args) {
        SpringApplication.run(VigilApplication.class, args);
    }
}
