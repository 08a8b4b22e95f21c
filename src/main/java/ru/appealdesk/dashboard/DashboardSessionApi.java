package ru.appealdesk.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code POST /app/api/session} (a Mini App's initData for a cookie) and {@code POST /app/api/logout}. */
@RestController
class DashboardSessionApi {

    private static final Logger log = LoggerFactory.getLogger(DashboardSessionApi.class);

    private final Sessions sessions;

    DashboardSessionApi(Sessions sessions) {
        this.sessions = sessions;
    }

    /** A Mini App exchanges its initData (checked by the filter) for a session cookie. */
    @PostMapping("/app/api/session")
    ResponseEntity<Void> session(@AuthenticationPrincipal Viewer viewer, HttpServletRequest request,
                                 HttpServletResponse response) {
        if (request.getAttribute(DashboardAuthenticationFilter.VIA_INIT_DATA) == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "send the Mini App's initData in X-Telegram-Init-Data");
        }
        sessions.open(viewer.id(), Credentials.Origin.MINI_APP, request, response);
        log.info("Dashboard session opened for {} by Mini App initData", viewer.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/app/api/logout")
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        sessions.close(request, response);
        return ResponseEntity.noContent().build();
    }
}
