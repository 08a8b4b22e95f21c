package ru.appealdesk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/** Repeat messages (PRODUCT.md §9, seed 004 п.18): linked, routed to the earlier executor, the earlier answer quoted. */
class RepeatAppealTest extends EndToEndTest {

    @Test
    void aRepeatGoesToTheEarlierExecutorWithTheEarlierAnswerQuoted() {
        // given a roads appeal whose executor has answered
        JsonNode earlier = register(appealRequest("RP-2026-530001", "roads"));
        String executor = earlier.get("executor").asText();
        Sent draft = draftAnswer(executor, accept(executor, "RP-2026-530001"), "Решено",
                "Ямочный ремонт выполнен 03.03.2026.");
        submitDraft(user(executor), draft);
        awaitStatus(earlier.get("id").asLong(), "ANSWER_REVIEW");

        // when the applicant writes again, classified by the portal under another category
        ObjectNode request = appealRequest("RP-2026-530002", "buildings");
        request.put("repeatOf", "RP-2026-530001");
        JsonNode repeat = register(request);

        // then it is linked and routed to the earlier appeal's executor, not to the category's executors
        assertThat(repeat.get("repeatOf").asText()).isEqualTo("RP-2026-530001");
        assertThat(repeat.get("executor").asText()).isEqualTo(executor);
        assertThat(repeat.get("status").asText()).isEqualTo("ASSIGNED");
        Sent card = awaitCard(executor, "RP-2026-530002", "Взять в работу");
        assertThat(card.text()).contains("Повторное обращение для вас",
                "Предыдущее обращение № RP-2026-530001: ответ по нему («Решено»):",
                "Ямочный ремонт выполнен 03.03.2026.");
    }

    @Test
    void aRepeatOfAnAppealTheServiceNeverSawIsRoutedAsUsualAndSaysSo() {
        // when a repeat names an earlier appeal from before the service
        ObjectNode request = appealRequest("RP-2026-530003", "buildings");
        request.put("repeatOf", "DD-2025-000042");
        JsonNode repeat = register(request);

        // then it is kept as given and routed by its category; the card says the earlier one is unknown
        assertThat(repeat.get("repeatOf").asText()).isEqualTo("DD-2025-000042");
        String executor = repeat.get("executor").asText();
        assertThat(executor).isIn("petrova", "sidorov");
        Sent card = awaitCard(executor, "RP-2026-530003", "Взять в работу");
        assertThat(card.text()).contains("Предыдущее обращение № DD-2025-000042: в системе не найдено.");
    }

    @Test
    void aRepeatOfItselfOrAMalformedNumberIsRefusedAndNothingIsStored() {
        // when the portal sends a repeat of itself and one with a malformed earlier number
        ObjectNode itself = appealRequest("RP-2026-530004", "roads").put("repeatOf", "RP-2026-530004");
        ObjectNode malformed = appealRequest("RP-2026-530005", "roads").put("repeatOf", "DD 2026 <1>");
        Api.Response first = api.post("/api/appeals", itself.toString());
        Api.Response second = api.post("/api/appeals", malformed.toString());

        // then both are refused with problem+json and neither appeal exists
        assertThat(first.status()).isEqualTo(400);
        assertThat(first.json().get("detail").asText()).contains("'repeatOf' must name an earlier appeal");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().at("/errors/repeatOf").asText()).contains("letters, digits");
        // (the same numbers without the bad field are new appeals, so nothing was stored under them)
        assertThat(register(appealRequest("RP-2026-530004", "roads")).get("repeatOf").isNull()).isTrue();
        assertThat(register(appealRequest("RP-2026-530005", "roads")).get("repeatOf").isNull()).isTrue();
    }
}
