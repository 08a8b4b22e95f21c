package ru.appealdesk.bot.cards;

import org.junit.jupiter.api.Test;

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
}
