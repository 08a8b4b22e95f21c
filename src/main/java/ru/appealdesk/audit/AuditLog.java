package ru.appealdesk.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import ru.appealdesk.workflow.AppealView;

/**
 * Writes the audit log (PRODUCT.md §15, table {@code audit_event}): who read an applicant's contacts, through which
 * channel, of which appeal, and what personal data retention deleted. One insert per reading, in the caller's
 * transaction when there is one (a card that is rolled back leaves no row); a list is one batch.
 */
@Component
public class AuditLog {

    /** What happened. */
    public enum Action {
        /** A chat card showed the applicant's contacts. */
        CARD_WITH_CONTACTS,
        /** The dashboard's appeal page was opened by a viewer who may see the contacts. */
        APPEAL_PAGE,
        /** «Показать контакты» on the dashboard. */
        CONTACTS_SHOWN,
        /** {@code GET /api/appeals/{id}} returned the appeal with its applicant. */
        APPEAL_READ,
        /** {@code GET /api/appeals} returned the appeal with its applicant in a page of the list. */
        APPEAL_LISTED,
        /** Retention deleted an answer draft nobody touched. */
        DRAFT_DELETED,
        /** Retention deleted files no answer or draft refers to. */
        FILES_DELETED,
        /** Retention deleted messages that could not be delivered, with their content. */
        MESSAGES_DELETED
    }

    /** Where it happened. */
    public enum Channel {
        TELEGRAM, MAX, DASHBOARD, API, RETENTION;

        /** The channel of a chat in this messenger. */
        public static Channel of(ru.appealdesk.chat.MessengerKind messenger) {
            return messenger == ru.appealdesk.chat.MessengerKind.MAX ? MAX : TELEGRAM;
        }
    }

    /** The actor of deletions by retention. */
    public static final String RETENTION = "retention";

    private static final String INSERT = "insert into audit_event (at, actor, action, channel, appeal_id, detail) "
            + "values (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A staff member read the applicant's contacts of an appeal (nothing is written if it has none). */
    public void contactsRead(String staffId, Channel channel, Action action, AppealView appeal) {
        if (hasContacts(appeal)) {
            jdbc.update(INSERT, now(), staffId, action.name(), channel.name(), appeal.id(), null);
        }
    }

    /**
     * The API's caller (the principal of its bearer token) was given these appeals: one row per appeal that has an
     * applicant, in one batch.
     */
    public void readByApi(Action action, List<AppealView> appeals) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        write(caller == null ? "unknown" : caller.getName(), action, Channel.API,
                appeals.stream().filter(AuditLog::hasContacts).map(AppealView::id).toList(), null);
    }

    /** Whether the appeal carries anything of its applicant (name, phone or e-mail). */
    public static boolean hasContacts(AppealView a) {
        AppealView.Applicant p = a.applicant();
        return p != null && (p.name() != null || p.phone() != null || p.email() != null);
    }

    /** Retention deleted personal data of these appeals (one row each, in one batch). */
    public void deleted(Action action, Collection<Long> appealIds) {
        write(RETENTION, action, Channel.RETENTION, appealIds, null);
    }

    /** Retention deleted personal data of no appeal in particular ({@code detail}: what and how much). */
    public void deleted(Action action, String detail) {
        jdbc.update(INSERT, now(), RETENTION, action.name(), Channel.RETENTION.name(), null, detail);
    }

    private void write(String actor, Action action, Channel channel, Collection<Long> appealIds, String detail) {
        if (appealIds.isEmpty()) {
            return;
        }
        Timestamp at = now();
        List<Object[]> rows = appealIds.stream()
                .map(id -> new Object[] {at, actor, action.name(), channel.name(), id, detail}).toList();
        jdbc.batchUpdate(INSERT, rows);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
