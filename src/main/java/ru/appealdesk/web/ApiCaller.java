package ru.appealdesk.web;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import ru.appealdesk.directory.Source;

/**
 * Who called the REST API with a bearer token (the authentication's principal): a portal's connector from
 * {@code APPEALDESK_API_TOKENS} with its sources and scopes, or {@code default} ({@code APPEALDESK_API_TOKEN}) and
 * {@code admin} ({@code APPEALDESK_ADMIN_TOKEN}), which have every source and scope. The one place that says what a
 * caller may do with an appeal of a source; controllers ask it and never check scopes themselves.
 */
public record ApiCaller(String name, Set<Source> sources, Set<ApiScope> scopes) implements java.security.Principal {

    /** The name of {@code APPEALDESK_API_TOKEN}'s caller (and {@code appeal.registered_by} of what it registers). */
    public static final String DEFAULT = "default";
    /** The name of {@code APPEALDESK_ADMIN_TOKEN}'s caller. */
    public static final String ADMIN = "admin";

    /** What a caller may do with one appeal: act, be refused (403), or not learn that it exists (404). */
    public enum Access { ALLOWED, FORBIDDEN, HIDDEN }

    /** Appeals of {@code sources}, and only those registered by {@code registeredBy} unless that is null. */
    public record Reach(Set<Source> sources, String registeredBy) {
    }

    public ApiCaller {
        sources = Collections.unmodifiableSet(sources.isEmpty() ? EnumSet.noneOf(Source.class)
                : EnumSet.copyOf(sources));
        scopes = Collections.unmodifiableSet(scopes.isEmpty() ? EnumSet.noneOf(ApiScope.class)
                : EnumSet.copyOf(scopes));
    }

    /** Its name, as {@code Authentication.getName()} gives it (the audit log's actor). */
    @Override
    public String getName() {
        return name;
    }

    /** A caller with every source and scope. */
    static ApiCaller everything(String name) {
        return new ApiCaller(name, EnumSet.allOf(Source.class), EnumSet.allOf(ApiScope.class));
    }

    /** Whether it has {@code scope} for appeals of {@code source}. */
    public boolean may(ApiScope scope, Source source) {
        return scopes.contains(scope) && sources.contains(source);
    }

    /** The sources it has {@code scope} for (none without the scope). */
    public Set<Source> sourcesFor(ApiScope scope) {
        return scopes.contains(scope) ? sources : Set.of();
    }

    /** What it may read: any appeal of its sources with {@code read}, its own registrations with {@code intake}. */
    public List<Reach> readable() {
        return List.of(new Reach(sourcesFor(ApiScope.READ), null), new Reach(sourcesFor(ApiScope.INTAKE), name));
    }

    /** Whether it may read an appeal of {@code source} that {@code registeredBy} registered (null: unknown). */
    public boolean mayRead(Source source, String registeredBy) {
        return readable().stream().anyMatch(r -> r.sources().contains(source)
                && (r.registeredBy() == null || r.registeredBy().equals(registeredBy)));
    }

    /**
     * What it may do under {@code scope} with an appeal of {@code source} registered by {@code registeredBy}: an
     * appeal it may neither read nor act on is hidden (the caller learns nothing, not even that it exists), one it
     * reads but may not act on is forbidden.
     */
    public Access access(ApiScope scope, Source source, String registeredBy) {
        boolean readable = mayRead(source, registeredBy);
        if (scope == ApiScope.READ ? readable : may(scope, source)) {
            return Access.ALLOWED;
        }
        return readable ? Access.FORBIDDEN : Access.HIDDEN;
    }

    /** 403 with a problem body unless it has {@code scope} for {@code source}. */
    public void require(ApiScope scope, Source source) {
        if (!may(scope, source)) {
            throw refusal(scope, "for " + source);
        }
    }

    /** The sources it has {@code scope} for; 403 with a problem body when it has none. */
    public Set<Source> require(ApiScope scope) {
        if (sourcesFor(scope).isEmpty()) {
            throw refusal(scope, "");
        }
        return sources;
    }

    /** The problem a refused call answers with; it names the connector and what it may do, never its token. */
    public ResponseStatusException refusal(ApiScope scope, String what) {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, "The connector '" + name + "' has no '"
                + scope.label() + "' scope" + (what.isEmpty() ? "" : " " + what) + ": its sources are " + sources
                + ", its scopes " + scopes.stream().map(ApiScope::label).toList() + " (APPEALDESK_API_TOKENS)");
    }

    @Override
    public String toString() {
        return name;
    }
}
