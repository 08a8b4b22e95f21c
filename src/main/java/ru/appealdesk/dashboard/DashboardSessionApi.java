package ru.appealdesk.dashboard;

import static ru.appealdesk.logging.LogSafe.safe;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.telegram.TelegramProperties;
import ru.appealdesk.web.Problems;
import ru.appealdesk.web.SignInThrottle;

/**
 * {@code POST /app/api/session}: a Mini App's initData, checked with the bot token, for a session cookie — once per
 * initData; refused initData counts as a failed sign-in of the client's address. {@code POST /app/api/logout} ends
 * the session on the server.
 */
@RestController
class DashboardSessionApi {

    static final String INIT_DATA_HEADER = "X-Telegram-Init-Data";

    private static final Logger log = LoggerFactory.getLogger(DashboardSessionApi.class);

    private final Optional<InitData> initData;
    private final StaffAccounts accounts;
    private final Credentials credentials;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final Clock clock;

    DashboardSessionApi(TelegramProperties telegram, DashboardProperties properties, StaffAccounts accounts,
                        Credentials credentials, Sessions sessions, SignInThrottle throttle, Clock clock) {
        this.initData = telegram.enabled()
                ? Optional.of(new InitData(telegram.token(), properties.initDataMaxAge())) : Optional.empty();
        this.accounts = accounts;
        this.credentials = credentials;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** A Mini App exchanges its initData for a session cookie; the session it had before, if any, ends. */
    @PostMapping("/app/api/session")
    void session(@RequestHeader(name = INIT_DATA_HEADER, required = false) String raw,
                 HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.blocked(address);
        if (wait.isPresent()) {
            SignInThrottle.refuse(response, wait.get());
            return;
        }
        if (raw == null) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "Send the Mini App's initData in X-Telegram-Init-Data");
            return;
        }
        if (initData.isEmpty()) {
            log.info("Refused Mini App initData: no bot token is configured to check it");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "The bot is not configured: initData cannot be checked");
            return;
        }
        InitData.Verified verified;
        try {
            verified = initData.get().verify(raw, clock.instant());
        } catch (InitData.Invalid e) {
            throttle.failed(address, "Mini App initData (" + e.getMessage() + ")");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "initData refused: open the Mini App again");
            return;
        }
        ChatAddress account = ChatAddress.telegram(verified.userId());
        Optional<StaffMember> staff = accounts.byAccount(account);
        if (staff.isEmpty()) {
            log.info("Refused Mini App initData of Telegram user {}: not bound to staff", verified.userId());
            Problems.write(response, HttpStatus.FORBIDDEN, "This Telegram account is not bound to staff");
            return;
        }
        Optional<String> secret = credentials.openSessionOnce(verified.digest(), verified.usableUntil(),
                staff.get().id(), account);
        if (secret.isEmpty()) {
            throttle.failed(address, "a replay of Mini App initData of Telegram user " + verified.userId());
            Problems.write(response, HttpStatus.UNAUTHORIZED, "This initData has opened a session already: "
                    + "open the Mini App again");
            return;
        }
        Sessions.cookie(request).ifPresent(credentials::closeSession);
        sessions.setCookie(secret.get(), Credentials.Origin.MINI_APP, request, response);
        log.info("Dashboard session opened for {} by Mini App initData from {}", staff.get().id(), safe(address));
        response.setStatus(HttpStatus.NO_CONTENT.value());
    }

    /** Ends the session on the server and clears its cookie (the CSRF token is required, as for any change). */
    @PostMapping("/app/api/logout")
    void logout(HttpServletRequest request, HttpServletResponse response) {
        sessions.close(request, response);
        response.setStatus(HttpStatus.NO_CONTENT.value());
    }
}
