package ru.appealdesk.intake;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where and how applicants' photos are fetched ({@code appealdesk.intake.*}), checked when bound.
 *
 * @param photoHosts    the portals' hosts photos may come from ({@code APPEALDESK_PHOTO_HOSTS}): {@code host},
 *                      {@code *.domain} (any host under it), each with an optional {@code :port}; HTTPS only, unless
 *                      an entry starts with {@code http://}. Empty: every photo link is refused
 * @param photoAllowPrivate fetch from loopback and private addresses too (tests, a portal inside the organisation's
 *                      network); otherwise a host that resolves to one is refused
 * @param photoMaxSize  the largest photo taken
 * @param photoTimeout  the deadline of one fetch, redirects included
 */
@ConfigurationProperties("appealdesk.intake")
record PhotoProperties(List<String> photoHosts, boolean photoAllowPrivate, DataSize photoMaxSize,
                       Duration photoTimeout) {

    PhotoProperties {
        photoHosts = photoHosts == null ? List.of()
                : photoHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
        photoHosts.forEach(PhotoHosts.Rule::parse);
        photoMaxSize = photoMaxSize == null ? DataSize.ofMegabytes(10) : photoMaxSize;
        if (photoMaxSize.toKilobytes() < 1 || photoMaxSize.toMegabytes() > 50) {
            throw new IllegalArgumentException("appealdesk.intake.photo-max-size must be from 1KB to 50MB");
        }
        photoTimeout = photoTimeout == null ? Duration.ofSeconds(30) : photoTimeout;
        if (photoTimeout.compareTo(Duration.ofSeconds(1)) < 0 || photoTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("appealdesk.intake.photo-timeout must be from 1s to 5m");
        }
    }
}
