package ru.appealdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ru.appealdesk.directory.WorkDuration;
import ru.appealdesk.workflow.AppealStatus;

/** What the timers ask to tell people; published once per tick so one person's alerts can go as one message. */
public final class Alerts {

    private Alerts() {
    }

    /** Why a person is told. */
    public enum Type {
        /** Ladder levels 1 and 2: the step's owner is reminded. */
        REMINDER,
        /** Ladder levels 2 and 3: the coordinators are alerted about a step that waits. */
        COORDINATOR_ALERT,
        /** Ladder level 3: the deputy head of the owner's department. */
        ESCALATION,
        /** Deadline countdown: the executor, some time before answerDueAt. */
        COUNTDOWN,
        /** answerDueAt passed and the appeal is not closed: its holder, the deputy head and the coordinators. */
        OVERDUE,
        /** dueAt passed and the appeal is not closed: «Срок рассмотрения истёк», to the same people. */
        TERM_EXPIRED,
        /** A 59-ФЗ appeal still with the coordinators: the countdown to its 7-day redirect deadline. */
        REDIRECT_COUNTDOWN,
        /** A 59-ФЗ appeal's 7-day redirect term passed while the coordinators still hold it (seed 003). */
        REDIRECT_OVERDUE,
        /** A co-executor's deadline approaches and they have not delivered their materials. */
        CO_COUNTDOWN,
        /** A co-executor's deadline passed without their materials: to them and the responsible executor. */
        CO_OVERDUE,
        /**
         * The draft's own term ({@code draft-within}, PRODUCT.md §13.2) passed while the executor has not submitted it:
         * to the executor who holds it; {@code since} is that term.
         */
        DRAFT_OVERDUE
    }

    /**
     * One alert to one person about one appeal: {@code holders} are who the step waits for, since {@code since},
     * in {@code status} (as it was when the alert fell due); {@code level} is the ladder level (0 otherwise).
     * At ladder level 3 {@code escalatedTo} names the deputy heads the step was escalated to. A countdown carries
     * its {@code offset} (how long before the answer deadline it was set) and the working time left. A
     * co-executor's alert names the {@code coExecutorId} it is about. A countdown's and a draft's overdue alert's
     * {@code since} is the term they are about (answerDueAt, or the draft's own term, PRODUCT.md §13.2).
     */
    public record Alert(String recipientId, Type type, long appealId, int level, List<String> holders,
                        Instant since, AppealStatus status, List<String> escalatedTo, WorkDuration offset,
                        Duration workingLeft, String coExecutorId) {

        public Alert {
            escalatedTo = escalatedTo == null ? List.of() : List.copyOf(escalatedTo);
        }

        public Alert(String recipientId, Type type, long appealId, int level, List<String> holders, Instant since,
                     AppealStatus status, List<String> escalatedTo, WorkDuration offset, Duration workingLeft) {
            this(recipientId, type, appealId, level, holders, since, status, escalatedTo, offset, workingLeft, null);
        }
    }

    /**
     * ПОС (seed 002 п.10): the share {@code postponed-reassign-at} of the postponed appeal's period is left; the
     * coordinators are asked to assign its executor (a card made for step {@code step}).
     */
    public record PostponedReassignDue(long appealId, int step, Instant at) {
    }

    /**
     * {@code clarification-wait} passed without the applicant's reply (seed 004 п.13): the coordinators are told and
     * may close the appeal without answer (a card made for step {@code step}).
     */
    public record ClarificationOverdue(long appealId, int step, Instant at) {
    }

    /** The alerts of one tick. */
    public record AlertsDue(List<Alert> alerts, Instant at) {
    }
}
