package ru.appealdesk.bot.cards;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.HistoryType;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.bot.cards.TestAppeals.DUE;
import static ru.appealdesk.bot.cards.TestAppeals.NOW;

/** The executor's card after a clarification: the applicant's reply as plain text, kept off chats without it. */
class ClarificationLineTest {

    private static AppealView answered(String reply) {
        AppealView.HistoryItem received = new AppealView.HistoryItem(NOW, null, HistoryType.CLARIFICATION_RECEIVED,
                AppealStatus.AWAITING_APPLICANT, AppealStatus.IN_PROGRESS, "ivanov", reply, 6, null,
                List.of("2026-12-01T07:00:00Z", "2026-12-01T08:00:00Z", "60"));
        return new AppealView(7, Source.INCIDENT, "E-1", "roads", "roads", Priority.NORMAL, false, false,
                "Яма во дворе", null, new AppealView.Applicant("Сидоров С.С.", "+79990001122", null), List.of(), NOW,
                DUE, DUE, AppealStatus.IN_PROGRESS, "ivanov", 6, NOW, 0, null, List.of(received), null, 0, false,
                null, null, 0, List.of(), null, null);
    }

    @Test
    void theReplyIsPlainTextOfTheBodyAndItsMarkupIsTheApplicantsOwn() {
        // given a reply with characters that mean something in HTML
        AppealView a = answered("Дом 9 <корпус 2> & подъезд 3");

        // when the executor's card is drawn
        Message card = ExecutorCards.accepted(TestAppeals.facts(a, true), "В работе", null);

        // then the body carries the reply as written, without markup of its own (the body is escaped when sent)
        assertThat(card.body()).contains("📨 Ответ заявителя на уточнение:\nДом 9 <корпус 2> & подъезд 3")
                .doesNotContain("<b>", "&lt;");
    }

    @Test
    void withoutPersonalDataInTheChatsTheReplyStaysOnThePage() {
        AppealView a = answered("Иванов, кв. 12, телефон +79991234567");

        Message card = ExecutorCards.accepted(TestAppeals.minimal(a, true), "В работе", null);

        assertThat(card.body()).contains("Заявитель ответил на уточнение").doesNotContain("+79991234567", "кв. 12");
    }
}
