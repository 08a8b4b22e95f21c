package ru.appealdesk.telegram;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when a bot token is set and {@code TELEGRAM_MODE} is webhook, in any letter case. */
class WebhookMode implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        boolean token = !binder.bind("appealdesk.telegram.token", String.class).orElse("").isBlank();
        return token && binder.bind("appealdesk.telegram.mode", TelegramProperties.Mode.class)
                .orElse(TelegramProperties.Mode.LONGPOLLING) == TelegramProperties.Mode.WEBHOOK;
    }
}
