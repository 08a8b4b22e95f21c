package ru.appealdesk.dashboard;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The dashboard's session cookie: {@code HttpOnly}, {@code Path=/app}, {@code Secure} behind HTTPS. A browser
 * session is {@code SameSite=Lax}; a Mini App's is {@code SameSite=None; Partitioned} over HTTPS, because Telegram's
 * web client shows the Mini App in a frame of another site.
 */
@Component
class Sessions {

    static final String COOKIE = "APPEALDESK_SESSION";

    private final Credentials credentials;
    private final DashboardProperties properties;

    Sessions(Credentials credentials, DashboardProperties properties) {
        this.credentials = credentials;
        this.properties = properties;
    }

    /** Opens a session for the staff member and sets its cookie on the response. */
    void open(String staffId, Credentials.Origin origin, HttpServletRequest request, HttpServletResponse response) {
        String secret = credentials.openSession(staffId, origin, properties.sessionTtl());
        boolean secure = secure(request);
        boolean framed = origin == Credentials.Origin.MINI_APP && secure;
        ResponseCookie cookie = ResponseCookie.from(COOKIE, secret).httpOnly(true).secure(secure).path("/app")
                .sameSite(framed ? "None" : "Lax").partitioned(framed).maxAge(properties.sessionTtl()).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** Ends the request's session, if any, and clears the cookie. */
    void close(HttpServletRequest request, HttpServletResponse response) {
        DashboardAuthenticationFilter.cookie(request).ifPresent(credentials::closeSession);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, "").httpOnly(true)
                .secure(secure(request)).path("/app").sameSite("Lax").maxAge(Duration.ZERO).build().toString());
    }

    private boolean secure(HttpServletRequest request) {
        return request.isSecure() || properties.publicUrl() != null
                && "https".equals(properties.publicUrl().getScheme());
    }
}
