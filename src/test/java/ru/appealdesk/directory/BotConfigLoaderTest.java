package ru.appealdesk.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped bot-config loads; a broken file stops start-up with the file, the line and the reason. */
class BotConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theShippedSampleLoadsCompletely() {
        Directory directory = Directory.load(Path.of("bot-config"));

        assertThat(directory.organization().name()).isEqualTo("Администрация Рузского городского округа");
        assertThat(directory.organization().calendar().years()).containsKeys(2025, 2026, 2027);
        for (Role role : Role.values()) {
            assertThat(directory.withRole(role)).as("someone with role " + role).isNotEmpty();
        }
        for (Source source : Source.values()) {
            assertThat(directory.regulation(source).answerDeadline()).isNotNull();
            assertThat(directory.regulation(source).reminders()).hasSize(3);
        }
        assertThat(directory.regulation(Source.ECUR).claimUntilMinute()).isEqualTo(15 * 60);
        assertThat(directory.regulation(Source.POS).postponedReassignAtPercent()).isEqualTo(75);
        assertThat(directory.regulation(Source.DOBRODEL).postponedReassignAtPercent()).isNull();
        assertThat(directory.regulation(Source.INCIDENT).postponeMax()).hasToString("8 days");
        assertThat(directory.regulation(Source.DOBRODEL).postponeMax()).hasToString("30 days");
        // seed 002 п.10: ПОС has no postpone-max (up to a year); seed 000 п.14 / 003 §3: postpone-limit 2 / 1
        assertThat(directory.regulation(Source.POS).postponeMax()).isNull();
        assertThat(directory.regulation(Source.POS).postponeLimit()).isEqualTo(2);
        assertThat(directory.regulation(Source.DOBRODEL).postponeLimit()).isEqualTo(2);
        // seed 000 п.10, 12; 002 п.4: the executor places the answer (placed-by: EXECUTOR), elsewhere the coordinators
        assertThat(directory.regulation(Source.DOBRODEL).executorPlaces()).isTrue();
        assertThat(directory.regulation(Source.POS).executorPlaces()).isTrue();
        assertThat(directory.regulation(Source.ECUR).executorPlaces()).isFalse();
        assertThat(directory.regulation(Source.OTHER).executorPlaces()).isFalse();
        // seed 004 п.13: no source of the sample sets clarification-wait, so each waits the default 3 days
        assertThat(directory.regulation(Source.INCIDENT).clarificationWait())
                .isEqualTo(new WorkDuration(3, WorkDuration.Unit.DAYS, false));
        assertThat(directory.regulation(Source.OTHER).postponeLimit()).isEqualTo(1);
        // seed 000 п.6: no department of the sample has its answers signed by the deputy head (sign-by)
        assertThat(directory.signerOf("roads")).isEmpty();
        // seed 000 п.6, 001 §4.6: answer-evidence is off in the sample (text-only answers are submitted)
        for (Source source : Source.values()) {
            assertThat(directory.regulation(source).answerEvidence()).as("%s answer-evidence", source).isFalse();
        }
        // seed 004 п.11: ИМ returns need written reasons only; seed 000 п.4: the others cite an act
        assertThat(directory.regulation(Source.INCIDENT).returnNeedsLegalBasis()).isFalse();
        // seed 004 п.14: the approval's own term; draft and placement terms are off in the sample (the profiles set them)
        assertThat(directory.regulation(Source.INCIDENT).reviewWithin()).hasToString("30 working minutes");
        assertThat(directory.regulation(Source.INCIDENT).stageTerms()).isFalse();
        // seed 004 п.17.2: ИМ co-executors' materials go to the lead specialist (a coordinator); elsewhere the executor
        assertThat(directory.regulation(Source.INCIDENT).coExecutorMaterialsToCoordinators()).isTrue();
        assertThat(directory.regulation(Source.DOBRODEL).coExecutorMaterialsToCoordinators()).isFalse();
        assertThat(directory.regulation(Source.DOBRODEL).returnNeedsLegalBasis()).isTrue();
        assertThat(directory.executorsFor(directory.category("roads").orElseThrow())).extracting(StaffMember::id)
                .containsExactly("morozov", "volkova");
        assertThat(directory.approversFor("roads")).extracting(StaffMember::id).containsExactly("belov");
        assertThat(directory.approversFor("improvement")).extracting(StaffMember::id)
                .containsExactlyInAnyOrder("smirnova", "popov", "kuznetsova", "belov");
        assertThat(directory.deputyHeadOf("housing")).map(StaffMember::id).contains("orlov");
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "staff.yml|    department: housing\\n    roles: [EXECUTOR]\\n    substitute: sidorov\\n  - id: sidorov|    department: hosing\\n    roles: [EXECUTOR]\\n    substitute: sidorov\\n  - id: sidorov|staff.yml line 46: staff[0].department: unknown department 'hosing'",
            "staff.yml|roles: [EXECUTOR]\\n    substitute: sidorov\\n  - id: sidorov|roles: [EXECTOR]\\n    substitute: sidorov\\n  - id: sidorov|staff.yml line 47: staff[0].roles[0]: 'EXECTOR' is not a valid Role",
            "routing.yml|executors: [morozov, volkova]|executors: [morozov, kuznetsova]|routing.yml line 9: categories[0].executors[1]: 'kuznetsova' is not a staff member with role EXECUTOR",
            "regulations.yml|answer-deadline: \"8 working days\"   # seed 001|answer-deadline: \"8 workin days\"   # seed 001|regulations.yml line 7: sources.DOBRODEL.answer-deadline: '8 workin days' is not a duration",
            "organization.yml|time-zone: Europe/Moscow|time-zone: Europe/Ruza|organization.yml line 4: time-zone: unknown time zone 'Europe/Ruza'",
            "organization.yml|FRIDAY: \"09:00-16:45\"|FRIDAY: \"09:00-25:45\"|organization.yml line 10: working-hours.FRIDAY: '09:00-25:45' has an impossible time 25:45",
            "organization.yml|lunch-break: \"13:00-13:48\"|lunch-brake: \"13:00-13:48\"|organization.yml line 11: lunch-brake: unknown key 'lunch-brake'",
            "calendar/ru.yml|working-days: [2025-11-01]|working-days: [2025-11-03]|ru.yml line 10: years.2025.working-days: 2025-11-03 is not a Saturday or Sunday",
            "organization.yml|lunch-break: \"13:00-13:48\"|lunch-break: \"08:00-19:00\"|organization.yml line 6: working-hours.MONDAY: the lunch break covers the whole working day",
            "staff.yml|deputy-head: orlov\\n    approver: kuznetsova|deputy-head: petrova\\n    approver: kuznetsova|staff.yml line 13: departments[0].deputy-head: 'petrova' is not a staff member with role DEPUTY_HEAD",
            "staff.yml|secondary-approver: popov|secondary-approver: popova|staff.yml line 8: secondary-approver: 'popova' is not a staff member",
            "reports.yml|  at: \"09:00\"\\n  roles: [COORDINATOR, CURATOR]|  at: \"25:00\"\\n  roles: [COORDINATOR, CURATOR]|reports.yml line 4: daily.at:",
            "reports.yml|  day: MONDAY\\n|  day: MONDAI\\n|reports.yml line 7: weekly.day:",
            "reports.yml|  roles: [HEAD, DEPUTY_HEAD]|  roles: []|reports.yml line 9: weekly.roles: at least one role receives the report",
            "staff.yml|approval-chain: [smirnova, kuznetsova, belov]|approval-chain: [smirnova, petrova, belov]|staff.yml line 31: departments[5].approval-chain[1]: 'petrova' is not a staff member with role MODERATOR",
            "staff.yml|    substitute: sidorov\\n  - id: sidorov|    substitute: belov\\n  - id: sidorov|staff.yml line 48: staff[0].substitute: the substitute of an EXECUTOR must be an EXECUTOR",
            "staff.yml|    substitute: sidorov\\n  - id: sidorov|    substitute: petrova\\n  - id: sidorov|staff.yml line 48: staff[0].substitute: 'petrova' is not another staff member",
            "regulations.yml|postponed-reassign-at: \"75%\"|postponed-reassign-at: \"75\"|regulations.yml line 20: sources.POS.postponed-reassign-at: '75' is not a share from 1% to 99%",
            "regulations.yml|postponed-reassign-at: \"75%\"|postponed-reassign-at: \"100%\"|regulations.yml line 20: sources.POS.postponed-reassign-at: '100%' is not a share from 1% to 99%",
            "regulations.yml|postpone-max: \"8 days\"|postpone-max: \"8 hours\"|regulations.yml line 42: sources.INCIDENT.postpone-max: postpone-max must be at least one day",
            "regulations.yml|postpone-max: \"8 days\"|postpone-max: \"8 dayz\"|regulations.yml line 42: sources.INCIDENT.postpone-max: '8 dayz' is not a duration",
            "regulations.yml|postpone-limit: 2                   # seed 000 п.14, as|postpone-limit: 3                   # seed 000 п.14, as|regulations.yml line 30: sources.ECUR.postpone-limit: postpone-limit must be 1 or 2",
            "regulations.yml|postpone-limit: 2                   # seed 000 п.14, as|postpone-limit: twice               # seed 000 п.14, as|regulations.yml line 30: sources.ECUR.postpone-limit:",
            "regulations.yml|return-needs-legal-basis: false|return-needs-legal-basis: no way|regulations.yml line 43: sources.INCIDENT.return-needs-legal-basis:",
            "staff.yml|secondary-approver: popov|# secondary-approver: popov|regulations.yml line 13: sources.DOBRODEL.postpone-limit: postpone-limit: 2 needs the secondary-approver of staff.yml",
            // PRODUCT.md §13.2: answer-lead and fast-track-answer-deadline (seed 000 п.10, 12; seed 002 п.7)
            "regulations.yml|answer-lead: \"2 days\"               # seed 000 п.10|answer-lead: \"2 dais\"               # seed 000 п.10|regulations.yml line 8: sources.DOBRODEL.answer-lead: '2 dais' is not a duration",
            "regulations.yml|fast-track-answer-deadline: \"10 days\"|fast-track-answer-deadline: \"10 dayz\"|regulations.yml line 17: sources.POS.fast-track-answer-deadline: '10 dayz' is not a duration",
            "regulations.yml|fast-track-answer-deadline: \"10 days\"|fast-track-answer-deadline: \"0 days\"|regulations.yml line 17: sources.POS.fast-track-answer-deadline: fast-track-answer-deadline must be longer than zero",
            "regulations.yml|fast-track-answer-deadline: \"10 days\"|fast-track-answer-deadline: \"31 days\"|regulations.yml line 17: sources.POS.fast-track-answer-deadline: fast-track-answer-deadline \"31 days\" is longer than answer-deadline \"30 days\"",
            // PRODUCT.md §13.2 placed-by (seed 000 п.10, 12; 002 п.4)
            "regulations.yml|placed-by: EXECUTOR                 # seed 000 п.10|placed-by: EXECUTER                 # seed 000 п.10|regulations.yml line 14: sources.DOBRODEL.placed-by: placed-by must be EXECUTOR or COORDINATOR",
            // PRODUCT.md §13.2 stage terms (seed 003 §1, §3; 004 п.12–16) and co-executor-materials-to (004 п.17.2)
            "regulations.yml|review-within: \"30 working minutes\"|review-within: \"120%\"|regulations.yml line 35: sources.INCIDENT.review-within: '120%' is not a share of the whole term from 1% to 100%",
            "regulations.yml|review-within: \"30 working minutes\"|draft-within: \"abc\"|regulations.yml line 35: sources.INCIDENT.draft-within: 'abc' is neither a duration",
            "regulations.yml|review-within: \"30 working minutes\"|place-within: \"0%\"|regulations.yml line 35: sources.INCIDENT.place-within: '0%' is not a share of the whole term",
            "regulations.yml|review-within: \"30 working minutes\"|place-within: \"30 working minutes\"|regulations.yml line 35: sources.INCIDENT.place-within: place-within needs draft-within",
            "regulations.yml|co-executor-materials-to: COORDINATORS|co-executor-materials-to: EVERYONE|regulations.yml line 44: sources.INCIDENT.co-executor-materials-to: co-executor-materials-to must be RESPONSIBLE or COORDINATORS",
            // PRODUCT.md §13.2 sign-by (seed 000 п.6)
            "staff.yml|deputy-head: orlov\\n    approver: kuznetsova|deputy-head: orlov\\n    sign-by: HEAD|staff.yml line 14: departments[0].sign-by: sign-by must be DEPUTY_HEAD",
            "staff.yml|deputy-head: orlov\\n    approver: kuznetsova|sign-by: DEPUTY_HEAD\\n    approver: kuznetsova|staff.yml line 13: departments[0].sign-by: sign-by: DEPUTY_HEAD needs the department's deputy-head",
            // PRODUCT.md §13.2 answer-evidence (seed 000 п.6, 001 §4.6)
            "regulations.yml|placed-by: EXECUTOR                 # seed 000 п.10|answer-evidence: always              # seed 000 п.10|regulations.yml line 14: sources.DOBRODEL.answer-evidence: answer-evidence must be required or optional",
            // PRODUCT.md §13.2 clarification-wait (seed 004 п.13)
            "regulations.yml|placed-by: EXECUTOR                 # seed 000 п.10|clarification-wait: \"3 dayz\"\\n    placed-by: EXECUTOR                 # seed 000 п.10|regulations.yml line 14: sources.DOBRODEL.clarification-wait: '3 dayz' is not a duration",
            "templates.yml|    category: roads\\n    type: RESOLVED|    category: potholes\\n    type: RESOLVED|templates.yml line 13: templates[0].category: unknown category 'potholes' (not in routing.yml)",
            "templates.yml|    category: roads\\n    type: RESOLVED|    category: roads\\n    type: FIXED|templates.yml line 14: templates[0].type: unknown answer type 'FIXED'",
            "templates.yml|сообщаем, что по адресу {address}|сообщаем, что по адресу {adress}|templates.yml line 16: templates[0].text: unknown placeholder '{adress}'",
            "templates.yml|  - id: roads-plan-season|  - id: roads-pothole-fixed|templates.yml line 19: templates[1].id: duplicate template id 'roads-pothole-fixed'",
            "templates.yml|    title: Ямочный ремонт выполнен|    title: Ямочный ремонт выполнен в полном объёме и с гарантией|templates.yml line 15: templates[0].title: a title is 1-40 characters",
            "templates.yml|    title: Ямочный ремонт выполнен\\n|    title:\\n|templates.yml line 15: templates[0].title: a value is required",
            // PRODUCT.md §13.2, issue 25: surge (002 п.11, 004 п.25), head and new-appeals-digest (003 §2), case-decider (001 §3)
            "regulations.yml|    answer-deadline: \"30 days\"          # 59-ФЗ|    surge: {count: 1, within: \"24 hours\", same: street}\\n    answer-deadline: \"30 days\"          # 59-ФЗ|regulations.yml line 46: sources.OTHER.surge.count: surge.count must be from 2 to 1000",
            "regulations.yml|    answer-deadline: \"30 days\"          # 59-ФЗ|    surge: {count: 3, within: \"24 hourz\", same: street}\\n    answer-deadline: \"30 days\"          # 59-ФЗ|regulations.yml line 46: sources.OTHER.surge.within: '24 hourz' is not a duration",
            "regulations.yml|    answer-deadline: \"30 days\"          # 59-ФЗ|    surge: {count: 3, within: \"24 hours\", same: house}\\n    answer-deadline: \"30 days\"          # 59-ФЗ|regulations.yml line 46: sources.OTHER.surge.same: surge.same must be street or address, not house",
            "staff.yml|secondary-approver: popov|secondary-approver: popov\\ncase-decider: smirnov|staff.yml line 9: case-decider: 'smirnov' is not a staff member",
            "staff.yml|deputy-head: orlov\\n    approver: kuznetsova|deputy-head: orlov\\n    head: kuznetsov\\n    approver: kuznetsova|staff.yml line 14: departments[0].head: 'kuznetsov' is not a staff member",
            "staff.yml|    name: МКУ «МЦУР РГО МО»\\n    deputy-head: lebedeva|    name: МКУ «МЦУР РГО МО»\\n    new-appeals-digest: true|staff.yml line 38: departments[7].new-appeals-digest: new-appeals-digest needs the department's head or deputy-head",
    })
    void aBrokenFileNamesTheFileTheLineAndTheReason(String file, String original, String broken, String message)
            throws IOException {
        copySample();
        Path path = dir.resolve(file);
        String content = Files.readString(path);
        String from = original.replace("\\n", "\n");
        assertThat(content).contains(from);
        Files.writeString(path, content.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(broken.replace("\\n", "\n"))));

        assertThatThrownBy(() -> Directory.load(dir)).isInstanceOf(BotConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theIssue25KeysLoadWhereGiven() throws IOException {
        // given the sample with a surge for OTHER, a head and a digest for roads and a case-decider (all off in it)
        copySample();
        Path regulations = dir.resolve("regulations.yml");
        Files.writeString(regulations, Files.readString(regulations).replace("  OTHER:\n",
                "  OTHER:\n    surge: {count: 3, within: \"2 working days\", same: address}\n"));
        Path staff = dir.resolve("staff.yml");
        Files.writeString(staff, Files.readString(staff)
                .replace("secondary-approver: popov\n", "secondary-approver: popov\ncase-decider: smirnova\n")
                .replace("    deputy-head: orlov\n    approver: belov\n",
                        "    deputy-head: orlov\n    approver: belov\n    head: belov\n    new-appeals-digest: true\n"));

        // when it is loaded
        Directory directory = Directory.load(dir);

        // then each is there, and the sample itself has none
        assertThat(directory.regulation(Source.OTHER).surge()).isEqualTo(new Surge(3,
                WorkDuration.parse("2 working days"), Surge.Same.ADDRESS));
        assertThat(directory.caseDecider()).map(StaffMember::id).contains("smirnova");
        assertThat(directory.headOf("roads")).map(StaffMember::id).contains("belov");
        assertThat(directory.department("roads").orElseThrow().newAppealsDigest()).isTrue();
        Directory sample = Directory.load(Path.of("bot-config"));
        assertThat(sample.caseDecider()).isEmpty();
        assertThat(sample.departments()).noneMatch(Department::newAppealsDigest);
        for (Source source : Source.values()) {
            assertThat(sample.regulation(source).surge()).isNull();
        }
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        copySample();
        Files.delete(dir.resolve("routing.yml"));

        assertThatThrownBy(() -> Directory.load(dir)).hasMessageContaining("routing.yml: file not found");
    }

    @Test
    void invalidYamlIsReportedWithItsLine() throws IOException {
        copySample();
        Files.writeString(dir.resolve("routing.yml"), "categories:\n  - code: roads\n    name: [unclosed\n");

        assertThatThrownBy(() -> Directory.load(dir)).hasMessageContaining("routing.yml line");
    }

    @Test
    void aCalendarThatLeavesAMonthWithoutWorkIsRefused() throws IOException {
        // given a calendar that makes February and the first week of March 2026 holidays
        copySample();
        Path calendar = dir.resolve("calendar/ru.yml");
        String february = java.util.stream.IntStream.rangeClosed(0, 33)
                .mapToObj(d -> java.time.LocalDate.of(2026, 2, 1).plusDays(d).toString())
                .collect(java.util.stream.Collectors.joining(", "));
        String content = Files.readString(calendar);
        int at = content.indexOf("2026:");
        int holidays = content.indexOf("holidays: [", at) + "holidays: [".length();
        Files.writeString(calendar, content.substring(0, holidays) + february + ", " + content.substring(holidays));

        // then loading names organization.yml, the line of working-hours and the reason
        assertThatThrownBy(() -> Directory.load(dir)).isInstanceOf(BotConfigException.class)
                .hasMessageContaining("organization.yml line 6: working-hours: working-hours, lunch-break and "
                        + "production-calendar give no working time from 2026-01-31");
    }

    @Test
    void noWorkingHoursAtAllAreRefused() throws IOException {
        copySample();
        Path organization = dir.resolve("organization.yml");
        String content = Files.readString(organization);
        Files.writeString(organization, content.replaceAll("(?s)working-hours:.*?lunch-break", "working-hours: {}\nlunch-break"));

        assertThatThrownBy(() -> Directory.load(dir)).isInstanceOf(BotConfigException.class)
                .hasMessageContaining("organization.yml line 5: working-hours: at least one working day is required");
    }

    @Test
    void maxIdAndMessengerAreRead() throws IOException {
        copySample();
        replaceInStaff("    roles: [EXECUTOR]\n    substitute: sidorov\n  - id: sidorov",
                "    roles: [EXECUTOR]\n    telegram-id: 5001\n    max-id: 5001\n    messenger: MAX\n"
                        + "    substitute: sidorov\n  - id: sidorov");

        Directory directory = Directory.load(dir);

        StaffMember petrova = directory.staff("petrova").orElseThrow();
        assertThat(petrova.maxId()).isEqualTo(5001L);
        assertThat(petrova.telegramId()).isEqualTo(5001L);
        assertThat(petrova.messenger()).isEqualTo(ru.appealdesk.chat.MessengerKind.MAX);
        StaffMember sidorov = directory.staff("sidorov").orElseThrow();
        assertThat(sidorov.maxId()).isNull();
        assertThat(sidorov.messenger()).isNull();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "max-id: 0|staff.yml line 48: staff[0].max-id: max-id must be a positive number (the MAX user id) used "
                    + "by one person only",
            "max-id: -7|staff.yml line 48: staff[0].max-id: max-id must be a positive number",
            "max-id: abc|staff.yml line 48: staff[0].max-id:",
            "messenger: VK|staff.yml line 48: staff[0].messenger: 'VK' is not a valid MessengerKind (one of "
                    + "[TELEGRAM, MAX])",
            "telegram-id: -1|staff.yml line 48: staff[0].telegram-id: telegram-id must be a positive number",
    })
    void aBrokenAccountKeyIsNamed(String line, String message) throws IOException {
        copySample();
        replaceInStaff("    roles: [EXECUTOR]\n    substitute: sidorov\n  - id: sidorov",
                "    roles: [EXECUTOR]\n    " + line + "\n    substitute: sidorov\n  - id: sidorov");

        assertThatThrownBy(() -> Directory.load(dir)).isInstanceOf(BotConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aMaxIdOfTwoPeopleIsRefusedAtTheSecond() throws IOException {
        copySample();
        replaceInStaff("    roles: [EXECUTOR]\n    substitute: sidorov\n  - id: sidorov",
                "    roles: [EXECUTOR]\n    max-id: 4242\n    substitute: sidorov\n  - id: sidorov");
        replaceInStaff("    roles: [EXECUTOR]\n    substitute: petrova",
                "    roles: [EXECUTOR]\n    max-id: 4242\n    substitute: petrova");

        assertThatThrownBy(() -> Directory.load(dir)).isInstanceOf(BotConfigException.class)
                .hasMessageContaining("staff[1].max-id: max-id must be a positive number (the MAX user id) used by "
                        + "one person only");
    }

    private void replaceInStaff(String from, String to) throws IOException {
        Path path = dir.resolve("staff.yml");
        String content = Files.readString(path);
        assertThat(content).contains(from);
        Files.writeString(path, content.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    private void copySample() throws IOException {
        Path sample = Path.of("bot-config");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(sample.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
