package ru.appealdesk.support;

import java.util.List;
import java.util.function.Predicate;

import ru.appealdesk.chat.MessengerKind;

/** {@link Phone} on the fake Bot API. */
public final class TelegramPhone implements Phone {

    private final FakeTelegram telegram;

    public TelegramPhone(FakeTelegram telegram) {
        this.telegram = telegram;
    }

    @Override
    public MessengerKind messenger() {
        return MessengerKind.TELEGRAM;
    }

    @Override
    public void start(long userId, String code) {
        telegram.userSends(userId, "/start " + code);
    }

    @Override
    public void userSends(long userId, String text) {
        telegram.userSends(userId, text);
    }

    @Override
    public void userSendsPhoto(long userId, byte[] jpeg) {
        telegram.userSendsPhoto(userId, jpeg);
    }

    @Override
    public String press(long userId, Msg message, String label) {
        return pressData(userId, message, message.button(label).data());
    }

    @Override
    public String pressData(long userId, Msg message, String data) {
        FakeTelegram.Sent sent = telegram.messagesTo(userId).stream()
                .filter(s -> String.valueOf(s.messageId()).equals(message.id())).findFirst()
                .orElseThrow(() -> new AssertionError("no message " + message.id() + " in chat " + userId));
        return telegram.pressData(userId, sent, data);
    }

    @Override
    public List<Msg> messagesTo(long userId) {
        return telegram.messagesTo(userId).stream().map(TelegramPhone::msg).toList();
    }

    @Override
    public Msg awaitMessage(long userId, Predicate<Msg> condition) {
        return msg(telegram.awaitMessage(userId, s -> condition.test(msg(s))));
    }

    @Override
    public String awaitAnswer(String pressId) {
        return telegram.awaitAnswer(pressId).text();
    }

    @Override
    public List<String> takeViolations() {
        return telegram.takeViolations();
    }

    @Override
    public boolean idle() {
        return telegram.idle();
    }

    private static Msg msg(FakeTelegram.Sent s) {
        return new Msg(String.valueOf(s.messageId()), s.chatId(), s.text(), s.keyboard().stream()
                .map(row -> row.stream().map(b -> new Btn(b.text(), b.data(), b.url() != null ? b.url() : b.webApp()))
                        .toList()).toList(), !s.method().equals("sendMessage"));
    }
}
