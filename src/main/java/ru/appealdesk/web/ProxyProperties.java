package ru.appealdesk.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reverse proxies whose {@code X-Forwarded-For}/{@code -Proto}/{@code -Host}/{@code -Port} the service believes.
 *
 * @param trustedProxies {@code appealdesk.web.trusted-proxies}: IP addresses (IPv4 or IPv6) and IPv4 ranges in CIDR
 *                       notation; empty (the default) honours no forwarded header from anyone
 */
@ConfigurationProperties("appealdesk.web")
record ProxyProperties(List<String> trustedProxies) {

    ProxyProperties {
        trustedProxies = trustedProxies == null ? List.of() : trustedProxies.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        TrustedProxies.pattern(trustedProxies); // refuses a malformed entry at start-up, naming it
    }
}
