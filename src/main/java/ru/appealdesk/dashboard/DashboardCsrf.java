package ru.appealdesk.dashboard;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.WebUtils;

/**
 * The dashboard's CSRF protection, Spring Security's pattern for a single-page application: the token lives in the
 * cookie {@code XSRF-TOKEN} (readable by the page's script, {@code Path=/}) and comes back in the header
 * {@code X-XSRF-TOKEN} (the page's script) or, masked, in the form field {@code _csrf} (the login link's form). Over
 * HTTPS the cookie is {@code SameSite=None; Secure; Partitioned} like a Mini App's session cookie, so that it is
 * stored inside Telegram's web client too; it is no credential, only a value another site cannot read.
 */
final class DashboardCsrf implements CsrfTokenRequestHandler {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";
    static final String PARAMETER = "_csrf";

    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

    /**
     * The token's cookie, written as {@link org.springframework.security.web.csrf.CookieCsrfTokenRepository} writes
     * it but through {@link ResponseCookie}, which keeps {@code Partitioned}; {@code secure} over HTTPS.
     */
    static CsrfTokenRepository repository(boolean secure) {
        return new CsrfTokenRepository() {
            @Override
            public CsrfToken generateToken(HttpServletRequest request) {
                return new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString());
            }

            @Override
            public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
                ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(COOKIE,
                        token == null ? "" : token.getToken()).path("/").maxAge(token == null ? 0 : -1);
                if (secure) {
                    cookie.secure(true).sameSite("None").partitioned(true);
                } else {
                    cookie.sameSite("Lax");
                }
                response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
            }

            @Override
            public CsrfToken loadToken(HttpServletRequest request) {
                Cookie cookie = WebUtils.getCookie(request, COOKIE);
                return cookie == null || !StringUtils.hasText(cookie.getValue()) ? null
                        : new DefaultCsrfToken(HEADER, PARAMETER, cookie.getValue());
            }
        };
    }

    /** Every response carries the token's cookie if the browser has none yet (the token is loaded at once). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        xor.handle(request, response, csrfToken);
        csrfToken.get();
    }

    /** The header's raw value (the script read it from the cookie), else the form's masked one. */
    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        String header = request.getHeader(csrfToken.getHeaderName());
        return (StringUtils.hasText(header) ? plain : xor).resolveCsrfTokenValue(request, csrfToken);
    }
}
