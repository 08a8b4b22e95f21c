package ru.appealdesk;

import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL (zonky) when no {@code spring.datasource.url} is configured, so the service
 * runs on a fresh machine with nothing installed. Its data stays in {@code appealdesk.embedded-db.data-dir}; it
 * is durable (fsync and synchronous commit on) and requires a password (see {@link EmbeddedPostgresLauncher}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.EmbeddedDbProperties.class)
class EmbeddedDatabaseConfiguration {

    /**
     * The embedded database's settings ({@code appealdesk.embedded-db.*}).
     *
     * @param dataDir Where the embedded PostgreSQL keeps its files
     * @param port Its port; 0 picks a free one
     * @param clean Wipe the data directory at start-up
     * @param password The password of its postgres user; blank: generated at the first start and kept in the data
     *                 directory (appealdesk-db-password, mode 0600)
     * @param startupWait How long the server may take to accept connections after it was started (a slow or busy
     *                    machine may need more); then the start fails and the server is stopped
     */
    @ConfigurationProperties("appealdesk.embedded-db")
    record EmbeddedDbProperties(Path dataDir, int port, boolean clean, String password,
                                @DefaultValue("10s") Duration startupWait) {
        EmbeddedDbProperties {
            dataDir = dataDir == null ? Path.of("data") : dataDir;
            password = password == null ? "" : password;
            startupWait = startupWait == null ? Duration.ofSeconds(10) : startupWait;
        }

        @Override
        public String toString() {
            return "EmbeddedDbProperties[dataDir=" + dataDir + ", port=" + port + ", clean=" + clean
                    + ", password=" + (password.isEmpty() ? "<generated>" : "<set>") + "]";
        }
    }

    /** The database {@link EmbeddedDatabaseEarlyStart} began starting with the context, else started now. */
    @Bean
    EmbeddedPostgresLauncher.Started embeddedPostgres(EmbeddedDbProperties properties,
            ObjectProvider<EmbeddedDatabaseEarlyStart.Pending> early) throws Exception {
        EmbeddedDatabaseEarlyStart.Pending pending = early.getIfAvailable();
        return pending == null ? EmbeddedPostgresLauncher.start(properties) : pending.take(properties);
    }

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    DataSource dataSource(EmbeddedPostgresLauncher.Started database) {
        EmbeddedPostgres postgres = database.postgres();
        HikariDataSource dataSource = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username(EmbeddedPostgresLauncher.USER)
                .password(database.password())
                .build();
        dataSource.setPoolName("appealdesk-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
