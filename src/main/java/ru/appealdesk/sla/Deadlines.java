package ru.appealdesk.sla;

import java.time.Instant;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.AnswerStage;
import ru.appealdesk.directory.Category;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.directory.SourceRegulation;
import ru.appealdesk.directory.StageTerm;
import ru.appealdesk.directory.WorkDuration;
import ru.appealdesk.workflow.DeadlinePolicy;

/** Computes an appeal's final deadline and the deadline for submitting its answer (PRODUCT.md §6). */
@Component
public class Deadlines implements DeadlinePolicy {

    private final Directory directory;
    private final WorkingTime workingTime;

    Deadlines(Directory directory, WorkingTime workingTime) {
        this.directory = directory;
        this.workingTime = workingTime;
    }

    @Override
    public Deadline compute(Source source, String categoryCode, Priority priority, Instant receivedAt) {
        SourceRegulation regulation = directory.regulation(source);
        Instant dueAt = termEnd(source, categoryCode, priority, receivedAt);
        if (regulation.stageTerms()) {
            // PRODUCT.md §13.2 (seed 004 п.12–16): the draft's term, then the approval's, then the placement's
            Instant answerDueAt = receivedAt;
            for (AnswerStage stage : AnswerStage.values()) {
                Instant end = stageDue(stage, source, categoryCode, priority, receivedAt, answerDueAt);
                answerDueAt = end != null ? end : answerDueAt;
            }
            return new Deadline(answerDueAt.isAfter(dueAt) ? answerDueAt : dueAt, answerDueAt);
        }
        if (regulation.answerLead() == null) {
            return new Deadline(dueAt, dueAt);
        }
        Instant answerDueAt = workingTime.minusLead(dueAt, regulation.answerLead());
        if (answerDueAt.isBefore(receivedAt)) {
            answerDueAt = dueAt;
        }
        return new Deadline(dueAt, answerDueAt);
    }

    /**
     * When a stage of the answer that began at {@code stageStart} must end (PRODUCT.md §13.2): its duration after it,
     * or its share of the whole term (receipt to the source's term, in working time) after it; null if the source
     * gives the stage no term.
     */
    public Instant stageDue(AnswerStage stage, Source source, String categoryCode, Priority priority,
                            Instant receivedAt, Instant stageStart) {
        StageTerm term = directory.regulation(source).stageTerm(stage);
        if (term == null) {
            return null;
        }
        if (term.duration() != null) {
            return workingTime.plus(stageStart, term.duration());
        }
        java.time.Duration whole = workingTime.workingBetween(receivedAt, termEnd(source, categoryCode, priority,
                receivedAt));
        return workingTime.plusWorkingTime(stageStart, share(whole, term.percent()));
    }

    /** {@code percent} % of a stretch of working time, to the second. */
    static java.time.Duration share(java.time.Duration whole, int percent) {
        return java.time.Duration.ofSeconds(whole.toSeconds() * percent / 100);
    }

    /** The source's term for the appeal: from receipt, by priority, category and fast track. */
    private Instant termEnd(Source source, String categoryCode, Priority priority, Instant receivedAt) {
        SourceRegulation regulation = directory.regulation(source);
        Category category = directory.category(categoryCode).orElse(null);
        Instant dueAt = workingTime.plus(receivedAt, answerTerm(source, category, priority, regulation));
        if (priority == Priority.FAST_TRACK && regulation.fastTrackAnswerDeadline() != null) {
            Instant fastTrack = workingTime.plus(receivedAt, regulation.fastTrackAnswerDeadline());
            boolean categoryIsShorter = fastTrackDays(source, category) != null && dueAt.isBefore(fastTrack);
            dueAt = categoryIsShorter ? dueAt : fastTrack;
        }
        return dueAt;
    }

    @Override
    public Deadline postponedTo(Source source, java.time.LocalDate date, Instant now) {
        java.time.LocalDate day = workingTime.isWorkingDay(date) ? date : workingTime.previousWorkingDay(date);
        Instant dueAt = workingTime.endOfWorkingDay(day);
        WorkDuration lead = directory.regulation(source).answerLead();
        Instant answerDueAt = lead == null ? dueAt : workingTime.minusLead(dueAt, lead);
        return new Deadline(dueAt, answerDueAt.isBefore(now) ? dueAt : answerDueAt);
    }

    @Override
    public java.time.LocalDate latestPostponement(Source source, Instant receivedAt) {
        WorkDuration max = directory.regulation(source).postponeMax();
        if (max == null) {
            // no postpone-max: up to a year after receipt, past the source's own term (seed 002 п.10)
            java.time.LocalDate received = workingTime.localDate(receivedAt);
            max = new WorkDuration(java.time.temporal.ChronoUnit.DAYS.between(received, received.plusYears(1)),
                    WorkDuration.Unit.DAYS, false);
        }
        return workingTime.localDate(workingTime.plus(receivedAt, max));
    }

    @Override
    public Instant plus(Instant from, ru.appealdesk.directory.WorkDuration duration) {
        return workingTime.plus(from, duration);
    }

    @Override
    public java.time.Duration workingBetween(Instant from, Instant to) {
        return workingTime.workingBetween(from, to);
    }

    @Override
    public Instant shifted(Instant term, java.time.Duration pause) {
        return term == null || pause.isZero() || pause.isNegative() ? term
                : workingTime.plusWorkingTime(term, pause);
    }

    @Override
    public java.time.LocalDate localDate(Instant instant) {
        return workingTime.localDate(instant);
    }

    /**
     * The term that applies before the source's {@code fast-track-answer-deadline} is considered: HIGH priority uses
     * the source's high-priority deadline where one is set; a category with {@code fast-track-days} uses them
     * (calendar days) for ПОС appeals only (PRODUCT.md §9: an ИМ FAST_TRACK appeal keeps its 6-hour term). A
     * {@code FAST_TRACK} appeal of a source with {@code fast-track-answer-deadline} gets that term unless this one
     * (the category's) ends earlier (PRODUCT.md §13.2, seed 002 п.7) — see {@link #compute}.
     */
    static WorkDuration answerTerm(Source source, Category category, Priority priority, SourceRegulation regulation) {
        if (priority == Priority.HIGH && regulation.highPriorityAnswerDeadline() != null) {
            return regulation.highPriorityAnswerDeadline();
        }
        WorkDuration categoryTerm = fastTrackDays(source, category);
        return categoryTerm != null ? categoryTerm : regulation.answerDeadline();
    }

    private static WorkDuration fastTrackDays(Source source, Category category) {
        return category != null && category.fastTrackDays() != null && source == Source.POS
                ? new WorkDuration(category.fastTrackDays(), WorkDuration.Unit.DAYS, false) : null;
    }
}
