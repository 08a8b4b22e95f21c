package ru.appealdesk.bot.notifications;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.sla.Alerts.Alert;
import ru.appealdesk.sla.Alerts.AlertsDue;
import ru.appealdesk.sla.Alerts.Type;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.directory.Source;

/**
 * Turns the alerts of one timer tick into messages: one message per person, however many appeals it is about
 * (a bulk import of 500 overdue appeals sends one message to a deputy head, not 500), with buttons to open the
 * appeals. Escalations and overdue alerts go before reminders.
 */
@Component
class AlertNotifier {

    private final AppealQueries appeals;
    private final Recipients recipients;
    private final Outbox outbox;
    private final CardTexts texts;

    AlertNotifier(AppealQueries appeals, Recipients recipients, Outbox outbox, CardTexts texts) {
        this.appeals = appeals;
        this.recipients = recipients;
        this.outbox = outbox;
        this.texts = texts;
    }

    @EventListener
    void on(AlertsDue due) {
        // a substitute who gets the same alert in their own right does not get it again «за …»
        Map<String, java.util.Optional<String>> substitutes = new java.util.HashMap<>();
        java.util.Set<String> keys = due.alerts().stream().map(al -> al.recipientId() + "|" + al.appealId() + "|"
                + al.type()).collect(Collectors.toSet());
        List<Alert> kept = due.alerts().stream().filter(al -> substitutes
                .computeIfAbsent(al.recipientId(), recipients::substituteId)
                .map(s -> !keys.contains(s + "|" + al.appealId() + "|" + al.type())).orElse(true)).toList();
        Map<String, List<Alert>> byRecipient = kept.stream()
                .collect(Collectors.groupingBy(Alert::recipientId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, AppealView> cache = new LinkedHashMap<>();
        // an absent person's alerts go to their substitute, marked «за …» (seed 002 п.4)
        byRecipient.forEach((recipient, alerts) -> recipients.of(recipient).ifPresent(to -> {
            ChatAddress chat = to.address();
            List<Alert> known = alerts.stream().filter(al -> cache.computeIfAbsent(al.appealId(),
                    id -> appeals.find(id).orElse(null)) != null).toList();
            if (known.isEmpty()) {
                return;
            }
            boolean urgent = known.stream().anyMatch(al -> al.type() == Type.ESCALATION || al.type() == Type.OVERDUE
                    || al.type() == Type.TERM_EXPIRED || al.type() == Type.REDIRECT_OVERDUE);
            int priority = urgent ? Outbox.PRIORITY_CARD : Outbox.PRIORITY_BULK;
            AlertCards.AlertFacts facts = facts(known, cache);
            if (known.size() == 1) {
                AppealView a = cache.get(known.get(0).appealId());
                outbox.text(chat, to.mark() + AlertCards.line(known.get(0), a, facts),
                        List.of(List.of(AlertCards.open(a))), priority);
                return;
            }
            outbox.text(chat, to.mark() + AlertCards.digest(known, cache, facts), AlertCards.buttons(known, cache),
                    priority);
        }));
    }

    /** The names and categories the alerts show, the zone and now: gathered before drawing. */
    private AlertCards.AlertFacts facts(List<Alert> alerts, Map<Long, AppealView> appealsById) {
        Map<String, String> categories = new HashMap<>();
        alerts.forEach(al -> {
            String code = appealsById.get(al.appealId()).category();
            categories.computeIfAbsent(code, texts::categoryName);
        });
        Set<Source> reasonsOnly = alerts.stream()
                .map(al -> appealsById.get(al.appealId()).source()).distinct()
                .filter(source -> !texts.returnNeedsLegalBasis(source)).collect(Collectors.toSet());
        return new AlertCards.AlertFacts(texts.names(), categories, texts.zone(), texts.now(), reasonsOnly);
    }
}
