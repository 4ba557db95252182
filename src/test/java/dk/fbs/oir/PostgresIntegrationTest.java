package dk.fbs.oir;

import dk.fbs.oir.simulator.SimulatorTestControls;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a PostgreSQL database of its own ({@link PostgresTestDatabase}), on a
 * random port, with the simulated debtor systems, the job executor running, its SOAP calls recorded
 * ({@link SoapCallRecorder}) and a clock the test can move ({@link MutableClock}). Integration tests
 * with the same {@code properties} that run one after another in a JVM share one application and its
 * database ({@link SharedApplications}): they use their own charges (new ids) and give back what
 * they change (the clock, the simulator's behaviour).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "test"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@Import({SoapCallRecorder.Registration.class, MutableClock.Registration.class, SimulatorTestControls.Registration.class
})
public @interface PostgresIntegrationTest {

    /** Settings of this test's own application (another set of properties is another application). */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}
