package ru.appealdesk.bot.notifications;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.reports.Period;
import ru.appealdesk.reports.ReportArtifacts;
import ru.appealdesk.reports.ReportDue;

/**
 * A report in the chat (PRODUCT.md §11): the summary, the chart image and the workbook that {@link ReportArtifacts}
 * makes, stored in the outbox in the caller's transaction, for {@code /report} and for the schedule
 * ({@link ReportDue}). Heads, coordinators and curators see the whole organisation; a deputy head his departments
 * only.
 */
@Component
public class ReportDelivery {

    private static final Logger log = LoggerFactory.getLogger(ReportDelivery.class);

    private final ReportArtifacts artifacts;
    private final Outbox outbox;
    private final StaffAccounts accounts;
    private final Directory directory;

    ReportDelivery(ReportArtifacts artifacts, Outbox outbox, StaffAccounts accounts, Directory directory) {
        this.artifacts = artifacts;
        this.outbox = outbox;
        this.accounts = accounts;
        this.directory = directory;
    }

    /** Sends the discipline report of the period to the person, if they may read it and use the bot. */
    @Transactional
    public boolean send(StaffMember person, Period period, String title) {
        return send(List.of(person), period, title) == 1;
    }

    /** A scheduled report, in the transaction that claimed it. */
    @EventListener
    void on(ReportDue due) {
        int delivered = send(due.to(), due.period(), due.title());
        log.info("Report {} sent to {} of {} people", due.key(), delivered, due.to().size());
    }

    /**
     * Sends the report to each of these people who may read it and use the bot; the report, its chart and its
     * workbook are made once per scope (the whole organisation, or one deputy head's departments). Returns how many
     * got it.
     */
    int send(Collection<StaffMember> people, Period period, String title) {
        Map<Set<String>, ReportArtifacts.Chat> made = new HashMap<>();
        int sent = 0;
        for (StaffMember person : people) {
            if (!ReportArtifacts.mayRead(person)) {
                continue;
            }
            Set<String> departments = ReportArtifacts.readsWholeOrganisation(person) ? null
                    : directory.departmentsSupervisedBy(person.id());
            Optional<ChatAddress> chat = accounts.addressOf(person.id());
            if (chat.isEmpty()) {
                continue;
            }
            ReportArtifacts.Chat m = made.computeIfAbsent(departments == null ? Set.of("*") : departments,
                    k -> artifacts.forChat(period, departments, title));
            outbox.text(chat.get(), m.summary(), Outbox.PRIORITY_BULK);
            outbox.upload(chat.get(), true, "chart.png", m.chart(), Outbox.PRIORITY_BULK);
            outbox.upload(chat.get(), false, m.workbookName(), m.workbook(), Outbox.PRIORITY_BULK);
            sent++;
        }
        return sent;
    }
}
