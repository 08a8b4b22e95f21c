package ru.appealdesk.bot.cards;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackTest {

    @Test
    void callbackDataIsRoundTrippedAndBounded() {
        Callback cb = new Callback(Callback.Action.ASSIGN, 123456789012L, 42, "sidorov");
        assertThat(Callback.parse(cb.data())).contains(cb);
        assertThat(Callback.parse("acc:1")).isEmpty();
        assertThat(Callback.parse("acc:x:1")).isEmpty();
        assertThat(Callback.parse("nope:1:1")).isEmpty();
        assertThat(Callback.parse("acc:1:1:a:b")).isEmpty();
    }

    @Test
    void onlyAPlainTransitionIsCarriedOutByName() {
        // the button of an older action that became plain keeps its data
        assertThat(Callback.parse("rdj:7:3").flatMap(Callback::plain)).contains(Transition.REJECT_REDIRECT);
        assertThat(Callback.parse("do:7:3:REJECT_REDIRECT").flatMap(Callback::plain))
                .contains(Transition.REJECT_REDIRECT);
        // a forged name of a transition with a method of its own, or of none, carries out nothing
        assertThat(Callback.parse("do:7:3:APPROVE").flatMap(Callback::plain)).isEmpty();
        assertThat(Callback.parse("do:7:3:PUBLISH").flatMap(Callback::plain)).isEmpty();
        assertThat(Callback.parse("do:7:3:nothing").flatMap(Callback::plain)).isEmpty();
        assertThat(Callback.parse("do:7:3").flatMap(Callback::plain)).isEmpty();
        assertThat(Callback.parse("acc:7:3").flatMap(Callback::plain)).isEmpty();
    }

    @Test
    void everyButtonTheTableOffersHasAnActionThatLeadsBackToItsTransition() {
        for (Transition t : Transition.values()) {
            if (t.button().isPresent()) {
                assertThat(Callback.Action.starting(t).transitions).as("%s", t).contains(t);
            }
        }
        assertThat(Callback.Action.starting(Transition.ACCEPT)).isEqualTo(Callback.Action.ACCEPT);
        assertThat(Callback.Action.starting(Transition.SUBMIT_ANSWER)).isEqualTo(Callback.Action.PREPARE_ANSWER);
        assertThat(Callback.Action.starting(Transition.DELEGATE_REVIEW)).isEqualTo(Callback.Action.DELEGATE);
    }

    @Test
    void aCardsButtonsComeFromTheTable() {
        AppealView a = new AppealView(7, null, "N-1", null, null, null, false, false, null, null, null, List.of(),
                null, null, null, AppealStatus.ASSIGNED, "ivanov", 3, null, 0, null, List.of(), null, 0, false, null,
                null, 0, List.of(), null, null);
        List<Button> buttons = Callback.offered(a, Transition.Actor.EXECUTOR);
        assertThat(buttons).extracting(Button::data).startsWith("acc:7:3", "ret:7:3");
        assertThat(buttons.get(0).text()).isEqualTo(Buttons.ACCEPT.text());
    }

    @Test
    void aPageButtonIsAMiniAppInTelegramAndAPressForAFreshLinkElsewhere() {
        List<List<Button>> rows = List.of(List.of(new Button("Взять", "acc:7:1")),
                List.of(Button.page("Открыть обращение", "https://appeals.example/app/?appeal=7")));

        assertThat(Keyboards.forMessenger(rows, MessengerKind.TELEGRAM, 7, 1)).isSameAs(rows);
        List<List<Button>> max = Keyboards.forMessenger(rows, MessengerKind.MAX, 7, 1);
        assertThat(max.get(0)).isEqualTo(rows.get(0));
        assertThat(max.get(1).get(0).page()).isNull();
        assertThat(max.get(1).get(0).text()).isEqualTo("Открыть обращение");
        assertThat(Callback.parse(max.get(1).get(0).data())).hasValueSatisfying(cb -> {
            assertThat(cb.action()).isEqualTo(Callback.Action.PAGE);
            assertThat(cb.appealId()).isEqualTo(7);
        });
    }
}
