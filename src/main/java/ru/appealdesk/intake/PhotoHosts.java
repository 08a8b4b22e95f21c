package ru.appealdesk.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import okhttp3.HttpUrl;
import org.springframework.stereotype.Component;

/**
 * Which photo links are taken ({@code appealdesk.intake.photo-hosts}): an absolute URL without credentials on a
 * listed host and port, HTTPS unless the host is listed with {@code http://}.
 */
@Component
class PhotoHosts {

    /** One listed host: {@code [http://|https://](host|*.domain)[:port]}. */
    record Rule(boolean http, String host, boolean wildcard, int port) {

        static Rule parse(String entry) {
            String rest = entry.toLowerCase(Locale.ROOT);
            boolean http = rest.startsWith("http://");
            rest = rest.replaceFirst("^https?://", "");
            int port = http ? 80 : 443;
            int colon = rest.lastIndexOf(':');
            try {
                if (colon > 0) {
                    port = Integer.parseInt(rest.substring(colon + 1));
                    rest = rest.substring(0, colon);
                }
            } catch (NumberFormatException e) {
                port = -1;
            }
            boolean wildcard = rest.startsWith("*.");
            String host = wildcard ? rest.substring(2) : rest;
            if (port < 1 || port > 65535 || !host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
                throw new IllegalArgumentException("appealdesk.intake.photo-hosts: '" + entry + "' is not a host "
                        + "name, *.domain or IPv4 address with an optional http:// and :port");
            }
            return new Rule(http, host, wildcard, port);
        }

        boolean matches(HttpUrl url) {
            boolean hostMatches = wildcard ? url.host().endsWith("." + host) : url.host().equals(host);
            return hostMatches && url.port() == port && url.scheme().equals(http ? "http" : "https");
        }
    }

    /** Validates one entry of {@link PhotoHost}: refused when {@link Rule#parse} refuses it. */
    static final class EntryCheck implements ConstraintValidator<PhotoHost, String> {

        @Override
        public boolean isValid(String entry, ConstraintValidatorContext context) {
            try {
                Rule.parse(entry);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    private final List<Rule> rules;

    PhotoHosts(IntakeProperties properties) {
        this.rules = properties.photoHosts().stream().map(Rule::parse).toList();
    }

    /** Why the link is not taken, or empty when it is. */
    Optional<String> refusal(String link) {
        HttpUrl url = link == null ? null : HttpUrl.parse(link.strip());
        if (url == null) {
            return Optional.of("must be an absolute http(s) URL");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            return Optional.of("must not carry a user name or password");
        }
        if (rules.stream().noneMatch(r -> r.matches(url))) {
            return Optional.of("must be an https URL on a portal host listed in appealdesk.intake.photo-hosts "
                    + "(APPEALDESK_PHOTO_HOSTS)");
        }
        return Optional.empty();
    }

    /** Whether a redirect from {@code from} to {@code to} stays on the same scheme, host and port. */
    static boolean sameOrigin(HttpUrl from, HttpUrl to) {
        return from.scheme().equals(to.scheme()) && from.host().equals(to.host()) && from.port() == to.port();
    }
}
