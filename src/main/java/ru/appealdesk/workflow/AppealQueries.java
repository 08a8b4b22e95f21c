package ru.appealdesk.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Source;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * Reads appeals for every edge (the chat, the API, the dashboard, the timers) and answers what the policy allows
 * now: until when a return or a postponement is possible, whether the applicant must be told first.
 */
@Service
public class AppealQueries {

    private final AppealRepository appeals;
    private final Directory directory;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    AppealQueries(AppealRepository appeals, Directory directory, DeadlinePolicy deadlines, Clock clock) {
        this.appeals = appeals;
        this.directory = directory;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * Until when the executor may still return an appeal they accepted (ЕЦУР: 24 hours, seed 000 п.9); null when
     * the source does not allow it or the appeal is not just accepted.
     */
    public Instant returnableUntil(AppealView a) {
        ru.appealdesk.directory.WorkDuration window = directory.regulation(a.source()).returnAfterAcceptWithin();
        return window == null || !a.justAccepted() ? null : deadlines.plus(a.stepStartedAt(), window);
    }

    /** When an appeal awaiting the applicant since its step began stops waiting: its {@code clarification-wait}. */
    public Instant clarificationWaitEnds(AppealView a) {
        return deadlines.plus(a.stepStartedAt(), directory.regulation(a.source()).clarificationWait());
    }

    /** Checks a postponement date before the executor goes on typing the answer. */
    @Transactional(readOnly = true, noRollbackFor = TransitionRefused.class)
    public void checkPostponement(long id, LocalDate until) {
        Appeal appeal = load(id);
        appeal.checkPostponement(until, limits(appeal.view()));
    }

    /**
     * The latest date an «Отложено» answer to this appeal may name now; empty when it cannot be postponed (the
     * source's {@code postpone-limit} is used up, a second time with no secondary approver, or the date limit is
     * already reached).
     */
    public Optional<LocalDate> postponableUntil(AppealView a) {
        PostponementLimits limits = limits(a);
        boolean allowed = a.postponeCount() < limits.limit() && (a.postponeCount() == 0 || limits.secondaryApprover());
        return allowed && limits.latest().isAfter(limits.today()) ? Optional.of(limits.latest()) : Optional.empty();
    }

    /** Whether a return of this appeal must cite a legal act (the source's {@code return-needs-legal-basis}). */
    public boolean returnNeedsLegalBasis(AppealView a) {
        return directory.regulation(a.source()).returnNeedsLegalBasis();
    }

    /** How many «Отложено» answers this appeal may have placed (the source's {@code postpone-limit}). */
    public int postponeLimit(AppealView a) {
        return directory.regulation(a.source()).postponeLimit();
    }

    /** Whether the executor must tell the applicant the result before submitting (seed 000 п.15). */
    public boolean applicantNoticeRequired(AppealView a) {
        return directory.regulation(a.source()).notifyApplicant();
    }

    /**
     * An answer of {@code type} to {@code a} must carry a photo or a document ({@code answer-evidence: required},
     * seed 000 п.6, 001 §4.6); an «Отложено» answer never must.
     */
    public boolean answerEvidenceRequired(AppealView a, AnswerType type) {
        return type != AnswerType.POSTPONED && type != AnswerType.CLARIFICATION
                && directory.regulation(a.source()).answerEvidence();
    }

    /** The postponement limits of {@code a} today. */
    PostponementLimits limits(AppealView a) {
        boolean secondary = directory.secondaryApprover().filter(s -> !s.id().equals(a.executorId())).isPresent();
        return new PostponementLimits(today(), deadlines.latestPostponement(a.source(), a.receivedAt()),
                directory.regulation(a.source()).postponeLimit(), secondary);
    }

    /** The appeal a portal knows by this number. */
    @Transactional(readOnly = true, noRollbackFor = TransitionRefused.class)
    public Optional<AppealView> find(Source source, String externalId) {
        return appeals.findBySourceAndExternalId(source, externalId).map(Appeal::view);
    }

    /** The appeals of a department received in {@code [from, until)}, in the order received (003 §2 digest). */
    @Transactional(readOnly = true)
    public List<AppealView> receivedBy(String departmentId, Instant from, Instant until) {
        return appeals.receivedBy(departmentId, from, until).stream().map(Appeal::view).toList();
    }

    /** The numbers of a surge's cluster, the first first: id and portal number (002 п.11). */
    @Transactional(readOnly = true)
    public List<java.util.Map.Entry<Long, String>> cluster(long cluster) {
        return appeals.inCluster(cluster).stream()
                .map(a -> java.util.Map.entry(a.id(), a.view().number())).toList();
    }

    @Transactional(readOnly = true, noRollbackFor = TransitionRefused.class)
    public Optional<AppealView> find(long id) {
        return appeals.findById(id).map(Appeal::view);
    }

    /** By the portal's number (any source) or by {@code #<id>}. */
    @Transactional(readOnly = true, noRollbackFor = TransitionRefused.class)
    public List<AppealView> findByNumber(String number) {
        String n = number.strip();
        if (n.matches("#\\d{1,18}")) {
            return find(Long.parseLong(n.substring(1))).map(List::of).orElse(List.of());
        }
        return appeals.findByIntakeExternalIdIgnoreCase(n).stream().map(Appeal::view).toList();
    }

    /**
     * Appeals matching any of the filters, nearest answer deadline first, one page at a time; filtered and counted
     * in the database, collections fetched in batches.
     */
    @Transactional(readOnly = true, noRollbackFor = TransitionRefused.class)
    public Page<AppealView> search(List<AppealFilter> filters, int page, int size) {
        Pageable pageable = PageRequest.of(page, size, Sort.by("terms.answerDueAt", "id"));
        return appeals.findAll(AppealSpecifications.anyOf(filters, clock.instant()), pageable).map(Appeal::view);
    }

    /** The aggregate, or NOT_FOUND. */
    Appeal load(long id) {
        return appeals.findById(id).orElseThrow(() -> new TransitionRefused(Reason.NOT_FOUND, "no appeal " + id));
    }

    private LocalDate today() {
        return deadlines.localDate(clock.instant());
    }
}
