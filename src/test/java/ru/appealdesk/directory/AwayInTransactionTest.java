package ru.appealdesk.directory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.support.DatabaseSliceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who is away today is read once per transaction (issue 26, intake while delivering: registering one appeal asked
 * four times, each a query Hibernate translated anew), and a change of an absence in the transaction is seen at once.
 * Today is Monday 2 March 2026.
 */
@Import({Absences.class, AwayInTransactionTest.Config.class})
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class AwayInTransactionTest extends DatabaseSliceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Autowired
    Absences absences;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EntityManagerFactory entityManagers;

    /** The sample organisation. */
    @TestConfiguration
    static class Config {
        @Bean
        Directory directory() {
            return Directory.load(Path.of("bot-config"));
        }
    }

    @BeforeEach
    void clean() {
        jdbc.update("delete from absence");
    }

    @Test
    void whoIsAwayIsReadOnceInATransaction() {
        // given sidorov away today
        away("sidorov");
        Statistics statistics = statistics();

        // when one transaction asks as the registration of an appeal does: routing, the hand-over, the card
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(absences.absentAmong(List.of("petrova", "sidorov"))).containsExactly("sidorov");
            assertThat(absences.isAbsent("petrova")).isFalse();
            assertThat(absences.substituteFor("petrova")).isEmpty();
            assertThat(absences.isAbsent("sidorov")).isTrue();
        });

        // then the absences were read once
        assertThat(statistics.getQueryExecutionCount()).isEqualTo(1);
    }

    @Test
    void anAbsenceRecordedOrEndedInTheTransactionIsSeenAtOnce() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(absences.isAbsent("petrova")).isFalse();
            absences.add("petrova", TODAY, TODAY.plusDays(3));
            assertThat(absences.isAbsent("petrova")).isTrue();
            absences.back("petrova");
            assertThat(absences.isAbsent("petrova")).isFalse();
        });
    }

    @Test
    void theNextTransactionAndACallOutsideOneReadAgain() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThat((Boolean) tx.execute(status -> absences.isAbsent("petrova"))).isFalse();
        assertThat(absences.isAbsent("petrova")).isFalse();

        away("petrova");

        assertThat(absences.isAbsent("petrova")).isTrue();
        assertThat((Boolean) tx.execute(status -> absences.isAbsent("petrova"))).isTrue();
    }

    @Test
    void aTransactionInsideAnotherReadsForItself() {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Statistics statistics = statistics();

        outer.executeWithoutResult(status -> {
            assertThat(absences.isAbsent("petrova")).isFalse();
            inner.executeWithoutResult(s -> away("petrova"));
            // the inner transaction does not see the outer one's reading: it reads what was committed meanwhile
            assertThat((Boolean) inner.execute(s -> absences.isAbsent("petrova"))).isTrue();
            assertThat(absences.isAbsent("sidorov")).isFalse();
        });

        assertThat(statistics.getQueryExecutionCount()).isEqualTo(2);
    }

    private Statistics statistics() {
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        return statistics;
    }

    /** An absence of the person from today to Friday, committed. */
    private void away(String staffId) {
        jdbc.update("insert into absence (staff_id, starts_on, ends_on, begun, created_at) values (?, ?, ?, true, "
                + "now())", staffId, TODAY, TODAY.plusDays(4));
    }
}
