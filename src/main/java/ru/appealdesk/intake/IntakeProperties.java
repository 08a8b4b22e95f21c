package ru.appealdesk.intake;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The intake module's settings ({@code appealdesk.intake.*}): invite links and where and how applicants' photos are
 * fetched; validated when bound. application.yml maps {@code TELEGRAM_BOT_USERNAME}, {@code APPEALDESK_PHOTO_HOSTS}
 * and the former name {@code appealdesk.telegram.bot-username} onto these keys.
 *
 * @param botUsername The bot's username for invite links https://t.me/BOT?start=CODE (TELEGRAM_BOT_USERNAME; a
 *                    leading @ is dropped); unset, the link shows a placeholder
 * @param photoHosts The portals' hosts photos may come from (APPEALDESK_PHOTO_HOSTS): host or *.domain (any host
 *                   under it), each with an optional :port; HTTPS only, unless an entry starts with http://. Empty:
 *                   every photo link is refused
 * @param photoAllowPrivate Fetch from hosts that resolve to loopback, private or link-local addresses too (tests, a
 *                          portal inside the organisation's network); off, such a host is refused
 * @param photoMaxSize The largest photo fetched (1KB..50MB)
 * @param photoTimeout The deadline of one fetch, redirects included (1s..5m)
 */
@Validated
@ConfigurationProperties("appealdesk.intake")
record IntakeProperties(
        @Pattern(regexp = "|[A-Za-z0-9_]{5,32}", message = "must be a Telegram username (5-32 letters, digits or '_')")
        String botUsername,
        List<@PhotoHost String> photoHosts,
        boolean photoAllowPrivate,
        @DefaultValue("10MB") DataSize photoMaxSize,
        @DefaultValue("30s") @DurationMin(seconds = 1, message = "must be from 1s to 5m")
        @DurationMax(minutes = 5, message = "must be from 1s to 5m")
        Duration photoTimeout) {

    IntakeProperties {
        botUsername = botUsername == null ? "" : botUsername.strip();
        if (botUsername.startsWith("@")) {
            botUsername = botUsername.substring(1);
        }
        photoHosts = photoHosts == null ? List.of()
                : photoHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
    }

    @AssertTrue(message = "appealdesk.intake.photo-max-size must be from 1KB to 50MB")
    boolean isPhotoMaxSizeWithinLimits() {
        return photoMaxSize.toKilobytes() >= 1 && photoMaxSize.toMegabytes() <= 50;
    }
}
