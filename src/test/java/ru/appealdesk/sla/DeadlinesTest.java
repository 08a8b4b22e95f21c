package ru.appealdesk.sla;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.sla.WorkingTimeTest.msk;

/** dueAt and answerDueAt for every source of the shipped regulations.yml (seeds 000-004). */
class DeadlinesTest {

    static final Directory DIRECTORY = Directory.load(Path.of("bot-config"));
    static final Deadlines DEADLINES = new Deadlines(DIRECTORY, new WorkingTime(DIRECTORY.organization()));

    @ParameterizedTest(name = "{0} {1} {2} received {3}: due {4}, answer due {5}")
    @CsvSource({
            // Добродел: 8 working days (seed 001 §3), answer placed «за 2 (двое) суток» before (seed 000 п.10, 12):
            // 48 hours of calendar time since PRODUCT.md §13.2 (it was the end of the working day 2 working days
            // before: 11.03 18:00 and 16.01 16:45 here)
            "DOBRODEL, roads, NORMAL, 2026-03-02T10:15, 2026-03-13T16:45, 2026-03-11T16:45",
            // a Sunday: calendar time does not skip the weekend (seed 000 п.10, 12)
            "DOBRODEL, roads, NORMAL, 2025-12-29T10:00, 2026-01-20T18:00, 2026-01-18T18:00",
            "DOBRODEL, roads, NORMAL, 2026-03-06T16:30, 2026-03-19T18:00, 2026-03-17T18:00",
            "DOBRODEL, roads, NORMAL, 2026-03-07T23:00, 2026-03-19T18:00, 2026-03-17T18:00",
            "DOBRODEL, roads, NORMAL, 2026-11-02T13:20, 2026-11-13T16:45, 2026-11-11T16:45",
            // Добродел: a fast-track category does not change a Добродел deadline at normal priority
            "DOBRODEL, snow, NORMAL, 2026-03-02T10:15, 2026-03-13T16:45, 2026-03-11T16:45",
            // ... nor at FAST_TRACK: Добродел has no fast-track-answer-deadline
            "DOBRODEL, roads, FAST_TRACK, 2026-03-02T10:15, 2026-03-13T16:45, 2026-03-11T16:45",
            // ПОС: 30 calendar days; a fast-track category uses its fast-track-days (seed 002 п.7, seed 003); placed
            // on the portal «за 2 (двое) суток» before (seed 000 п.12): 48 hours of calendar time, a weekend or a
            // holiday included (PRODUCT.md §13.2; before it the last working day up to 2 days before: 06.03 16:45,
            // 30.12 18:00, 06.05 18:00 here)
            "POS, other, NORMAL, 2025-12-29T10:00, 2026-01-28T18:00, 2026-01-26T18:00",
            "POS, other, NORMAL, 2026-02-06T11:00, 2026-03-10T18:00, 2026-03-08T18:00",
            "POS, roads, NORMAL, 2026-03-02T10:00, 2026-03-10T18:00, 2026-03-08T18:00",
            "POS, heating, NORMAL, 2026-12-29T12:00, 2027-01-11T18:00, 2027-01-09T18:00",
            "POS, benefits, NORMAL, 2026-04-28T12:00, 2026-05-08T15:45, 2026-05-06T15:45",
            // (08.05.2026 is a Friday and a short day: 16:45 - 1 hour)
            // ПОС FAST_TRACK: 10 calendar days (fast-track-answer-deadline, seed 002 п.7) ...
            "POS, other, FAST_TRACK, 2026-03-02T10:00, 2026-03-12T18:00, 2026-03-10T18:00",
            "POS, education, FAST_TRACK, 2026-02-27T10:00, 2026-03-10T18:00, 2026-03-08T18:00",
            // ... unless the category's fast-track-days is shorter (roads 5, snow 3); equal (benefits 10) is the same
            "POS, roads, FAST_TRACK, 2026-03-02T10:00, 2026-03-10T18:00, 2026-03-08T18:00",
            "POS, snow, FAST_TRACK, 2026-03-02T10:00, 2026-03-05T18:00, 2026-03-03T18:00",
            "POS, benefits, FAST_TRACK, 2026-04-28T12:00, 2026-05-08T15:45, 2026-05-06T15:45",
            // the category's fast-track days are ПОС only (PRODUCT.md §9): other sources keep their own term at
            // FAST_TRACK priority — ИМ its 6 working hours (seed 004 п.12), «Иное» its 30 days
            "OTHER, waste, FAST_TRACK, 2026-03-02T10:00, 2026-04-01T18:00, 2026-04-01T18:00",
            "INCIDENT, snow, FAST_TRACK, 2026-03-02T10:00, 2026-03-02T16:48, 2026-03-02T16:48",
            // ЕЦУР: 8 working days, no lead
            "ECUR, water, NORMAL, 2026-03-02T14:00, 2026-03-13T16:45, 2026-03-13T16:45",
            // Инцидент Менеджмент: 6 working hours; 3 for high priority (seed 004 п.12)
            "INCIDENT, snow, NORMAL, 2026-03-02T10:00, 2026-03-02T16:48, 2026-03-02T16:48",
            "INCIDENT, snow, NORMAL, 2026-03-06T15:00, 2026-03-10T14:03, 2026-03-10T14:03",
            "INCIDENT, snow, HIGH, 2026-03-02T12:00, 2026-03-02T15:48, 2026-03-02T15:48",
            "INCIDENT, snow, HIGH, 2026-03-02T20:00, 2026-03-03T12:00, 2026-03-03T12:00",
            // HIGH priority without a high-priority term keeps the normal term
            "DOBRODEL, roads, HIGH, 2026-03-02T10:15, 2026-03-13T16:45, 2026-03-11T16:45",
            // 59-ФЗ / other: 30 days
            "OTHER, other, NORMAL, 2026-03-02T10:00, 2026-04-01T18:00, 2026-04-01T18:00",
            // an unknown category falls back to the source's term
            "POS, unknown-category, NORMAL, 2026-03-02T10:00, 2026-04-01T18:00, 2026-03-30T18:00",
    })
    void computesBothDeadlines(Source source, String category, Priority priority, String received, String dueAt,
                               String answerDueAt) {
        ru.appealdesk.workflow.DeadlinePolicy.Deadline deadline = DEADLINES.compute(source, category, priority, msk(received));

        assertThat(deadline.dueAt()).isEqualTo(msk(dueAt));
        assertThat(deadline.answerDueAt()).isEqualTo(msk(answerDueAt));
    }

