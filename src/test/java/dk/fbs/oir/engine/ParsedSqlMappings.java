package dk.fbs.oir.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The test applications' process engines parse Camunda's SQL mappings (MyBatis) once per JVM and
 * database kind instead of once per application: about 1½ CPU-seconds of every application start.
 * The first engine's {@link SqlSessionFactory} is handed to each later one (Camunda's own way for
 * tests, {@code ProcessEngineConfigurationImpl#setSqlSessionFactory}), pointed at that engine's data
 * source and transactions. One application runs at a time in a test JVM ({@code SharedApplications}),
 * so one data source at a time uses the mappings. Every Spring test application gets this plugin
 * ({@link Registration}, META-INF/spring.factories); the application itself knows nothing of it.
 */
public final class ParsedSqlMappings implements ProcessEnginePlugin {

    /** By the JDBC URL's scheme ("jdbc:h2", "jdbc:postgresql"): the statements differ per database. */
    private static final Map<String, SqlSessionFactory> PARSED = new ConcurrentHashMap<>();

    private final PropertyResolver properties;

    ParsedSqlMappings(PropertyResolver properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        SqlSessionFactory parsed = PARSED.get(databaseKind());
        if (parsed != null) {
            configuration.setSqlSessionFactory(parsed);
        }
    }

    /** Before the engine first touches its database: the mappings use this engine's connections. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        SqlSessionFactory factory = configuration.getSqlSessionFactory();
        factory.getConfiguration()
                .setEnvironment(new Environment(
                        "default", configuration.getTransactionFactory(), configuration.getDataSource()));
        PARSED.putIfAbsent(databaseKind(), factory);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {}

    private String databaseKind() {
        String url = properties.getRequiredProperty("spring.datasource.url");
        return url.substring(0, url.indexOf(':', "jdbc:".length()));
    }

    /** Adds the plugin to every Spring test application. */
    public static class Registration implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    private record Customizer() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory()
                    .registerSingleton("parsedSqlMappings", new ParsedSqlMappings(context.getEnvironment()));
        }
    }
}
