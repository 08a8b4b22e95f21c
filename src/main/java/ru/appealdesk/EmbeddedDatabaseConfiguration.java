package ru.appealdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts an embedded PostgreSQL (zonky) when no {@code spring.datasource.url} is configured, so the service
 * runs on a fresh machine with nothing installed. Its data stays in {@code appealdesk.embedded-db.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.EmbeddedDbProperties.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Where the embedded database keeps its files and on which port it listens (0 = any free port). */
    @ConfigurationProperties("appealdesk.embedded-db")
    record EmbeddedDbProperties(Path dataDir, int port, boolean clean) {
        EmbeddedDbProperties {
            dataDir = dataDir == null ? Path.of("data") : dataDir;
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDbProperties properties) {
        try {
            Path dir = properties.dataDir().toAbsolutePath();
            Files.createDirectories(dir);
            log.info("No spring.datasource.url configured: starting embedded PostgreSQL with data in {}", dir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(properties.clean())
                    .setPort(properties.port())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + properties.dataDir()
                    + " (PostgreSQL refuses to run as root: run as a normal user or under 'unshare -U')", e);
        }
    }

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
        dataSource.setPoolName("appealdesk-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
