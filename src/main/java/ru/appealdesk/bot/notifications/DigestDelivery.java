package ru.appealdesk.bot.notifications;

import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.reports.NewAppealsDigestDue;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealView;

/**
 * A department's digest of new appeals (003 §2, «информирует руководителя»): one message to its head or deputy head
 * listing each appeal's number, category, address, executor and when it came; at most {@link #MAX_LINES} lines, the
 * rest counted (the dashboard has them all).
 */
@Component
class DigestDelivery {

    static final int MAX_LINES = 40;

    private final StepCards steps;
    private final CardTexts texts;

    DigestDelivery(StepCards steps, CardTexts texts) {
        this.steps = steps;
        this.texts = texts;
    }

    @EventListener
    void on(NewAppealsDigestDue due) {
        String lines = due.appeals().stream().limit(MAX_LINES).map(this::line).collect(Collectors.joining("\n"));
        int more = due.appeals().size() - MAX_LINES;
        String period = due.received().from().equals(due.received().to())
                ? Words.ON.text(CardTexts.DATE.format(due.received().from()))
                : Words.PERIOD.text(CardTexts.DATE.format(due.received().from()),
                        CardTexts.DATE.format(due.received().to()));
        steps.tell(due.to().id(), Words.DIGEST.text(Html.escape(due.department().name()), period,
                due.appeals().size(), lines, more > 0 ? Words.MORE.text(more) : ""));
    }

    private String line(AppealView a) {
        return Words.LINE.text(Html.escape(a.number()), Html.escape(texts.categoryName(a.category())),
                Html.escape(a.address() == null ? "" : a.address()), texts.time(a.receivedAt()),
                a.executorId() == null ? Words.UNASSIGNED.text() : Html.escape(texts.name(a.executorId())));
    }

    /** The words of the digest. */
    enum Words implements Text {
        DIGEST, ON, PERIOD, LINE, MORE, UNASSIGNED;

        @Override
        public String area() {
            return "bot.digest";
        }
    }
}
