package ru.appealdesk.bot;

/** Fixed Russian replies of the bot. */
final class Replies {

    static final String NOT_REGISTERED = "Вы не зарегистрированы. Чтобы подключиться, получите код приглашения "
            + "у администратора и отправьте /start &lt;код&gt;.";
    static final String HINT = "Я жду действий через кнопки в карточках обращений. Команды: /my — мои обращения, "
            + "/appeal &lt;номер&gt; — карточка обращения, /help — справка.";

    private Replies() {
    }
}
