package ru.appealdesk.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.appealdesk.directory.Surge;
import ru.appealdesk.directory.WorkDuration;
import ru.appealdesk.workflow.Surges.Candidate;
import ru.appealdesk.workflow.Surges.Decision;

import static org.assertj.core.api.Assertions.assertThat;

/** The surge rule's window (002 п.11, 004 п.25): how many appeals about one street within the rule's time. */
class SurgesTest {

    static final Instant T = Instant.parse("2027-03-02T07:00:00Z");
    static final Surge THREE_IN_A_DAY = new Surge(3, WorkDuration.parse("24 hours"), Surge.Same.STREET);

    static Decision decide(Candidate appeal, Candidate... others) {
        return Surges.decide(THREE_IN_A_DAY, appeal, List.of(others), (at, d) -> at.plus(d.asDuration()));
    }

    static Candidate at(long id, long hours, Long cluster) {
        return new Candidate(id, T.plus(Duration.ofHours(hours)), cluster);
    }

    @Test
    void theThirdWithinTheTimeMakesACluster() {
        // given two appeals about the street 2 and 20 hours ago; when a third comes
        Decision d = decide(at(9, 22, null), at(4, 2, null), at(7, 20, null));

        // then the three are one cluster named after the first
        assertThat(d.surge()).isTrue();
        assertThat(d.members()).containsExactly(4L, 7L, 9L);
    }

    @Test
    void appealsOutsideTheTimeDoNotCount() {
        // given one of the two earlier appeals came more than 24 hours before the new one
        Decision d = decide(at(9, 30, null), at(4, 2, null), at(7, 20, null));

        // then two within the day are not a surge
        assertThat(d.surge()).isFalse();
        assertThat(d.joins()).isNull();
        assertThat(d.members()).isEmpty();
    }

    @Test
    void aLaterAppealJoinsTheClusterSilently() {
        // given a cluster 4 of three appeals; when a fourth comes within the day of one of them
        Decision d = decide(at(12, 30, null), at(4, 2, 4L), at(7, 20, 4L), at(9, 22, 4L));

        // then it joins cluster 4: no new surge, nobody told again
        assertThat(d.joins()).isEqualTo(4L);
        assertThat(d.surge()).isFalse();
    }

    @Test
    void workingTimeIsCountedByThePolicy() {
        // given a rule of "1 working days" that the policy stretches over a weekend (here: 72 hours)
        Surge rule = new Surge(2, WorkDuration.parse("1 working days"), Surge.Same.ADDRESS);
        Decision d = Surges.decide(rule, at(2, 70, null), List.of(at(1, 0, null)),
                (at, w) -> at.plus(Duration.ofHours(72)));

        // then an appeal 70 hours later is still within it
        assertThat(d.surge()).isTrue();
        assertThat(d.members()).containsExactly(1L, 2L);
    }
}
