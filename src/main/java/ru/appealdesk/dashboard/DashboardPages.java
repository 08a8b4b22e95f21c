package ru.appealdesk.dashboard;

import static ru.appealdesk.logging.LogSafe.safe;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import ru.appealdesk.delivery.Html;
import ru.appealdesk.web.SignInThrottle;

/**
 * The dashboard's pages: {@code /app/} (the single page; its script and style at {@code /app/app.js},
 * {@code /app/app.css}) and the one-time login link's {@code /login}: a GET only shows a «Войти» button (link
 * previewers and mail scanners open links), the POST — with the form's CSRF token, from this site — uses the link
 * and sets the session cookie. A link works only while its staff member keeps the Telegram account it was sent to;
 * a refused link counts as a failed sign-in of the client's address.
 */
@Controller
class DashboardPages implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DashboardPages.class);
    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
            + "max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1f24;line-height:1.5}"
            + "button{font-size:1.1rem;padding:.7rem 1.4rem;border:0;border-radius:.4rem;background:#0b57d0;"
            + "color:#fff;cursor:pointer}button:focus-visible{outline:3px solid #1b1f24;outline-offset:2px}";
    private static final String POLICY = "default-src 'none'; style-src " + SignInPage.cspHash(STYLE)
            + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final Credentials credentials;
    private final Sessions sessions;
    private final SignInThrottle throttle;

    DashboardPages(Credentials credentials, Sessions sessions, SignInThrottle throttle) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/app/*.js", "/app/*.css").addResourceLocations("classpath:/dashboard/")
                .setCacheControl(CacheControl.noCache());
    }

    @GetMapping("/app")
    ResponseEntity<Void> app() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/app/")).build();
    }

    @GetMapping({"/app/", "/app/index.html"})
    ResponseEntity<Resource> index() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore())
                .body(new ClassPathResource("dashboard/index.html"));
    }

    @GetMapping("/login")
    void loginPage(@RequestParam(name = "token", required = false) String token,
                   @RequestParam(name = "appeal", required = false) String appeal, HttpServletRequest request,
                   HttpServletResponse response) throws IOException {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            page(response, HttpStatus.BAD_REQUEST, DashboardWords.LINK_BROKEN_TITLE.text(),
                    DashboardWords.LINK_BROKEN.text());
            return;
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        page(response, HttpStatus.OK, DashboardWords.SIGN_IN_TITLE.text(), DashboardWords.SIGN_IN_NOTE.text()
                + "<form method=\"post\" action=\"/login\"><input type=\"hidden\" "
                + "name=\"token\" value=\"" + token + "\">" + (landing(appeal) == null ? ""
                : "<input type=\"hidden\" name=\"appeal\" value=\"" + landing(appeal) + "\">")
                + "<input type=\"hidden\" name=\""
                + Html.escape(csrf.getParameterName()) + "\" value=\"" + Html.escape(csrf.getToken()) + "\">"
                + "<button type=\"submit\">" + DashboardWords.SIGN_IN_BUTTON.text() + "</button></form>");
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    void login(@RequestParam(name = "token", required = false) String token,
               @RequestParam(name = "appeal", required = false) String appeal, HttpServletRequest request,
               HttpServletResponse response) throws IOException {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.blocked(address);
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(SignInThrottle.retryAfterSeconds(wait.get())));
            page(response, HttpStatus.TOO_MANY_REQUESTS, DashboardWords.TOO_MANY_TITLE.text(),
                    DashboardWords.TOO_MANY.text(SignInThrottle.retryAfterSeconds(wait.get())));
            return;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            // another site posting someone's link would sign this browser in as that person
            log.info("Refused a dashboard login posted from another site ({})", safe(site));
            page(response, HttpStatus.FORBIDDEN, DashboardWords.REFUSED_TITLE.text(),
                    DashboardWords.REFUSED.text());
            return;
        }
        Optional<Credentials.Link> link = credentials.useLink(token)
                .filter(l -> sessions.holds(l.staffId(), l.account()));
        if (link.isEmpty()) {
            throttle.failed(address, "a dashboard login link: unknown, used, expired or revoked");
            page(response, HttpStatus.UNAUTHORIZED, DashboardWords.LINK_INVALID_TITLE.text(),
                    DashboardWords.LINK_INVALID.text());
            return;
        }
        sessions.open(link.get().staffId(), link.get().account(), Credentials.Origin.LINK, request, response);
        log.info("Dashboard session opened for {} by a login link from {}", link.get().staffId(), safe(address));
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", landing(appeal) == null ? "/app/" : "/app/?appeal=" + landing(appeal));
    }

    /** The appeal a login link lands on (its page, MAX's «Открыть обращение»): digits only, else none. */
    private static String landing(String appeal) {
        return appeal != null && appeal.matches("[0-9]{1,18}") ? appeal : null;
    }

    /** A small page of its own (title and HTML body), as the login link's pages are. */
    static void page(HttpServletResponse response, HttpStatus status, String title, String body)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\"><meta "
                + "name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title)
                + "</title><style>" + STYLE + "</style></head><body><h1>" + Html.escape(title) + "</h1>" + body
                + "</body></html>");
    }
}
