package ru.appealdesk.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.directory.AccountReplaced;

/**
 * When an invite binds a staff member to another account of a messenger (Telegram or MAX), every dashboard session
 * and unused login link of theirs ends, in the same transaction as the new binding: the old account keeps no way into
 * the dashboard. (A session also counts only while its holder keeps its account, checked on every request; see
 * {@link Sessions}.)
 */
@Component
class SessionRevocation {

    private static final Logger log = LoggerFactory.getLogger(SessionRevocation.class);

    private final Credentials credentials;

    SessionRevocation(Credentials credentials) {
        this.credentials = credentials;
    }

    @EventListener
    void on(AccountReplaced replaced) {
        int revoked = credentials.revokeAll(replaced.staffId());
        log.info("Staff member {} moved from {} to {}: {} dashboard session(s) and login link(s) revoked",
                replaced.staffId(), replaced.previous(), replaced.current(), revoked);
    }
}
