package ru.appealdesk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the configured tokens. The comparison is over
 * SHA-256 digests in constant time and visits every token, so neither length nor position leaks. A request
 * without the header goes on anonymous (and is refused by the rules unless the endpoint is public); a request with
 * a wrong token is refused at once and counted by the {@link SignInThrottle}; an address that failed too often is
 * refused (429) before its token is looked at. The authentication's principal is the token's {@link ApiCaller}.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    /** One configured token: who presents it (the principal) and that caller's role. */
    record Credential(ApiCaller caller, String role, byte[] digest) {

        static Credential of(ApiCaller caller, String role, String token) {
            return new Credential(caller, role, sha256(token));
        }
    }

    private static final String PREFIX = "Bearer ";

    private final List<Credential> credentials;
    private final AuthenticationEntryPoint entryPoint;
    private final SignInThrottle throttle;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(List<Credential> credentials, AuthenticationEntryPoint entryPoint, SignInThrottle throttle) {
        this.credentials = List.copyOf(credentials);
        this.entryPoint = entryPoint;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> wait = throttle.blocked(request.getRemoteAddr());
        if (wait.isPresent()) {
            contexts.clearContext();
            SignInThrottle.refuse(response, wait.get());
            return;
        }
        byte[] presented = sha256(header.substring(PREFIX.length()).trim());
        Credential matched = null;
        for (Credential credential : credentials) {
            if (MessageDigest.isEqual(credential.digest(), presented) && matched == null) {
                matched = credential;
            }
        }
        if (matched == null) {
            throttle.failed(request.getRemoteAddr(), "a bearer token");
            contexts.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Unknown bearer token"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(matched.caller(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + matched.role())));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
