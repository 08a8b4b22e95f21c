package ru.appealdesk.directory;

import java.util.List;

/**
 * Deadlines and reminders for appeals from one source ({@code regulations.yml}). Optional values are null.
 * {@code claimUntilMinute} is minutes from local midnight; {@code returnAfterAcceptWithin}: how long after accepting
 * an appeal its executor may still return it (ЕЦУР, seed 000 п.9), null if not at all; {@code unroutedWithin}: an
 * appeal nobody was given by then reminds the coordinators and climbs the ladder like any step (seed 001 §4.4, 004
 * п.10), by default the ladder's first level;
 * {@code redirectNeedsApproval}: a coordinator's redirect to another organisation waits for a moderator (ПОС);
 * {@code postponeMax}: the latest date an «Отложено» answer may name, counted from {@code receivedAt} (PRODUCT.md §9),
 * null: up to a year after it, even past the source's own term (seed 002 п.10);
 * {@code postponedReassignAtPercent}: when this share of a postponed appeal's period is left the coordinators are
 * asked to assign its executor (ПОС, seed 002 п.10), null for no such card; {@code coExecutorWithin}: a
 * co-executor's deadline from {@code receivedAt} (PRODUCT.md §10), null: the appeal's answer deadline;
 * {@code notifyApplicant}: the executor tells the applicant the result before submitting (seed 000 п.15);
 * {@code postponeLimit}: how many «Отложено» answers an appeal may have placed, 1 (seed 003 §3) or 2, the second
 * agreed first by the secondary approver (seed 000 п.14); {@code returnNeedsLegalBasis}: a return must cite a legal
 * act (seed 000 п.4), else written reasons suffice (seed 004 п.11).
 * {@code fastTrackAnswerDeadline}: the term of a {@code FAST_TRACK} appeal unless its category's fast-track days are
 * shorter (ПОС, seed 002 п.7), null: such an appeal keeps the source's term.
 * {@code executorPlaces}: {@code placed-by: EXECUTOR}, the executor places the approved answer too, coordinators keep
 * it (seed 000 п.10, 12; 002 п.4); false: {@code COORDINATOR}, the default.
 * {@code draftWithin}, {@code reviewWithin}, {@code placeWithin}: the terms of the executor's draft (from receipt), of
 * the approval (from the draft's submission) and of the placement (from approval), each a duration or a share of the
 * whole term (PRODUCT.md §13.2, seed 003 §1, §3; 004 п.12–16), null: no term of its own.
 * {@code coExecutorMaterialsToCoordinators}: {@code co-executor-materials-to: COORDINATORS}, the co-executors'
 * materials go to the coordinators, who write the common answer (seed 004 п.17.2); false: {@code RESPONSIBLE}.
 * {@code answerEvidence}: {@code answer-evidence: required}, a «Решено», «Не решено» or «Отклонено» answer carries at
 * least one photo or document (seed 000 п.6, 001 §4.6); false: {@code optional}, the default.
 * {@code surge}: that many appeals of one category about one street or address within a time tell the department's
 * heads and the coordinators and are linked as a cluster (002 п.11, 004 п.25), null: off.
 * {@code clarificationWait}: how long an appeal awaits the applicant's reply to a clarification before the
 * coordinators are told and may close it (seed 004 п.13), by default 3 days.
 */
public record SourceRegulation(WorkDuration answerDeadline, WorkDuration answerLead,
                               WorkDuration highPriorityAnswerDeadline, WorkDuration acceptWithin,
                               StageTerm reviewWithin, Integer claimUntilMinute,
                               List<WorkDuration> reminders, List<WorkDuration> beforeDue,
                               WorkDuration returnAfterAcceptWithin, WorkDuration unroutedWithin,
                               boolean redirectNeedsApproval, WorkDuration postponeMax,
                               Integer postponedReassignAtPercent, WorkDuration coExecutorWithin,
                               boolean notifyApplicant, int postponeLimit, boolean returnNeedsLegalBasis,
                               WorkDuration fastTrackAnswerDeadline, boolean executorPlaces,
                               StageTerm draftWithin, StageTerm placeWithin,
                               boolean coExecutorMaterialsToCoordinators, boolean answerEvidence,
                               Surge surge, WorkDuration clarificationWait) {

    /** The default {@code clarification-wait}: 3 (calendar) days. */
    public static final WorkDuration DEFAULT_CLARIFICATION_WAIT = new WorkDuration(3, WorkDuration.Unit.DAYS, false);

    /** Whether the source sets {@code draft-within}: the stages' terms then make {@code answerDueAt}. */
    public boolean stageTerms() {
        return draftWithin != null;
    }

    /** The term of a stage of the answer, null if the source sets none. */
    public StageTerm stageTerm(AnswerStage stage) {
        return switch (stage) {
            case DRAFT -> draftWithin;
            case REVIEW -> reviewWithin;
            case PLACEMENT -> placeWithin;
        };
    }
}
