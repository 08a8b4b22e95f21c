package ru.appealdesk.dashboard;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;

import ru.appealdesk.web.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffAccounts;

/**
 * Authenticates a dashboard request as a {@link Viewer}: by the Mini App's {@code X-Telegram-Init-Data} header
 * (checked with the bot token) or by the session cookie. A header that fails the check is refused unless the
 * request also has a live session; a missing or dead cookie leaves the request anonymous, and the rules refuse it.
 */
final class DashboardAuthenticationFilter extends OncePerRequestFilter {

    static final String INIT_DATA_HEADER = "X-Telegram-Init-Data";
    static final String ROLE = "DASHBOARD";
    /** Request attribute: the viewer came with initData (the session endpoint turns it into a cookie). */
    static final String VIA_INIT_DATA = DashboardAuthenticationFilter.class.getName() + ".initData";

    private static final Logger log = LoggerFactory.getLogger(DashboardAuthenticationFilter.class);

    private final Optional<InitData> initData;
    private final Credentials credentials;
    private final StaffAccounts accounts;
    private final Directory directory;
    private final Clock clock;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    DashboardAuthenticationFilter(Optional<InitData> initData, Credentials credentials, StaffAccounts accounts,
                                  Directory directory, Clock clock, AuthenticationEntryPoint entryPoint) {
        this.initData = initData;
        this.credentials = credentials;
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Viewer> viewer;
        String raw = request.getHeader(INIT_DATA_HEADER);
        Optional<Long> user = raw == null ? Optional.empty() : telegramUser(raw);
        if (user.isPresent()) {
            viewer = accounts.byTelegramUser(user.get()).map(s -> Viewer.of(s, directory));
            if (viewer.isEmpty()) {
                log.info("Refused Mini App initData of Telegram user {}: not bound to staff", user.get());
                contexts.clearContext();
                Problems.write(response, HttpStatus.FORBIDDEN, "This Telegram account is not bound to staff");
                return;
            }
            request.setAttribute(VIA_INIT_DATA, Boolean.TRUE);
        } else {
            // a Mini App left open outlives its initData (init-data-max-age); its session cookie still counts
            viewer = cookie(request).flatMap(credentials::session).flatMap(s -> directory.staff(s.staffId()))
                    .map(s -> Viewer.of(s, directory));
            if (raw != null && viewer.isEmpty()) {
                contexts.clearContext();
                entryPoint.commence(request, response, new BadCredentialsException("initData refused"));
                return;
            }
        }
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

    private Optional<Long> telegramUser(String raw) {
        if (initData.isEmpty()) {
            log.info("Refused Mini App initData: no bot token is configured to check it");
            return Optional.empty();
        }
        try {
            return Optional.of(initData.get().verify(raw, clock.instant()));
        } catch (InitData.Invalid e) {
            log.info("Refused Mini App initData: {}", e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (Sessions.COOKIE.equals(c.getName())) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }
}
