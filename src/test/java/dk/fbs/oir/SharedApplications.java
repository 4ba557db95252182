package dk.fbs.oir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.TestContext;

/**
 * Test classes that use the same application (the same Spring test configuration: the key of
 * Spring's context cache) share it, and one application runs at a time in a JVM: two process
 * engines named "default" cannot run side by side (Camunda registers each under its name), and a
 * process test's own engine is one too. So the application stays open while the classes that run
 * next use it, and closes when a class that needs another application, or none, starts ({@link
 * CloseOnChange}, META-INF/services), or when the JVM's tests end. Where a JVM gets all its classes at once
 * (an IDE; Surefire or Failsafe with {@code -DforkCount=1}), the classes of one application run one
 * after another ({@link Order}, junit-platform.properties); where it gets them one at a time (the
 * build's two JVMs per phase), a class shares the application of the class before it if that has
 * the same configuration. A test that must have an application of its own says so with
 * {@code @DirtiesContext} and why.
 */
public final class SharedApplications {

    /** The test context of a class of the open application (null: none is open). */
    private static TestContext open;

    private SharedApplications() {}

    /** Groups the classes by application, in the order each application is first used; otherwise unchanged. */
    public static class Order implements ClassOrderer {
        @Override
        public void orderClasses(ClassOrdererContext context) {
            Map<ClassDescriptor, Object> applications = new HashMap<>();
            List<Object> firstUse = new ArrayList<>();
            for (ClassDescriptor test : context.getClassDescriptors()) {
                Object application = application(test.getTestClass());
                applications.put(test, application);
                if (!firstUse.contains(application)) {
                    firstUse.add(application);
                }
            }
            context.getClassDescriptors()
                    .sort(Comparator.comparingInt(test -> firstUse.indexOf(applications.get(test))));
        }
    }

    /** Remembers the application a Spring test class runs with (META-INF/spring.factories). */
    public static class RememberOpen implements org.springframework.test.context.TestExecutionListener {
        @Override
        public void beforeTestClass(TestContext testContext) {
            open = testContext;
        }
    }

    /**
     * Closes the open application when a top-level test class with another application, or none,
     * starts, and at the end of the launcher session (META-INF/services).
     */
    public static class CloseOnChange implements TestExecutionListener, LauncherSessionListener {
        @Override
        public void executionStarted(TestIdentifier identifier) {
            if (identifier.getSource().orElse(null) instanceof ClassSource source
                    && source.getJavaClass().getEnclosingClass() == null
                    && open != null
                    && !application(open.getTestClass()).equals(application(source.getJavaClass()))) {
                close();
            }
        }

        @Override
        public void launcherSessionClosed(LauncherSession session) {
            if (open != null) {
                close();
            }
        }

        private static void close() {
            open.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
            open = null;
        }
    }

    /** The class's Spring test configuration, or the class itself when it starts no application. */
    private static Object application(Class<?> test) {
        if (!MergedAnnotations.from(test, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(BootstrapWith.class)) {
            return test;
        }
        return BootstrapUtils.resolveTestContextBootstrapper(test).buildMergedContextConfiguration();
    }
}
