package ru.appealdesk.web;

import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only from the proxies of
 * {@code appealdesk.web.trusted-proxies}: Tomcat's {@code RemoteIpValve} with exactly those as its internal proxies,
 * so that the client address is the right-most one not a trusted proxy and HTTPS is taken from the proxy's word
 * only. With none listed there is no valve and every request is what its connection says. Spring Boot's own valve
 * ({@code server.forward-headers-strategy: native}, which trusts every private address) must stay off.
 */
@Component
class ForwardedHeaders implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ForwardedHeaders.class);

    private final WebProperties properties;

    ForwardedHeaders(WebProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (factory.getEngineValves().stream().anyMatch(RemoteIpValve.class::isInstance)) {
            throw new IllegalStateException("server.forward-headers-strategy must be none: forwarded headers are "
                    + "believed only from appealdesk.web.trusted-proxies");
        }
        if (properties.trustedProxies().isEmpty()) {
            log.info("No trusted proxies (appealdesk.web.trusted-proxies): X-Forwarded-* headers are ignored");
            return;
        }
        factory.addEngineValves(valve(properties));
        log.info("X-Forwarded-* headers are believed from {}", properties.trustedProxies());
    }

    /** The valve for these proxies. */
    static RemoteIpValve valve(WebProperties properties) {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(TrustedProxies.pattern(properties.trustedProxies()));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setProtocolHeaderHttpsValue("https");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        return valve;
    }

    /** After Spring Boot's customizers, so that a valve they added is seen. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
