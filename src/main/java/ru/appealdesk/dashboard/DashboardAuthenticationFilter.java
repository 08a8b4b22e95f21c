package ru.appealdesk.dashboard;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import ru.appealdesk.directory.Directory;

/**
 * Authenticates a dashboard request as a {@link Viewer} by its session cookie, on every request: the session must be
 * live (not past its end, not idle too long, not closed or revoked) and its holder still in the directory and bound
 * to the Telegram account it was opened for. A missing or dead cookie leaves the request anonymous, and the rules
 * refuse it. A Mini App's initData is no credential here: {@code POST /app/api/session} exchanges it, once, for a
 * session.
 */
final class DashboardAuthenticationFilter extends OncePerRequestFilter {

    static final String ROLE = "DASHBOARD";

    private final Sessions sessions;
    private final Directory directory;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    DashboardAuthenticationFilter(Sessions sessions, Directory directory) {
        this.sessions = sessions;
        this.directory = directory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Viewer> viewer = sessions.current(request).flatMap(s -> directory.staff(s.staffId()))
                .map(s -> Viewer.of(s, directory));
        if (viewer.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(viewer.get(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + ROLE)));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
