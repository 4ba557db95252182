package dk.fbs.oir;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Awaitility looks at once and then every 25 ms (its defaults: after 100 ms, every 100 ms): the
 * application tests wait for jobs, events and answers hundreds of times each, mostly for a few
 * milliseconds. Each test's own timeout stays. Registered in META-INF/spring.factories.
 */
public class QuickPolling implements TestExecutionListener {

    @Override
    public void beforeTestClass(TestContext testContext) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(25));
    }
}
