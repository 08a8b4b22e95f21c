package ru.appealdesk.directory;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import ru.appealdesk.directory.ConfigFiles.CategoryEntry;
import ru.appealdesk.directory.ConfigFiles.DepartmentEntry;
import ru.appealdesk.directory.ConfigFiles.OrganizationFile;
import ru.appealdesk.directory.ConfigFiles.RegulationsFile;
import ru.appealdesk.directory.ConfigFiles.ReportEntry;
import ru.appealdesk.directory.ConfigFiles.ReportsFile;
import ru.appealdesk.directory.ConfigFiles.RoutingFile;
import ru.appealdesk.directory.ConfigFiles.SourceEntry;
import ru.appealdesk.directory.ConfigFiles.StaffEntry;
import ru.appealdesk.directory.ConfigFiles.StaffFile;

/** Reads and validates {@code bot-config/}: every reference resolved, every value parsed, or a clear error. */
final class BotConfigLoader {

    static final List<String> DEFAULT_REMINDERS = List.of("30 working minutes", "4 working hours", "24 hours");
    static final List<String> DEFAULT_BEFORE_DUE = List.of("24 hours", "4 hours", "30 minutes");
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9_.-]{0,31}";

    private BotConfigLoader() {
    }

    static BotConfig load(Path dir) {
        Organization organization = organization(dir);
        YamlFile staffYaml = YamlFile.read(dir, "staff.yml");
        StaffFile staffFile = staffYaml.bind(StaffFile.class);
        Map<String, Department> departments = departments(staffYaml, staffFile);
        Map<String, StaffMember> staff = staff(staffYaml, staffFile, departments);
        checkDepartmentPeople(staffYaml, staffFile, staff);
        YamlFile routingYaml = YamlFile.read(dir, "routing.yml");
        Map<String, Category> categories = categories(routingYaml, routingYaml.bind(RoutingFile.class),
                departments, staff);
        YamlFile regulationsYaml = YamlFile.read(dir, "regulations.yml");
        Map<Source, SourceRegulation> regulations = regulations(regulationsYaml);
        String secondaryApprover = secondaryApprover(staffYaml, staffFile, staff);
        String caseDecider = caseDecider(staffYaml, staffFile, staff);
        checkPostponeLimits(regulationsYaml, regulations, secondaryApprover);
        ReportSchedule reports = java.nio.file.Files.exists(dir.resolve("reports.yml"))
                ? reports(YamlFile.read(dir, "reports.yml")) : ReportSchedule.NONE;
        List<AnswerTemplate> templates = java.nio.file.Files.exists(dir.resolve("templates.yml"))
                ? templates(YamlFile.read(dir, "templates.yml"), categories) : List.of();
        return new BotConfig(organization, departments, staff, categories, regulations,
                secondaryApprover, reports, templates, caseDecider);
    }

    /** A second postponement is agreed first by the secondary approver (seed 000 п.14): without one, no second. */
    private static void checkPostponeLimits(YamlFile yaml, Map<Source, SourceRegulation> regulations,
                                            String secondaryApprover) {
        for (Map.Entry<Source, SourceRegulation> e : regulations.entrySet()) {
            if (e.getValue().postponeLimit() > 1 && secondaryApprover == null) {
                throw yaml.error("postpone-limit: 2 needs the secondary-approver of staff.yml, who agrees the second "
                        + "postponement first; there is none", "sources", e.getKey().name(), "postpone-limit");
            }
        }
    }

    /** {@code templates.yml} (seed 000 п.1, 3, 6): optional; answers per category and answer type. */
    private static List<AnswerTemplate> templates(YamlFile yaml, Map<String, Category> categories) {
        List<ConfigFiles.TemplateEntry> entries = yaml.bind(ConfigFiles.TemplatesFile.class).templates();
        if (entries == null) {
            throw yaml.error("a list of templates is required (an empty one: templates: [])", "templates");
        }
        List<AnswerTemplate> result = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ConfigFiles.TemplateEntry t = entries.get(i);
            if (t == null) {
                throw yaml.error("an empty entry", "templates", i);
            }
            for (Object[] field : new Object[][] {{"id", t.id()}, {"category", t.category()}, {"type", t.type()},
                    {"title", t.title()}, {"text", t.text()}}) {
                if (field[1] == null) {
                    throw yaml.error("a value is required", "templates", i, field[0]);
                }
            }
            if (!t.id().matches("[a-z0-9][a-z0-9-]{0,23}")) {
                throw yaml.error("'" + t.id() + "' is not a valid template id: lowercase latin letters, digits and "
                        + "'-', at most 24 characters", "templates", i, "id");
            }
            if (!ids.add(t.id())) {
                throw yaml.error("duplicate template id '" + t.id() + "'", "templates", i, "id");
            }
            if (!categories.containsKey(t.category())) {
                throw yaml.error("unknown category '" + t.category() + "' (not in routing.yml)", "templates", i,
                        "category");
            }
            if (!AnswerTemplate.TYPES.contains(t.type())) {
                throw yaml.error("unknown answer type '" + t.type() + "': one of " + AnswerTemplate.TYPES,
                        "templates", i, "type");
            }
            if (t.title().isBlank() || t.title().length() > 40) {
                throw yaml.error("a title is 1-40 characters (it is a button's label)", "templates", i, "title");
            }
            if (t.text().isBlank() || t.text().length() > 3000) {
                throw yaml.error("a text is 1-3000 characters", "templates", i, "text");
            }
            java.util.regex.Matcher m = AnswerTemplate.PLACEHOLDER.matcher(t.text());
            while (m.find()) {
                if (!AnswerTemplate.PLACEHOLDERS.contains(m.group(1))) {
                    throw yaml.error("unknown placeholder '" + m.group() + "': only {number}, {date} and {address}",
                            "templates", i, "text");
                }
            }
            result.add(new AnswerTemplate(t.id(), t.category(), t.type(), t.title().strip(), t.text().strip()));
        }
        return List.copyOf(result);
    }

    /** {@code reports.yml} (PRODUCT.md §11): optional; each of daily, weekly, monthly with a time and roles. */
    private static ReportSchedule reports(YamlFile yaml) {
        ReportsFile file = yaml.bind(ReportsFile.class);
        List<ReportSchedule.Entry> entries = new ArrayList<>();
        Object[][] all = {{ReportSchedule.Frequency.DAILY, file.daily(), "daily"},
                {ReportSchedule.Frequency.WEEKLY, file.weekly(), "weekly"},
                {ReportSchedule.Frequency.MONTHLY, file.monthly(), "monthly"}};
        for (Object[] row : all) {
            ReportEntry e = (ReportEntry) row[1];
            String key = (String) row[2];
            if (e == null) {
                continue;
            }
            java.time.LocalTime at = parse(yaml, v -> java.time.LocalTime.ofSecondOfDay(DailyHours.minutes(v, v) * 60L),
                    e.at(), key, "at");
            if (row[0] == ReportSchedule.Frequency.WEEKLY && e.day() == null) {
                throw yaml.error("a weekly report needs its day, e.g. MONDAY", key, "day");
            }
            if (row[0] != ReportSchedule.Frequency.WEEKLY && e.day() != null) {
                throw yaml.error("only a weekly report has a day", key, "day");
            }
            if (e.roles().isEmpty()) {
                throw yaml.error("at least one role receives the report", key, "roles");
            }
            entries.add(new ReportSchedule.Entry((ReportSchedule.Frequency) row[0], at, e.day(),
                    Set.copyOf(e.roles())));
        }
        return new ReportSchedule(List.copyOf(entries));
    }

    private static Organization organization(Path dir) {
        YamlFile yaml = YamlFile.read(dir, "organization.yml");
        OrganizationFile file = yaml.bind(OrganizationFile.class);
        ZoneId zone;
        try {
            zone = ZoneId.of(file.timeZone());
        } catch (DateTimeException e) {
            throw yaml.error("unknown time zone '" + file.timeZone() + "'", "time-zone");
        }
        Map<DayOfWeek, DailyHours> hours = new EnumMap<>(DayOfWeek.class);
        file.workingHours().forEach((day, span) -> {
            DayOfWeek dayOfWeek;
            try {
                dayOfWeek = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw yaml.error("'" + day + "' is not a day of the week (MONDAY..SUNDAY)", "working-hours", day);
            }
            hours.put(dayOfWeek, parse(yaml, DailyHours::parse, span, "working-hours", day));
        });
        if (hours.isEmpty()) {
            throw yaml.error("at least one working day is required", "working-hours");
        }
        DailyHours lunch = file.lunchBreak() == null ? null
                : parse(yaml, DailyHours::parse, file.lunchBreak(), "lunch-break");
        ProductionCalendar calendar = file.productionCalendar() == null ? ProductionCalendar.empty()
                : CalendarLoader.load(dir, file.productionCalendar());
        Organization organization = new Organization(file.name(), zone, Map.copyOf(hours), lunch, calendar);
        requireWorkingTime(yaml, organization, file.workingHours().keySet());
        return organization;
    }

    /** The longest run of days without working time a configuration may have (New Year holidays are 8-11). */
    static final int MAX_DAYS_WITHOUT_WORK = 31;

    /**
     * Refuses a configuration that gives no working time: a listed day the lunch break swallows, or a month without
     * a working minute in the calendar's years (or this year and the next, without a calendar). Deadlines and
     * reminders count working time, so they would never come due.
     */
    private static void requireWorkingTime(YamlFile yaml, Organization o, java.util.Set<String> keys) {
        new java.util.TreeMap<>(o.workingHours()).forEach((day, span) -> {
            if (o.lunchBreak() != null && o.lunchBreak().startMinute() <= span.startMinute()
                    && o.lunchBreak().endMinute() >= span.endMinute()) {
                String key = keys.stream().filter(k -> k.equalsIgnoreCase(day.name())).findFirst().orElse(day.name());
                throw yaml.error("the lunch break covers the whole working day, which leaves no working time",
                        "working-hours", key);
            }
        });
        int thisYear = LocalDate.now(o.timeZone()).getYear();
        int first = o.calendar().years().keySet().stream().min(Integer::compare).orElse(thisYear);
        int last = o.calendar().years().keySet().stream().max(Integer::compare).orElse(thisYear + 1);
        LocalDate idleSince = null;
        for (LocalDate d = LocalDate.of(first, 1, 1); !d.isAfter(LocalDate.of(last, 12, 31)); d = d.plusDays(1)) {
            if (!o.workingSpans(d).isEmpty()) {
                idleSince = null;
            } else if (idleSince == null) {
                idleSince = d;
            } else if (d.toEpochDay() - idleSince.toEpochDay() + 1 > MAX_DAYS_WITHOUT_WORK) {
                throw yaml.error("working-hours, lunch-break and production-calendar give no working time from "
                        + idleSince + " for more than " + MAX_DAYS_WITHOUT_WORK + " days; deadlines and reminders "
                        + "would never come due", "working-hours");
            }
        }
    }

    private static Map<String, Department> departments(YamlFile yaml, StaffFile file) {
        Map<String, Department> result = new LinkedHashMap<>();
        for (int i = 0; i < file.departments().size(); i++) {
            DepartmentEntry d = file.departments().get(i);
            checkId(yaml, d.id(), "departments", i, "id");
            if (result.put(d.id(), new Department(d.id(), d.name(), d.deputyHead(), d.approver(),
                    d.approvalChain() == null ? List.of() : List.copyOf(d.approvalChain()),
                    signedByDeputyHead(yaml, d, i), d.head(), Boolean.TRUE.equals(d.newAppealsDigest()))) != null) {
                throw yaml.error("duplicate department id '" + d.id() + "'", "departments", i, "id");
            }
        }
        return result;
    }

    /** {@code sign-by}: absent, or DEPUTY_HEAD where the department has a deputy head to sign (seed 000 п.6). */
    private static boolean signedByDeputyHead(YamlFile yaml, DepartmentEntry d, int i) {
        if (d.signBy() == null) {
            return false;
        }
        if (!d.signBy().equals("DEPUTY_HEAD")) {
            throw yaml.error("sign-by must be DEPUTY_HEAD (who signs the department's answers last), not "
                    + d.signBy(), "departments", i, "sign-by");
        }
        if (d.deputyHead() == null) {
            throw yaml.error("sign-by: DEPUTY_HEAD needs the department's deputy-head", "departments", i, "sign-by");
        }
        return true;
    }

    private static Map<String, StaffMember> staff(YamlFile yaml, StaffFile file, Map<String, Department> departments) {
        Map<String, StaffMember> result = new LinkedHashMap<>();
        Set<Long> telegramIds = new HashSet<>();
        Set<Long> maxIds = new HashSet<>();
        for (int i = 0; i < file.staff().size(); i++) {
            StaffEntry s = file.staff().get(i);
            checkId(yaml, s.id(), "staff", i, "id");
            if (s.department() != null && !departments.containsKey(s.department())) {
                throw yaml.error("unknown department '" + s.department() + "'", "staff", i, "department");
            }
            if (s.roles().isEmpty()) {
                throw yaml.error("at least one role is required", "staff", i, "roles");
            }
            if (s.roles().contains(Role.EXECUTOR) && s.department() == null) {
                throw yaml.error("an EXECUTOR must belong to a department", "staff", i, "department");
            }
            if (s.telegramId() != null && (s.telegramId() <= 0 || !telegramIds.add(s.telegramId()))) {
                throw yaml.error("telegram-id must be a positive number used by one person only", "staff", i,
                        "telegram-id");
            }
            if (s.maxId() != null && (s.maxId() <= 0 || !maxIds.add(s.maxId()))) {
                throw yaml.error("max-id must be a positive number (the MAX user id) used by one person only",
                        "staff", i, "max-id");
            }
            String shortName = s.shortName() != null ? s.shortName() : s.name();
            StaffMember member = new StaffMember(s.id(), s.name(), shortName, s.position(), s.department(),
                    Set.copyOf(s.roles()), s.telegramId(), s.phone(), s.substitute(), s.maxId(), s.messenger());
            if (result.put(s.id(), member) != null) {
                throw yaml.error("duplicate staff id '" + s.id() + "'", "staff", i, "id");
            }
        }
        for (int i = 0; i < file.staff().size(); i++) {
            StaffEntry s = file.staff().get(i);
            if (s.substitute() == null) {
                continue;
            }
            StaffMember substitute = result.get(s.substitute());
            if (substitute == null || substitute.id().equals(s.id())) {
                throw yaml.error("'" + s.substitute() + "' is not another staff member", "staff", i, "substitute");
            }
            if (s.roles().contains(Role.EXECUTOR) && !substitute.hasRole(Role.EXECUTOR)) {
                throw yaml.error("the substitute of an EXECUTOR must be an EXECUTOR: their appeals move to them",
                        "staff", i, "substitute");
            }
        }
        if (result.values().stream().noneMatch(m -> m.hasRole(Role.COORDINATOR))) {
            throw yaml.error("at least one COORDINATOR is required", "staff");
        }
        return result;
    }

    /** seed 000 п.13: the director of МКУ «МЦУР» approves the answer to an applicant who disagreed, first. */
    private static String secondaryApprover(YamlFile yaml, StaffFile file, Map<String, StaffMember> staff) {
        String id = file.secondaryApprover();
        if (id != null && !staff.containsKey(id)) {
            throw yaml.error("'" + id + "' is not a staff member", "secondary-approver");
        }
        return id;
    }

    /** 001 §3: the head of Управление делами decides where a difficult appeal goes; optional. */
    private static String caseDecider(YamlFile yaml, StaffFile file, Map<String, StaffMember> staff) {
        String id = file.caseDecider();
        if (id != null && !staff.containsKey(id)) {
            throw yaml.error("'" + id + "' is not a staff member", "case-decider");
        }
        return id;
    }

    /** {@code surge} (002 п.11, 004 п.25): count from 2, a calendar or working duration, street or address. */
    private static Surge surge(YamlFile yaml, ConfigFiles.SurgeEntry entry, String source) {
        if (entry == null) {
            return null;
        }
        if (entry.count() < 2 || entry.count() > 1000) {
            throw yaml.error("surge.count must be from 2 to 1000 (how many appeals make a surge), not "
                    + entry.count(), "sources", source, "surge", "count");
        }
        WorkDuration within = parse(yaml, WorkDuration::parse, entry.within(), "sources", source, "surge", "within");
        if (within.amount() == 0) {
            throw yaml.error("surge.within must be longer than zero, e.g. \"24 hours\"", "sources", source, "surge",
                    "within");
        }
        Surge.Same same = switch (entry.same()) {
            case "street" -> Surge.Same.STREET;
            case "address" -> Surge.Same.ADDRESS;
            default -> throw yaml.error("surge.same must be street or address, not " + entry.same(), "sources",
                    source, "surge", "same");
        };
        return new Surge(entry.count(), within, same);
    }

    private static void checkDepartmentPeople(YamlFile yaml, StaffFile file, Map<String, StaffMember> staff) {
        for (int i = 0; i < file.departments().size(); i++) {
            DepartmentEntry d = file.departments().get(i);
            if (d.head() != null && !staff.containsKey(d.head())) {
                throw yaml.error("'" + d.head() + "' is not a staff member", "departments", i, "head");
            }
            if (Boolean.TRUE.equals(d.newAppealsDigest()) && d.head() == null && d.deputyHead() == null) {
                throw yaml.error("new-appeals-digest needs the department's head or deputy-head, who receives it",
                        "departments", i, "new-appeals-digest");
            }
            if (d.deputyHead() != null && !hasRole(staff, d.deputyHead(), Role.DEPUTY_HEAD)) {
                throw yaml.error("'" + d.deputyHead() + "' is not a staff member with role DEPUTY_HEAD",
                        "departments", i, "deputy-head");
            }
            if (d.approver() != null && !hasRole(staff, d.approver(), Role.MODERATOR)) {
                throw yaml.error("'" + d.approver() + "' is not a staff member with role MODERATOR",
                        "departments", i, "approver");
            }
            List<String> chain = d.approvalChain() == null ? List.of() : d.approvalChain();
            for (int j = 0; j < chain.size(); j++) {
                if (!hasRole(staff, chain.get(j), Role.MODERATOR)) {
                    throw yaml.error("'" + chain.get(j) + "' is not a staff member with role MODERATOR",
                            "departments", i, "approval-chain", j);
                }
                if (chain.indexOf(chain.get(j)) != j) {
                    throw yaml.error("'" + chain.get(j) + "' is twice in the chain", "departments", i,
                            "approval-chain", j);
                }
            }
        }
    }

    private static Map<String, Category> categories(YamlFile yaml, RoutingFile file,
                                                    Map<String, Department> departments,
                                                    Map<String, StaffMember> staff) {
        Map<String, Category> result = new LinkedHashMap<>();
        for (int i = 0; i < file.categories().size(); i++) {
            CategoryEntry c = file.categories().get(i);
            checkId(yaml, c.code(), "categories", i, "code");
            if (!departments.containsKey(c.department())) {
                throw yaml.error("unknown department '" + c.department() + "'", "categories", i, "department");
            }
            List<String> executors = c.executors() == null ? List.of() : List.copyOf(c.executors());
            for (int j = 0; j < executors.size(); j++) {
                if (!hasRole(staff, executors.get(j), Role.EXECUTOR)) {
                    throw yaml.error("'" + executors.get(j) + "' is not a staff member with role EXECUTOR",
                            "categories", i, "executors", j);
                }
            }
            if (c.fastTrackDays() != null && (c.fastTrackDays() < 1 || c.fastTrackDays() > 30)) {
                throw yaml.error("fast-track-days must be from 1 to 30", "categories", i, "fast-track-days");
            }
            if (result.put(c.code(), new Category(c.code(), c.name(), c.department(), executors,
                    c.fastTrackDays(), Boolean.TRUE.equals(c.skipApprovalChain()),
                    c.aliases() == null ? List.of() : List.copyOf(c.aliases()))) != null) {
                throw yaml.error("duplicate category code '" + c.code() + "'", "categories", i, "code");
            }
        }
        return result;
    }

    private static Map<Source, SourceRegulation> regulations(YamlFile yaml) {
        RegulationsFile file = yaml.bind(RegulationsFile.class);
        List<WorkDuration> reminders = durations(yaml, file.reminders(), DEFAULT_REMINDERS, "reminders");
        List<WorkDuration> beforeDue = durations(yaml, file.beforeDue(), DEFAULT_BEFORE_DUE, "before-due");
        if (reminders.size() != 3) {
            throw yaml.error("the reminder ladder has exactly three levels", "reminders");
        }
        Map<Source, SourceRegulation> result = new EnumMap<>(Source.class);
        for (Map.Entry<Source, SourceEntry> entry : file.sources().entrySet()) {
            String key = entry.getKey().name();
            SourceEntry s = entry.getValue();
            List<WorkDuration> sourceReminders = s.reminders() == null ? reminders
                    : durations(yaml, s.reminders(), null, "sources", key, "reminders");
            if (sourceReminders.size() != 3) {
                throw yaml.error("the reminder ladder has exactly three levels", "sources", key, "reminders");
            }
            result.put(entry.getKey(), new SourceRegulation(
                    duration(yaml, s.answerDeadline(), "sources", key, "answer-deadline"),
                    duration(yaml, s.answerLead(), "sources", key, "answer-lead"),
                    duration(yaml, s.highPriorityAnswerDeadline(), "sources", key, "high-priority-answer-deadline"),
                    duration(yaml, s.acceptWithin(), "sources", key, "accept-within"),
                    stageTerm(yaml, s.reviewWithin(), key, "review-within"),
                    s.claimUntil() == null ? null : parse(yaml, v -> DailyHours.minutes(v, v), s.claimUntil(),
                            "sources", key, "claim-until"),
                    sourceReminders,
                    s.beforeDue() == null ? beforeDue
                            : durations(yaml, s.beforeDue(), null, "sources", key, "before-due"),
                    duration(yaml, s.returnAfterAcceptWithin(), "sources", key, "return-after-accept-within"),
                    s.unroutedWithin() == null ? sourceReminders.get(0)
                            : duration(yaml, s.unroutedWithin(), "sources", key, "unrouted-within"),
                    Boolean.TRUE.equals(s.redirectNeedsApproval()),
                    s.postponeMax() == null ? null : parse(yaml, BotConfigLoader::postponeMax, s.postponeMax(),
                            "sources", key, "postpone-max"),
                    s.postponedReassignAt() == null ? null : parse(yaml, BotConfigLoader::percent,
                            s.postponedReassignAt(), "sources", key, "postponed-reassign-at"),
                    duration(yaml, s.coExecutorWithin(), "sources", key, "co-executor-within"),
                    Boolean.TRUE.equals(s.notifyApplicant()),
                    postponeLimit(yaml, s.postponeLimit(), key),
                    !Boolean.FALSE.equals(s.returnNeedsLegalBasis()),
                    s.fastTrackAnswerDeadline() == null ? null : parse(yaml, BotConfigLoader::fastTrackTerm,
                            s.fastTrackAnswerDeadline(), "sources", key, "fast-track-answer-deadline"),
                    executorPlaces(yaml, s.placedBy(), key),
                    stageTerm(yaml, s.draftWithin(), key, "draft-within"),
                    stageTerm(yaml, s.placeWithin(), key, "place-within"),
                    materialsToCoordinators(yaml, s.coExecutorMaterialsTo(), key),
                    answerEvidence(yaml, s.answerEvidence(), key),
                    surge(yaml, s.surge(), key),
                    s.clarificationWait() == null ? SourceRegulation.DEFAULT_CLARIFICATION_WAIT
                            : duration(yaml, s.clarificationWait(), "sources", key, "clarification-wait")));
            if (s.placeWithin() != null && s.draftWithin() == null) {
                throw yaml.error("place-within needs draft-within: the stages' terms make the answer's term together",
                        "sources", key, "place-within");
            }
        }
        for (Map.Entry<Source, SourceRegulation> entry : result.entrySet()) {
            WorkDuration fast = entry.getValue().fastTrackAnswerDeadline();
            WorkDuration term = entry.getValue().answerDeadline();
            if (fast != null && fast.unit() == term.unit() && fast.working() == term.working()
                    && fast.amount() > term.amount()) {
                throw yaml.error("fast-track-answer-deadline \"" + fast + "\" is longer than answer-deadline \""
                        + term + "\"", "sources", entry.getKey().name(), "fast-track-answer-deadline");
            }
        }
        for (Source source : Source.values()) {
            if (!result.containsKey(source)) {
                throw yaml.error("no regulation for source " + source, "sources");
            }
        }
        return result;
    }

    private static List<WorkDuration> durations(YamlFile yaml, List<String> values, List<String> defaults,
                                                Object... path) {
        List<String> source = values != null ? values : defaults;
        List<WorkDuration> result = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            Object[] itemPath = java.util.Arrays.copyOf(path, path.length + 1);
            itemPath[path.length] = i;
            result.add(parse(yaml, WorkDuration::parse, source.get(i), itemPath));
        }
        return List.copyOf(result);
    }

    /** A postponement names a later date, so the limit is at least a day. */
    static WorkDuration postponeMax(String value) {
        WorkDuration d = WorkDuration.parse(value);
        if (d.unit() != WorkDuration.Unit.DAYS && d.asDuration().compareTo(java.time.Duration.ofDays(1)) < 0
                || d.amount() == 0) {
            throw new IllegalArgumentException("postpone-max must be at least one day, e.g. \"30 days\"");
        }
        return d;
    }

    /** {@code postpone-limit}: 1 (the default, seed 003 §3) or 2 (the second agreed first, seed 000 п.14). */
    private static int postponeLimit(YamlFile yaml, Integer value, String source) {
        if (value == null) {
            return 1;
        }
        if (value != 1 && value != 2) {
            throw yaml.error("postpone-limit must be 1 or 2 (how many postponed answers an appeal may have placed), "
                    + "not " + value, "sources", source, "postpone-limit");
        }
        return value;
    }

    /** {@code placed-by}: COORDINATOR (the default) or EXECUTOR (seed 000 п.10, 12; 002 п.4). */
    private static boolean executorPlaces(YamlFile yaml, String value, String source) {
        if (value == null || value.equals("COORDINATOR")) {
            return false;
        }
        if (value.equals("EXECUTOR")) {
            return true;
        }
        throw yaml.error("placed-by must be EXECUTOR or COORDINATOR (who places the approved answer on the portal), "
                + "not " + value, "sources", source, "placed-by");
    }

    /** {@code draft-within}, {@code review-within}, {@code place-within}: a duration or a share of the whole term. */
    private static StageTerm stageTerm(YamlFile yaml, String value, String source, String key) {
        return value == null ? null : parse(yaml, StageTerm::parse, value, "sources", source, key);
    }

    /** {@code co-executor-materials-to}: RESPONSIBLE (the default) or COORDINATORS (seed 004 п.17.2). */
    private static boolean materialsToCoordinators(YamlFile yaml, String value, String source) {
        if (value == null || value.equals("RESPONSIBLE")) {
            return false;
        }
        if (value.equals("COORDINATORS")) {
            return true;
        }
        throw yaml.error("co-executor-materials-to must be RESPONSIBLE or COORDINATORS (who gets the co-executors' "
                + "materials), not " + value, "sources", source, "co-executor-materials-to");
    }

    /** {@code answer-evidence}: optional (the default) or required (seed 000 п.6, 001 §4.6). */
    private static boolean answerEvidence(YamlFile yaml, String value, String source) {
        if (value == null || value.equals("optional")) {
            return false;
        }
        if (value.equals("required")) {
            return true;
        }
        throw yaml.error("answer-evidence must be required or optional (whether an answer needs a photo or a "
                + "document), not " + value, "sources", source, "answer-evidence");
    }

    /** A fast-track term is a real term: not zero. */
    static WorkDuration fastTrackTerm(String value) {
        WorkDuration d = WorkDuration.parse(value);
        if (d.amount() == 0) {
            throw new IllegalArgumentException("fast-track-answer-deadline must be longer than zero, e.g. \"10 days\"");
        }
        return d;
    }

    /** {@code "75%"}: a share from 1 to 99 per cent. */
    static int percent(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,3})\\s*%\\s*").matcher(value);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 99) {
            throw new IllegalArgumentException("'" + value + "' is not a share from 1% to 99%, e.g. \"75%\"");
        }
        return Integer.parseInt(m.group(1));
    }

    private static WorkDuration duration(YamlFile yaml, String value, Object... path) {
        return value == null ? null : parse(yaml, WorkDuration::parse, value, path);
    }

    private static <T> T parse(YamlFile yaml, Function<String, T> parser, String value, Object... path) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw yaml.error(e.getMessage(), path);
        }
    }

    private static void checkId(YamlFile yaml, String id, Object... path) {
        if (!id.matches(ID_PATTERN)) {
            throw yaml.error("'" + id + "' is not a valid id: lowercase latin letters, digits, '_', '.', '-', "
                    + "at most 32 characters", path);
        }
    }

    private static boolean hasRole(Map<String, StaffMember> staff, String id, Role role) {
        StaffMember member = staff.get(id);
        return member != null && member.hasRole(role);
    }
}
