package ru.appealdesk.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.AnswerStage;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Source;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.sla.Deadlines;
import ru.appealdesk.sla.WorkingTime;
import ru.appealdesk.workflow.HistoryType;
import ru.appealdesk.workflow.ReportFacts;
import ru.appealdesk.workflow.ReportFacts.StageEntryFact;
import ru.appealdesk.workflow.Transition;

/**
 * The stages of answers that overran their own terms (PRODUCT.md §13.2, seed 003 §1, §3; 004 п.12–16): each stage
 * is the holder's who ended it — the draft the executor's, the approval the approver's, the placement the placer's.
 */
@Component
public class StageLateness {

    /** One stage of an appeal's answer: who held it (who ended it), from when to when. */
    record Span(AnswerStage stage, Instant start, Instant end, String holderId) {
    }

    /** The entries that begin or end a stage, read from the lifecycle table. */
    static final List<HistoryType> TYPES = List.of(own(Transition.ending(AnswerStage.DRAFT)),
            own(Transition.PRE_APPROVE), own(Transition.APPROVE_STAGE), own(Transition.ending(AnswerStage.REVIEW)),
            own(Transition.SEND_TO_REWORK), own(Transition.ending(AnswerStage.PLACEMENT)),
            own(Transition.QUALITY_RETURN), HistoryType.REOPENED);

    private final ReportFacts facts;
    private final Deadlines deadlines;
    private final WorkingTime workingTime;
    private final Directory directory;

    StageLateness(ReportFacts facts, Deadlines deadlines, WorkingTime workingTime, Directory directory) {
        this.facts = facts;
        this.deadlines = deadlines;
        this.workingTime = workingTime;
        this.directory = directory;
    }

    /**
     * The stages that ended past their terms, of the appeals of these sources (null: all) that pass {@code covers}
     * and had a stage begin or end in {@code [from, to)}; oldest first per appeal.
     */
    List<DisciplineReport.StageLate> late(Instant from, Instant to, Set<Source> sources,
                                          java.util.function.Predicate<StageEntryFact> covers) {
        List<Source> timed = (sources == null ? List.of(Source.values()) : List.copyOf(sources)).stream()
                .filter(s -> java.util.Arrays.stream(AnswerStage.values())
                        .anyMatch(stage -> directory.regulation(s).stageTerm(stage) != null)).toList();
        List<DisciplineReport.StageLate> result = new ArrayList<>();
        List<StageEntryFact> appeal = new ArrayList<>();
        Consumer<List<StageEntryFact>> flush = entries -> {
            if (!entries.isEmpty() && covers.test(entries.get(0))) {
                StageEntryFact first = entries.get(0);
                for (Span span : spans(first.receivedAt(), entries)) {
                    lateness(first, span).ifPresent(result::add);
                }
            }
            entries.clear();
        };
        facts.stageEntries(from, to, TYPES, timed, e -> {
            if (!appeal.isEmpty() && appeal.get(0).appealId() != e.appealId()) {
                flush.accept(appeal);
            }
            appeal.add(e);
        });
        flush.accept(appeal);
        return result;
    }

    /** The stages of one appeal's answers that ended past their own terms (its page on the dashboard). */
    public List<DisciplineReport.StageLate> of(ru.appealdesk.workflow.AppealView a) {
        List<StageEntryFact> entries = a.history().stream().filter(h -> TYPES.contains(h.type()))
                .map(h -> new StageEntryFact(a.id(), a.source(), a.externalId(), a.category(), a.priority(),
                        a.departmentId(), a.receivedAt(), h.type(), h.at(), h.actorId(), h.executorId())).toList();
        return spans(a.receivedAt(), entries).stream().map(span -> lateness(entries.isEmpty() ? null
                : entries.get(0), span)).flatMap(java.util.Optional::stream).toList();
    }

    private java.util.Optional<DisciplineReport.StageLate> lateness(StageEntryFact a, Span span) {
        Instant term = deadlines.stageDue(span.stage(), a.source(), a.category(), a.priority(), a.receivedAt(),
                span.start());
        if (term == null || !span.end().isAfter(term)) {
            return java.util.Optional.empty();
        }
        long minutes = Math.max(1, workingTime.workingBetween(term, span.end()).toMinutes());
        String holder = span.holderId() == null ? ReportWords.NOT_ASSIGNED.text()
                : directory.staff(span.holderId()).map(StaffMember::shortName).orElse(span.holderId());
        return java.util.Optional.of(new DisciplineReport.StageLate(a.appealId(), a.externalId(), a.source(),
                a.departmentId(), span.stage(), span.holderId(), holder, span.start(), term, span.end(), minutes));
    }

    /**
     * The stages of one appeal's answer from its entries, oldest first: the draft from receipt (or a reopen) to its
     * submission; each approval from a submission (or an earlier approver's step) to the next decision; the placement
     * from the approval to «Размещено». A stage is its ender's: who acted in the entry that ended it.
     */
    static List<Span> spans(Instant receivedAt, List<StageEntryFact> entries) {
        List<Span> result = new ArrayList<>();
        Instant draft = receivedAt;
        Instant review = null;
        Instant placement = null;
        for (StageEntryFact e : entries) {
            HistoryType type = e.type();
            if (type == HistoryType.REOPENED) {
                draft = e.at();
                review = null;
                placement = null;
            } else if (type == own(Transition.ending(AnswerStage.DRAFT))) {
                if (draft != null) {
                    result.add(new Span(AnswerStage.DRAFT, draft, e.at(), e.actorId()));
                }
                draft = null;
                review = e.at();
            } else if (review != null && (type == own(Transition.PRE_APPROVE)
                    || type == own(Transition.APPROVE_STAGE))) {
                result.add(new Span(AnswerStage.REVIEW, review, e.at(), e.actorId()));
                review = e.at();
            } else if (review != null && (type == own(Transition.ending(AnswerStage.REVIEW))
                    || type == own(Transition.SEND_TO_REWORK))) {
                result.add(new Span(AnswerStage.REVIEW, review, e.at(), e.actorId()));
                review = null;
                placement = type == own(Transition.ending(AnswerStage.REVIEW)) ? e.at() : null;
            } else if (placement != null && type == own(Transition.ending(AnswerStage.PLACEMENT))) {
                result.add(new Span(AnswerStage.PLACEMENT, placement, e.at(), e.actorId()));
                placement = null;
            } else if (type == own(Transition.QUALITY_RETURN)) {
                placement = null;
            }
        }
        return result;
    }

    private static HistoryType own(Transition t) {
        return t.records().get(0);
    }
}
