package ru.appealdesk.support;

import java.time.Instant;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Base of tests of what a module keeps in PostgreSQL, where the whole service is not needed: Spring's
 * {@code @DataJpaTest} slice (entities, repositories, JDBC, Flyway) on a database of its own (a copy of the migrated
 * template), with no web server, messenger or scheduler, and the clock at {@link #START}. A test imports
 * the beans it tests; each runs its own transactions, as the service does.
 */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(DatabaseSliceTest.SliceClock.class)
public abstract class DatabaseSliceTest {

    /** Monday 2 March 2026, 10:00 Moscow time, as in the end-to-end tests. */
    protected static final Instant START = Instant.parse("2026-03-02T07:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String database = TestDatabase.migratedDatabase();
        registry.add("spring.datasource.url", () -> database);
    }

    /** The test clock, in place of the system clock. */
    @TestConfiguration
    static class SliceClock {
        @Bean
        @Primary
        MutableClock sliceClock() {
            return new MutableClock(START);
        }
    }
}
