package ru.appealdesk.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Binds the settings records as the start-up binds them: {@code application.yml} (with its mappings of environment
 * variables and former names) under the given properties, every {@code @ConfigurationProperties} record of the
 * application bound and validated by Spring Boot's own binder, in a context that holds nothing else.
 */
public final class Settings {

    private Settings() {
    }

    /** The record bound from these properties (and no environment variables); {@code prefix} must be its own. */
    public static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
        if (annotation == null || !prefix.equals(annotation.prefix().isEmpty() ? annotation.value()
                : annotation.prefix())) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not bound to " + prefix);
        }
        return bind(type, values, Map.of());
    }

    /** The record bound from these properties and these environment variables (instead of the machine's). */
    public static <T> T bind(Class<T> type, Map<String, String> values, Map<String, String> environment) {
        Object[] bound = new Object[1];
        runner(values, environment).run(context -> {
            if (context.getStartupFailure() != null) {
                throw new IllegalStateException("the start-up fails: " + refusal(context.getStartupFailure()),
                        context.getStartupFailure());
            }
            bound[0] = context.getBean(type);
        });
        return type.cast(bound[0]);
    }

    /**
     * What the start-up reports when these properties are refused: Spring Boot's description of the failure (for a
     * refused value "Property: &lt;key&gt;", its value and "Reason: …"). Fails when the start-up does not.
     */
    public static String refusal(Map<String, String> values) {
        String[] description = new String[1];
        runner(values, Map.of()).run(context -> {
            if (context.getStartupFailure() == null) {
                throw new AssertionError("the settings " + values + " were accepted");
            }
            description[0] = refusal(context.getStartupFailure());
        });
        return description[0];
    }

    /** The reason the start-up gives for refusing {@code key} set to {@code value}; see {@link #reason(Map, String)}. */
    public static String reason(String key, String value) {
        return reason(Map.of(key, value), key);
    }

    /**
     * The reason the start-up gives for refusing {@code key} when these properties are set: the "Reason" of the
     * refusal's entry whose property or origin is that key. Fails when the start-up does not fail, or fails for
     * another reason.
     */
    public static String reason(Map<String, String> values, String key) {
        String description = refusal(values);
        ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
        for (String entry : description.split("\\R\\s*\\R")) {
            Matcher property = Pattern.compile("Property: (\\S+)").matcher(entry);
            boolean named = property.find() && ConfigurationPropertyName.adapt(property.group(1), '.').equals(name);
            Matcher reason = Pattern.compile("Reason: (.*)").matcher(entry);
            if ((named || entry.contains("Origin: \"" + key + "\"")) && reason.find()) {
                return reason.group(1);
            }
        }
        throw new AssertionError(values + " were refused, but not for " + key + ":\n" + description);
    }

    private static String refusal(Throwable failure) {
        for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation(Settings.class
                .getClassLoader()).load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage(
                        (message, e) -> { }))) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis.getDescription();
            }
        }
        return String.valueOf(failure);
    }

    private static ApplicationContextRunner runner(Map<String, String> values, Map<String, String> environment) {
        return new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                new LinkedHashMap<>(environment))))
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withInitializer(context -> given(context, values))
                .withUserConfiguration(AllSettings.class);
    }

    private static void given(ConfigurableApplicationContext context, Map<String, String> values) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("given", new LinkedHashMap<>(values)));
    }

    /** Every settings record of the application, and nothing else. */
    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("ru.appealdesk")
    static class AllSettings {
    }
}
