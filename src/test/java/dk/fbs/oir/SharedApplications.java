package dk.fbs.oir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Test classes that use the same application (the same Spring test configuration: the key of
 * Spring's context cache) share it, and one application runs at a time in a JVM: two process
 * engines named "default" cannot run side by side (Camunda registers each under its name). So the
 * classes of one application run one after another ({@link Order}, junit-platform.properties),
 * and the application closes after the last of them ({@link CloseAfterLastUser},
 * META-INF/spring.factories), before the next application starts. The last ordering is the one
 * that runs: Surefire and Failsafe first discover each class alone (to find the test classes), then
 * run them all in one request. A test that must have an application of its own says so with
 * {@code @DirtiesContext} and why.
 */
public final class SharedApplications {

    /** The test classes of the last ordering, and those after which their application is no longer used. */
    private static final Set<Class<?>> ORDERED = ConcurrentHashMap.newKeySet();

    private static final Set<Class<?>> LAST_USERS = ConcurrentHashMap.newKeySet();

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
            List<? extends ClassDescriptor> classes = context.getClassDescriptors();
            ORDERED.clear();
            LAST_USERS.clear();
            classes.sort(Comparator.comparingInt(test -> firstUse.indexOf(applications.get(test))));
            for (int i = 0; i < classes.size(); i++) {
                ORDERED.add(classes.get(i).getTestClass());
                if (i == classes.size() - 1
                        || !applications.get(classes.get(i)).equals(applications.get(classes.get(i + 1)))) {
                    LAST_USERS.add(classes.get(i).getTestClass());
                }
            }
        }
    }

    /** Closes a class's application after it unless the next class uses the same one. */
    public static class CloseAfterLastUser implements TestExecutionListener {
        @Override
        public void afterTestClass(TestContext testContext) {
            Class<?> test = testContext.getTestClass();
            if (!ORDERED.contains(test) || LAST_USERS.contains(test)) {
                testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
            }
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
