package ru.appealdesk.reports;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.sla.WorkingTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which digest of new appeals is due (003 §2): at the start of each working day of the production calendar, the
 * appeals received since the previous working day began, days off included.
 */
class NewAppealsDigestsTest {

    static final WorkingTime TIME = new WorkingTime(Directory.load(Path.of("bot-config")).organization());

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    @ParameterizedTest(name = "at {0}: the digest of {1} lists {2} – {3}")
    @CsvSource({
            // a Wednesday before the working day begins: Tuesday's digest (Monday's appeals) is the latest
            "2027-03-03T08:59, 2027-03-02, 2027-03-01, 2027-03-01",
            // at 09:00 Wednesday's: Tuesday's appeals
            "2027-03-03T09:00, 2027-03-03, 2027-03-02, 2027-03-02",
            // a Monday: Friday, Saturday and Sunday
            "2027-03-15T10:00, 2027-03-15, 2027-03-12, 2027-03-14",
            // Tuesday after the holiday of 08.03.2027 (a Monday): Friday through the holiday
            "2027-03-09T09:30, 2027-03-09, 2027-03-05, 2027-03-08",
            // on the holiday itself nothing new: Friday's digest is the latest
            "2027-03-08T12:00, 2027-03-05, 2027-03-04, 2027-03-04",
            // the first working day after the New Year holidays: from the last working day of 2026
            "2027-01-11T09:00, 2027-01-11, 2026-12-30, 2027-01-10",
    })
    void theDigestDueListsThePreviousWorkingDays(String now, LocalDate on, LocalDate from, LocalDate to) {
        // given the sample's working hours and production calendar; when the digests are looked at
        NewAppealsDigests.Occurrence due = NewAppealsDigests.latest(TIME, msk(now)).orElseThrow();

        // then the latest digest and the dates it covers
        assertThat(due.on()).isEqualTo(on);
        assertThat(due.received()).isEqualTo(new Period(from, to));
    }
}
