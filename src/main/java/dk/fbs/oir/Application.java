package dk.fbs.oir;

import java.time.Clock;
import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** FBS' debtor integration through ØiR: a Camunda 7 process application. */
@SpringBootApplication
@EnableProcessApplication
@ConfigurationPropertiesScan
public class Application {

    /** Every "now" in the application and the simulator comes from here, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
