package ru.appealdesk.directory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The organisation as configured in {@code bot-config/}: staff, departments, categories and regulations. */
@Component
public class Directory {

    private static final Logger log = LoggerFactory.getLogger(Directory.class);

    private final BotConfig config;

    @Autowired
    Directory(DirectoryProperties properties) {
        this(properties.botConfigDir());
    }

    private Directory(Path configDir) {
        this.config = BotConfigLoader.load(configDir);
        log.info("Loaded bot-config from {}: {} departments, {} staff, {} categories",
                configDir.toAbsolutePath(), config.departments().size(), config.staff().size(),
                config.categories().size());
    }

    /** Loads a {@code bot-config/} folder outside Spring (tests, tools). */
    public static Directory load(Path configDir) {
        return new Directory(configDir);
    }

    public Organization organization() {
        return config.organization();
    }

    public Optional<StaffMember> staff(String id) {
        return Optional.ofNullable(id == null ? null : config.staff().get(id));
    }

    public Collection<StaffMember> allStaff() {
        return config.staff().values();
    }

    public List<StaffMember> withRole(Role role) {
        return config.staff().values().stream().filter(s -> s.hasRole(role)).toList();
    }

    /** The answer templates of {@code templates.yml}, in its order. */
    public List<AnswerTemplate> templates() {
        return config.templates();
    }

    /** The templates for answers of this type ({@code AnswerType} name) in this category, in the file's order. */
    public List<AnswerTemplate> templates(String category, String type) {
        return config.templates().stream().filter(t -> t.category().equals(category) && t.type().equals(type))
                .toList();
    }

    public Optional<AnswerTemplate> template(String id) {
        return config.templates().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Every department, in the order of {@code staff.yml}. */
    public Collection<Department> departments() {
        return config.departments().values();
    }

    /** Every category, in the order of {@code routing.yml}. */
    public Collection<Category> categories() {
        return config.categories().values();
    }

    public Optional<Department> department(String id) {
        return Optional.ofNullable(id == null ? null : config.departments().get(id));
    }

    public Optional<Category> category(String code) {
        return Optional.ofNullable(code == null ? null : config.categories().get(code));
    }

    public SourceRegulation regulation(Source source) {
        return config.regulations().get(source);
    }

    /** Who may execute appeals of a category: its listed executors, else its department's executors. */
    public List<StaffMember> executorsFor(Category category) {
        if (!category.executorIds().isEmpty()) {
            return category.executorIds().stream().map(config.staff()::get).toList();
        }
        return executorsOf(category.departmentId());
    }

    public List<StaffMember> executorsOf(String departmentId) {
        return withRole(Role.EXECUTOR).stream().filter(s -> departmentId.equals(s.departmentId())).toList();
    }

    /** The people who approve answers for a department: its approver, else every moderator. */
    /**
     * Who approves first the answer to an applicant who disagreed ({@code secondary-approver} in {@code
     * staff.yml}, seed 000 п.13); empty when not configured.
     */
    public Optional<StaffMember> secondaryApprover() {
        return staff(config.secondaryApproverId());
    }

    public List<StaffMember> approversFor(String departmentId) {
        return department(departmentId).map(Department::approverId).flatMap(this::staff)
                .map(List::of).orElseGet(() -> withRole(Role.MODERATOR));
    }

    /**
     * Who approves the answer of an appeal: the department's approvers other than its executor (nobody approves
     * their own answer); if that leaves nobody, the moderators other than the executor.
     */
    public List<StaffMember> approversFor(String departmentId, String executorId) {
        List<StaffMember> named = approversFor(departmentId).stream().filter(s -> !s.id().equals(executorId))
                .toList();
        return !named.isEmpty() ? named
                : withRole(Role.MODERATOR).stream().filter(s -> !s.id().equals(executorId)).toList();
    }

    /**
     * The approval chain for an answer of this department and category (001 §4.6), the executor left out; empty
     * when the department has none or the category skips it.
     */
    public List<StaffMember> approvalChain(String departmentId, String categoryCode, String executorId) {
        if (category(categoryCode).filter(Category::skipApprovalChain).isPresent()) {
            return List.of();
        }
        return department(departmentId).map(Department::approvalChain).orElse(List.of()).stream()
                .filter(id -> !id.equals(executorId)).map(this::staff).flatMap(Optional::stream).toList();
    }

    /**
     * The departments whose answers this person reviews: where they are the named approver, and, for a
     * moderator, those without one.
     */
    public Set<String> departmentsReviewedBy(StaffMember person) {
        return config.departments().values().stream()
                .filter(d -> person.id().equals(d.approverId()) || d.approvalChain().contains(person.id())
                        || (d.approverId() == null && person.hasRole(Role.MODERATOR)))
                .map(Department::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The category a portal's export names (PRODUCT.md §11, import): by its code, its name or one of its
     * {@code aliases} in {@code routing.yml}, ignoring case.
     */
    public Optional<Category> categoryNamed(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        return config.categories().values().stream().filter(c -> c.code().equalsIgnoreCase(n)
                || c.name().toLowerCase(java.util.Locale.ROOT).equals(n)
                || c.aliases().stream().anyMatch(a -> a.strip().toLowerCase(java.util.Locale.ROOT).equals(n)))
                .findFirst();
    }

    /** When reports go out in the chat ({@code reports.yml}); none configured means none. */
    public ReportSchedule reportSchedule() {
        return config.reportSchedule();
    }

    /** The departments a deputy head supervises ({@code contains(null)} is false: an unrouted appeal has none). */
    public Set<String> departmentsSupervisedBy(String staffId) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        config.departments().values().stream().filter(d -> staffId.equals(d.deputyHeadId()))
                .forEach(d -> ids.add(d.id()));
        return java.util.Collections.unmodifiableSet(ids);
    }

    /**
     * The deputy head who signs the department's answers as the last approval step ({@code sign-by: DEPUTY_HEAD},
     * seed 000 п.6), if the department says so.
     */
    public Optional<StaffMember> signerOf(String departmentId) {
        return department(departmentId).filter(Department::signedByDeputyHead).map(Department::deputyHeadId)
                .flatMap(this::staff);
    }

    /** The department's own head ({@code head} in {@code staff.yml}), if one is named. */
    public Optional<StaffMember> headOf(String departmentId) {
        return department(departmentId).map(Department::headId).flatMap(this::staff);
    }

    /**
     * Who decides where a difficult unrouted appeal goes ({@code case-decider} in {@code staff.yml}, 001 §3: the head
     * of Управление делами); empty when not named.
     */
    public Optional<StaffMember> caseDecider() {
        return staff(config.caseDeciderId());
    }

    /** The deputy head who supervises a department, if one is configured. */
    public Optional<StaffMember> deputyHeadOf(String departmentId) {
        return department(departmentId).map(Department::deputyHeadId).flatMap(this::staff);
    }

    /** Executors sorted by department then name, for choosing someone by hand. */
    public List<StaffMember> allExecutors() {
        return withRole(Role.EXECUTOR).stream()
                .sorted(Comparator.comparing(StaffMember::departmentId).thenComparing(StaffMember::shortName))
                .toList();
    }
}
