package ru.appealdesk.bot.inbound;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused;

/** Explains in Russian why an action was refused. */
@Component
public class Refusals {

    private static final String STALE = Words.STALE_CARD.text();
    /** In the chat after the alert: what to do, and where the button will be. */
    static final String PHOTOS_NEXT_STEP = Words.PHOTOS_NEXT_STEP.text();
    /** Seed 004 п.20: after the alert, what a fast-track answer of Инцидент Менеджмент still needs. */
    static final String PROOF_NEXT_STEP = Words.PROOF_NEXT_STEP.text();
    /** Seed 000 п.6, 001 §4.6: after the alert, what an answer of a source that requires evidence still needs. */
    static final String EVIDENCE_NEXT_STEP = Words.EVIDENCE_NEXT_STEP.text();

    private final AppealQueries appeals;
    private final CardTexts texts;
    private final AppealAccess access;

    Refusals(AppealQueries appeals, CardTexts texts, AppealAccess access) {
        this.appeals = appeals;
        this.texts = texts;
        this.access = access;
    }

    /** The date limits of «Отложено» for this appeal (PRODUCT.md §9: postpone-max after it came in). */
    private String postponeDate(long appealId) {
        return appeals.find(appealId).flatMap(appeals::postponableUntil)
                .map(latest -> Words.POSTPONE_DATE_RANGE.text(CardTexts.DATE.format(latest)))
                .orElse(Words.POSTPONE_TOO_LATE.text());
    }

    /** Why {@code presser}'s action on the appeal was refused; details only for someone who may see the appeal. */
    public String explain(TransitionRefused refused, long appealId, StaffMember presser) {
        return switch (refused.reason()) {
            case WRONG_STATE, STALE -> stale(appealId, presser);
            case SELF_APPROVAL -> Words.SELF_APPROVAL.text();
            case NOT_ALLOWED -> Words.NOT_ALLOWED.text();
            case REASON_TOO_SHORT -> Words.REASON_TOO_SHORT.text();
            case REASON_WITHOUT_LEGAL_BASIS -> Words.REASON_WITHOUT_LEGAL_BASIS.text();
            case PHOTOS_REQUIRED -> Words.PHOTOS_REQUIRED.text();
            case PROOF_REQUIRED -> Words.PROOF_REQUIRED.text();
            case EVIDENCE_REQUIRED -> Words.EVIDENCE_REQUIRED.text();
            case POSTPONED_TWICE -> Words.POSTPONED_TWICE.text();
            case NO_SECONDARY_APPROVER -> Words.NO_SECONDARY_APPROVER.text();
            case POSTPONE_DATE_INVALID -> postponeDate(appealId);
            case TEXT_REQUIRED -> Words.TEXT_REQUIRED.text();
            case UNKNOWN_EXECUTOR -> Words.UNKNOWN_EXECUTOR.text();
            case NOT_FOUND -> Words.NOT_FOUND.text();
            case INVALID_RESOLUTION -> Words.INVALID_RESOLUTION.text();
            case RETURN_WINDOW_PASSED -> Words.RETURN_WINDOW_PASSED.text();
            case APPLICANT_NOT_NOTIFIED -> Words.APPLICANT_NOT_NOTIFIED.text();
            case CO_EXECUTOR_INVALID -> Words.CO_EXECUTOR_INVALID.text();
            case COMMENT_TOO_SHORT -> Words.COMMENT_TOO_SHORT.text();
        };
    }

    /**
     * «Карточка устарела»: to someone who may see the appeal, its current status and who acted last; to anyone
     * else (a forged press, a former executor) nothing about it.
     */
    String stale(long appealId, StaffMember presser) {
        if (presser == null) {
            return STALE;
        }
        return appeals.find(appealId).filter(a -> access.mayView(presser, a)).map(this::describe).orElse(STALE);
    }

    private String describe(AppealView a) {
        AppealView.HistoryItem last = a.stepEntry();
        String who = last.actorId() == null ? Words.AUTOMATICALLY.text() : texts.name(last.actorId());
        return Words.STALE_IN_STATUS.text(a.number(), a.status().title(), who, texts.time(last.at()));
    }

    /** Why an action was refused: one text per TransitionRefused.Reason, and the stale card. */
    enum Words implements Text {
        SELF_APPROVAL,
        NOT_ALLOWED,
        REASON_TOO_SHORT,
        REASON_WITHOUT_LEGAL_BASIS,
        PHOTOS_REQUIRED,
        PROOF_REQUIRED,
        EVIDENCE_REQUIRED,
        POSTPONED_TWICE,
        NO_SECONDARY_APPROVER,
        TEXT_REQUIRED,
        UNKNOWN_EXECUTOR,
        NOT_FOUND,
        INVALID_RESOLUTION,
        RETURN_WINDOW_PASSED,
        APPLICANT_NOT_NOTIFIED,
        CO_EXECUTOR_INVALID,
        COMMENT_TOO_SHORT,
        STALE_CARD,
        PHOTOS_NEXT_STEP,
        PROOF_NEXT_STEP,
        EVIDENCE_NEXT_STEP,
        POSTPONE_DATE_RANGE,
        POSTPONE_TOO_LATE,
        AUTOMATICALLY,
        STALE_IN_STATUS;

        @Override
        public String area() {
            return "bot.refusals";
        }
    }
}
