package ru.appealdesk.support;

import java.util.Map;

/** Binds staff members to fake Telegram users the way people do it: an invite code, then /start <code>. */
public final class Staff {

    private Staff() {
    }

    /** Binds each staff id to its Telegram user; {@code others} are further fakes that should know the chats. */
    public static void bind(Api api, FakeTelegram telegram, Map<String, Long> users, FakeTelegram... others) {
        users.forEach((staff, userId) -> {
            String code = api.admin().post("/api/staff/" + staff + "/invites", "").json().get("code").asText();
            telegram.userSends(userId, "/start " + code);
            telegram.awaitText(userId, "Вы подключены");
            for (FakeTelegram other : others) {
                other.knowChat(userId);
            }
        });
    }
}
