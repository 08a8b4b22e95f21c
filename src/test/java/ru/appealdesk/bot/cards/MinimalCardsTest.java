package ru.appealdesk.bot.cards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import ru.appealdesk.delivery.Button;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.bot.cards.TestAppeals.MOSCOW;
import static ru.appealdesk.bot.cards.TestAppeals.NAMES;
import static ru.appealdesk.bot.cards.TestAppeals.NOW;
import static ru.appealdesk.bot.cards.TestAppeals.PAGE;
import static ru.appealdesk.bot.cards.TestAppeals.answer;
import static ru.appealdesk.bot.cards.TestAppeals.appeal;
import static ru.appealdesk.bot.cards.TestAppeals.facts;
import static ru.appealdesk.bot.cards.TestAppeals.minimal;

/**
 * The step cards without the applicant's personal data ({@code appealdesk.chat.personal-data: minimal}, PRODUCT.md
 * §15): no name, contacts or text, «Открыть обращение» to the appeal's page; and with it, exactly as before.
 */
class MinimalCardsTest {

    /** Every step card, each drawn for an appeal in a status it is drawn in. */
    private static Map<String, Function<CardFacts, Message>> cards() {
        Map<String, Function<CardFacts, Message>> cards = new LinkedHashMap<>();
        cards.put("executor", f -> ExecutorCards.executor(f, Optional.empty()));
        cards.put("accepted", f -> ExecutorCards.accepted(f, "t", NOW.plusSeconds(3600)));
        cards.put("postponed", ExecutorCards::postponed);
        cards.put("coExecutor", f -> ExecutorCards.coExecutor(f, new AppealView.CoExecutor("petrov",
                NOW.plusSeconds(86_400), NOW, "ivanov", null, null, List.of())));
        cards.put("unrouted", f -> CoordinatorCards.unrouted(f, List.of(), Optional.empty()));
        cards.put("returned", f -> CoordinatorCards.returned(f, List.of(), "Не мой участок"));
        cards.put("approved", CoordinatorCards::approved);
        cards.put("postponedReassign", f -> CoordinatorCards.postponedReassign(f, List.of(), 50));
        cards.put("oversight", CoordinatorCards::oversight);
        cards.put("review", f -> ReviewCards.review(f, Optional.empty()));
        cards.put("redirectReview", f -> ReviewCards.redirectReview(f, "В Минтранс: региональная дорога"));
        cards.put("plain", ReviewCards::plain);
        return cards;
    }

    private static AppealView appealFor(String card) {
        return switch (card) {
            case "executor" -> appeal(AppealStatus.ASSIGNED, null, null);
            case "accepted", "oversight", "coExecutor" -> appeal(AppealStatus.IN_PROGRESS, null, null);
            case "postponed", "postponedReassign" -> appeal(AppealStatus.POSTPONED, answer(), null);
            case "unrouted" -> appeal(AppealStatus.NEW, null, null);
            case "returned" -> appeal(AppealStatus.RETURNED, null, null);
            case "approved" -> appeal(AppealStatus.APPROVED, answer(), null);
            case "review", "plain" -> appeal(AppealStatus.ANSWER_REVIEW, answer(), null);
            case "redirectReview" -> appeal(AppealStatus.REDIRECT_REVIEW, null, null);
            default -> throw new IllegalArgumentException(card);
        };
    }

    @Test
    void noStepCardCarriesTheApplicantsNameContactsOrTextAndEachOpensTheAppealsPage() {
        cards().forEach((card, draw) -> {
            Message m = draw.apply(minimal(appealFor(card), true));
            String all = m.header() + m.body();

            assertThat(all).as(card).doesNotContain("Сидоров").doesNotContain("+79990001122")
                    .doesNotContain("Яма во дворе").doesNotContain("Заявитель:")
                    .contains("Обращение № E-1").contains("Категория: Дороги");
            if (draw.apply(facts(appealFor(card), false)).body().contains("Яма во дворе")) {
                assertThat(m.body()).as(card + ": where the text was").contains("в чат не передаются")
                        .contains("«Открыть обращение»");
            }
            assertThat(CardTexts.showsContacts(m.header(), appealFor(card)))
                    .as(card + ": a card without contacts is not audited").isFalse();
            List<Button> last = m.buttons().get(m.buttons().size() - 1);
            assertThat(last).as(card).containsExactly(Button.page("🗂 Открыть обращение", PAGE));
        });
    }

    @Test
    void whatStaffTypedThemselvesStaysOnTheCard() {
        AppealView approved = appeal(AppealStatus.APPROVED, answer(), null);
        assertThat(CoordinatorCards.approved(minimal(approved, false)).body()).isEqualTo("Яма засыпана");
        assertThat(CoordinatorCards.returned(minimal(appeal(AppealStatus.RETURNED, null, null), false), List.of(),
                "Не мой участок").body()).startsWith("Причина возврата (Иванов И.И.):\nНе мой участок\n\n");
        assertThat(ReviewCards.review(minimal(appeal(AppealStatus.ANSWER_REVIEW, answer(), null), true),
                Optional.empty()).body()).contains("Яма засыпана").doesNotContain("Яма во дворе");
    }

    @Test
    void withoutADashboardAddressTheCardSaysWhereTheDataIsNotAndHasNoPageButton() {
        AppealView a = appeal(AppealStatus.ASSIGNED, null, null);
        CardFacts noPage = new CardFacts(a, "Дороги", NAMES, MOSCOW, NOW, true, false, null);

        Message m = ExecutorCards.executor(noPage, Optional.empty());

        assertThat(m.body()).isEqualTo("🔒 Заявитель, его контакты, текст обращения и фото в чат не передаются.");
        assertThat(m.buttons()).hasSize(1);
        assertThat(m.buttons().get(0)).allMatch(b -> b.page() == null && b.data() != null);
    }

    @Test
    void withPersonalDataEveryCardIsDrawnExactlyAsBeforeTheSettingExisted() {
        cards().forEach((card, draw) -> {
            AppealView a = appealFor(card);
            for (boolean contacts : new boolean[] {true, false}) {
                Message before = draw.apply(facts(a, contacts));
                Message full = draw.apply(new CardFacts(a, "Дороги", NAMES, MOSCOW, NOW, contacts, true, PAGE));

                assertThat(full).as(card).isEqualTo(before);
                assertThat(Objects.toString(full.buttons())).as(card).doesNotContain(PAGE);
            }
        });
        Message executor = ExecutorCards.executor(facts(appeal(AppealStatus.ASSIGNED, null, null), true),
                Optional.empty());
        assertThat(executor.header()).contains("Заявитель: Сидоров С.С., +79990001122\n");
        assertThat(executor.body()).isEqualTo("Текст обращения:\nЯма во дворе");
    }
}
