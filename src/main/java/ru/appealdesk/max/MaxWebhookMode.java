package ru.appealdesk.max;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when a MAX bot token is set and {@code MAX_MODE} is webhook, in any letter case. */
class MaxWebhookMode implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        boolean token = !binder.bind("appealdesk.max.bot-token", String.class).orElse("").isBlank();
        return token && binder.bind("appealdesk.max.mode", MaxProperties.Mode.class)
                .orElse(MaxProperties.Mode.LONGPOLLING) == MaxProperties.Mode.WEBHOOK;
    }
}
