package ru.appealdesk.bot.dialogs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every state of a conversation has exactly one dialog that takes the text typed in it. */
class DialogOwnersTest {

    private static List<DialogOwner> owners() {
        return new ArrayList<>(List.of(new Questions(null, null, null, null, null), new CloseDialog(null, null, null, null),
                new AnswerTypeChoice(null, null, null, null, null, null, null),
                new AnswerDraftDialog(null, null, null, null, null, null, null),
                new MaterialsDialog(null, null, null, null, null, null, null),
                new ClarificationDialog(null, null, null, null)));
    }

    @Test
    void theDialogsOwnEveryStateOnce() {
        assertThatCode(() -> new Dialogs(null, owners(), null, null, null, null)).doesNotThrowAnyException();
    }

    @Test
    void aStateNobodyOwnsStopsTheStart() {
        List<DialogOwner> owners = owners();
        owners.removeIf(o -> o instanceof CloseDialog);
        assertThatThrownBy(() -> new Dialogs(null, owners, null, null, null, null))
                .hasMessageContaining("no dialog owns the state AWAITING_NO_ANSWER_COMMENT");
    }

    @Test
    void aStateOwnedTwiceStopsTheStart() {
        List<DialogOwner> owners = owners();
        owners.add(new Questions(null, null, null, null, null));
        assertThatThrownBy(() -> new Dialogs(null, owners, null, null, null, null))
                .hasMessageContaining("two dialogs own the state");
    }
}
