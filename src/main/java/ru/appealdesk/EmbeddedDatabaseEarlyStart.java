package ru.appealdesk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the default run's embedded PostgreSQL on a thread of its own as soon as the context is created, so that
 * initdb and the server's start overlap the scanning of the configuration and the web server's creation instead of
 * following them; the {@code embeddedPostgres} bean then takes the started database ({@link #take}). Registered in
 * {@code META-INF/spring.factories}; does nothing when {@code spring.datasource.url} is set.
 */
final class EmbeddedDatabaseEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "appealdesk.embeddedDatabaseEarlyStart";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!context.getEnvironment().getProperty("spring.datasource.url", "").isEmpty()
                || !(context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry)) {
            return;
        }
        EmbeddedDatabaseConfiguration.EmbeddedDbProperties properties = Binder.get(context.getEnvironment())
                .bindOrCreate("appealdesk.embedded-db",
                        Bindable.of(EmbeddedDatabaseConfiguration.EmbeddedDbProperties.class));
        Pending pending = new Pending(properties);
        registry.registerSingleton(BEAN, pending);
        registry.registerDisposableBean(BEAN, pending);
        Thread thread = new Thread(pending::run, "embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** The database being started: taken by the bean, or stopped with the context when nothing took it. */
    static final class Pending implements DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(Pending.class);
        private final EmbeddedDatabaseConfiguration.EmbeddedDbProperties properties;
        private final CompletableFuture<EmbeddedPostgresLauncher.Started> started = new CompletableFuture<>();
        private final AtomicBoolean taken = new AtomicBoolean();

        Pending(EmbeddedDatabaseConfiguration.EmbeddedDbProperties properties) {
            this.properties = properties;
        }

        private void run() {
            try {
                started.complete(EmbeddedPostgresLauncher.start(properties));
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }

        /**
         * The database started early, once; or a new start when the settings the bean was given differ from those
         * read when the context was created (a property source added later), the early one stopped first.
         */
        EmbeddedPostgresLauncher.Started take(EmbeddedDatabaseConfiguration.EmbeddedDbProperties wanted)
                throws Exception {
            if (!taken.compareAndSet(false, true)) {
                return EmbeddedPostgresLauncher.start(wanted);
            }
            EmbeddedPostgresLauncher.Started early;
            try {
                early = started.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            if (properties.equals(wanted)) {
                return early;
            }
            log.info("The embedded database's settings changed after the early start: restarting it with {}", wanted);
            early.destroy();
            return EmbeddedPostgresLauncher.start(wanted);
        }

        @Override
        public void destroy() throws Exception {
            if (taken.compareAndSet(false, true)) {
                try {
                    started.join().destroy();
                } catch (CompletionException e) {
                    log.debug("The early start of the embedded database had failed", e.getCause());
                }
            }
        }
    }
}