    @Test
    void aFastTrackAppealGetsTheSourceTermWhenItsCategoryIsSlower(@TempDir Path dir) throws IOException {
        // given a ПОС category whose fast-track-days (20) are longer than ПОС's 10-day fast track (seed 002 п.7)
        Path sample = Path.of("bot-config");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(sample.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path routing = dir.resolve("routing.yml");
        String content = Files.readString(routing);
        String lighting = "department: improvement\n    fast-track-days: 7\n";
        assertThat(content).contains(lighting);
        Files.writeString(routing, content.replace(lighting, "department: improvement\n    fast-track-days: 20\n"));
        Directory directory = Directory.load(dir);
        Deadlines deadlines = new Deadlines(directory, new WorkingTime(directory.organization()));

        // then a FAST_TRACK appeal is due in 10 days, a NORMAL one in the category's 20
        assertThat(deadlines.compute(Source.POS, "lighting", Priority.FAST_TRACK, msk("2026-03-02T10:00")).dueAt())
                .isEqualTo(msk("2026-03-12T18:00"));
        assertThat(deadlines.compute(Source.POS, "lighting", Priority.NORMAL, msk("2026-03-02T10:00")).dueAt())
                .isEqualTo(msk("2026-03-23T18:00"));
    }

    @ParameterizedTest(name = "{0} received {1}: postponed at most to {2}")
    @CsvSource({
            // postpone-max: 30 days by default (seed 001 §4.6), 8 days for ИМ (seed 004 п.12)
            "DOBRODEL, 2026-03-02T10:00, 2026-04-01",
            // no postpone-max (ПОС, other): a year after receipt, past the source's own term (seed 002 п.10)
            "POS, 2026-03-02T10:00, 2027-03-02",
            "ECUR, 2026-03-02T10:00, 2026-04-01",
            "OTHER, 2026-03-02T10:00, 2027-03-02",
            // 07.03.2027 is a Sunday, 08.03.2027 a holiday
            "POS, 2026-03-07T10:00, 2027-03-09",
            "INCIDENT, 2026-03-02T10:00, 2026-03-10",
            // a limit on a day off moves to the next working day (seed 004 п.9): 08.03 Sunday, 09.03 a holiday
            "INCIDENT, 2026-02-28T12:00, 2026-03-10",
            // 23.01.2027 is a Saturday
            "DOBRODEL, 2026-12-24T17:00, 2027-01-25",
            // late in the evening it is still the day it came in
            "POS, 2026-03-02T23:30, 2027-03-02",
    })
    void latestPostponedDate(Source source, String received, String latest) {
        assertThat(DEADLINES.latestPostponement(source, msk(received))).isEqualTo(java.time.LocalDate.parse(latest));
    }

    @ParameterizedTest(name = "{0} postponed to {1}: due {2}, answer due {3}")
    @CsvSource({
            // the end of working hours of the postponed date; ПОС places it 2 days earlier (seed 000 п.12)
            "POS, 2026-04-01, 2026-04-01T18:00, 2026-03-30T18:00",
            // a Saturday: the last working day before it; the answer 48 hours before that (seed 000 п.12)
            "POS, 2026-03-14, 2026-03-13T16:45, 2026-03-11T16:45",
            "DOBRODEL, 2026-04-01, 2026-04-01T18:00, 2026-03-30T18:00",
            // ИМ has no lead: its last allowed date, after the 9 March holiday
            "INCIDENT, 2026-03-10, 2026-03-10T18:00, 2026-03-10T18:00",
    })
    void postponedTerms(Source source, String date, String dueAt, String answerDueAt) {
        ru.appealdesk.workflow.DeadlinePolicy.Deadline terms = DEADLINES.postponedTo(source,
                java.time.LocalDate.parse(date), msk("2026-03-02T12:00"));

        assertThat(terms.dueAt()).isEqualTo(msk(dueAt));
        assertThat(terms.answerDueAt()).isEqualTo(msk(answerDueAt));
    }
}
