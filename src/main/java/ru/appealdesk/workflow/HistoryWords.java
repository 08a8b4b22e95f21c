package ru.appealdesk.workflow;

import java.time.LocalDate;
import java.util.List;

import ru.appealdesk.directory.Organization;
import ru.appealdesk.text.Text;

/**
 * History entries in words, for every edge that shows them (the API, the dashboard, the chat, the reports): the
 * entries keep facts (type, arguments, what a person wrote) and the sentences come from the catalog here.
 */
public final class HistoryWords {

    private HistoryWords() {
    }

    /**
     * The entry's comment as a person reads it: the sentence its facts make, with what a person wrote in it, or —
     * for an entry without facts (and a row older than V30 that kept a sentence V30 did not recognise) — what was
     * written (null if nothing).
     */
    public static String comment(AppealView.HistoryItem h) {
        List<String> a = h.args();
        if (a == null) {
            return h.comment();
        }
        return switch (h.type()) {
            case APPLICANT_NOTIFIED -> ("PHONE".equals(a.get(0)) ? Sentence.NOTIFIED_BY_PHONE
                    : Sentence.NOTIFIED_BY_EMAIL).text();
            case ANSWER_SUBMITTED -> AnswerType.valueOf(a.get(0)).title();
            case SECONDARY_APPROVED -> ("POSTPONEMENT".equals(a.get(0)) ? Sentence.POSTPONEMENT_APPROVED
                    : Sentence.APPROVED_AFTER_DISAGREEMENT).text();
            // the date of a postponement has always been written as stored (ISO)
            case PUBLISHED -> a.isEmpty() ? Sentence.PUBLISHED.text()
                    : AnswerType.CLARIFICATION.name().equals(a.get(0)) ? Sentence.PUBLISHED_CLARIFICATION.text()
                    : Sentence.PUBLISHED_POSTPONED.text(a.get(0));
            // seed 004 п.13: the paused interval (from, to, its working minutes) and the reply, if any
            case CLARIFICATION_RECEIVED, CLARIFICATION_MISSING, CLOSED_NO_CLARIFICATION -> Sentence.valueOf(
                    h.type().name()).text(paused(Long.parseLong(a.get(2))), h.comment() == null ? "" : h.comment());
            case REASSIGNED -> Sentence.POSTPONED_REASSIGNED.text();
            case SUBSTITUTED -> a.isEmpty() ? Sentence.SUBSTITUTED.text()
                    : Sentence.SUBSTITUTED_FOR_ABSENCE.text(date(a.get(0)), date(a.get(1)));
            case CHAIN_APPROVED -> Sentence.CHAIN_APPROVED.text(a.get(0), a.get(1));
            case ANSWER_APPROVED -> h.signature() ? Sentence.ANSWER_SIGNED.text() : h.comment();
            case APPROVAL_DELEGATED -> Sentence.APPROVAL_DELEGATED.text(a.get(0));
            case ANSWER_EDITED -> Sentence.ANSWER_EDITED.text(h.comment());
            case REOPENED -> Sentence.REOPENED.text(a.get(0), a.get(1), h.comment());
            default -> Sentence.valueOf(h.type().name()).text();
        };
    }

    /** Working minutes as hours and minutes: {@code 9:05}. */
    static String paused(long minutes) {
        return minutes / 60 + ":" + String.format("%02d", minutes % 60);
    }

    private static String date(String iso) {
        return Organization.DATE.format(LocalDate.parse(iso));
    }

    /** The sentences generated entries are shown with. */
    enum Sentence implements Text {
        AUTO_ACCEPTED, CLAIM_EXPIRED, RETURN_REJECTED, NOTIFIED_BY_PHONE, NOTIFIED_BY_EMAIL, POSTPONEMENT_APPROVED,
        APPROVED_AFTER_DISAGREEMENT, CHAIN_APPROVED, APPROVAL_DELEGATED, ANSWER_EDITED, PUBLISHED_POSTPONED,
        POSTPONED_CONFIRMED, POSTPONED_REASSIGNED, SUBSTITUTED, SUBSTITUTED_FOR_ABSENCE, PUBLISHED, REOPENED,
        TO_OPERATOR, REDIRECT_REJECTED, ANSWER_SIGNED, TO_CASE_DECIDER, BACK_TO_COORDINATORS,
        PUBLISHED_CLARIFICATION, CLARIFICATION_RECEIVED, CLARIFICATION_MISSING, CLOSED_NO_CLARIFICATION;

        @Override
        public String area() {
            return "history";
        }
    }
}
