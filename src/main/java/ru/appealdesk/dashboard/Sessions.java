package ru.appealdesk.dashboard;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.directory.StaffAccounts;

/**
 * The dashboard's session cookie: {@code HttpOnly}, {@code Path=/app}, {@code Secure} behind HTTPS. A browser
 * session is {@code SameSite=Lax}; a Mini App's is {@code SameSite=None; Partitioned} over HTTPS, because Telegram's
 * web client shows the Mini App in a frame of another site. A session counts only while its staff member is still
 * in the directory and still bound to the account (Telegram's or MAX's) it was opened for.
 */
@Component
class Sessions {

    static final String COOKIE = "APPEALDESK_SESSION";

    private final Credentials credentials;
    private final StaffAccounts accounts;
    private final DashboardProperties properties;

    Sessions(Credentials credentials, StaffAccounts accounts, DashboardProperties properties) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.properties = properties;
    }

    /** The request's live session, if its holder still has the account it was opened for. */
    Optional<Credentials.Session> current(HttpServletRequest request) {
        return cookie(request).flatMap(credentials::session).filter(s -> holds(s.staffId(), s.account()));
    }

    /** The staff member is in the directory and bound to this account now. */
    boolean holds(String staffId, ChatAddress account) {
        return accounts.accountsOf(staffId).contains(account);
    }

    /** Sets the cookie of a session just opened ({@code secret}) on the response. */
    void setCookie(String secret, Credentials.Origin origin, HttpServletRequest request,
                   HttpServletResponse response) {
        boolean secure = secure(request);
        boolean framed = origin == Credentials.Origin.MINI_APP && secure;
        ResponseCookie cookie = ResponseCookie.from(COOKIE, secret).httpOnly(true).secure(secure).path("/app")
                .sameSite(framed ? "None" : "Lax").partitioned(framed).maxAge(properties.sessionTtl()).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** Opens a session for the staff member's account and sets its cookie on the response. */
    void open(String staffId, ChatAddress account, Credentials.Origin origin, HttpServletRequest request,
              HttpServletResponse response) {
        setCookie(credentials.openSession(staffId, account, origin), origin, request, response);
    }

    /** Ends the request's session, if any, on the server, and clears the cookie (a Mini App's partitioned one too). */
    void close(HttpServletRequest request, HttpServletResponse response) {
        cookie(request).ifPresent(credentials::closeSession);
        boolean secure = secure(request);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, "").httpOnly(true).secure(secure)
                .path("/app").sameSite("Lax").maxAge(Duration.ZERO).build().toString());
        if (secure) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, "").httpOnly(true).secure(true)
                    .path("/app").sameSite("None").partitioned(true).maxAge(Duration.ZERO).build().toString());
        }
    }

    private boolean secure(HttpServletRequest request) {
        return request.isSecure() || properties.miniAppPossible();
    }

    static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }
}
