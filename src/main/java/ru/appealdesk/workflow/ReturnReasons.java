package ru.appealdesk.workflow;

import ru.appealdesk.workflow.TransitionRefused.Reason;

/**
 * A return needs written reasons (seed 004 п.11): an empty or one-word reason is refused; where the source's
 * {@code return-needs-legal-basis} says so (the default, seed 000 п.4) it must also cite the legal act that makes the
 * executor not competent ({@link LegalBasis}).
 */
final class ReturnReasons {

    static final int MIN_LENGTH = 20;
    static final int MIN_WORDS = 3;

    private ReturnReasons() {
    }

    static String check(String reason, boolean needsLegalBasis) {
        String text = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        if (text.length() < MIN_LENGTH || text.split(" ").length < MIN_WORDS) {
            throw new TransitionRefused(Reason.REASON_TOO_SHORT, "the return reason is too short");
        }
        if (needsLegalBasis && !LegalBasis.cited(text)) {
            throw new TransitionRefused(Reason.REASON_WITHOUT_LEGAL_BASIS,
                    "the return reason does not cite a legal basis");
        }
        return text;
    }
}
