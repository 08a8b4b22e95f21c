package ru.appealdesk.bot.notifications;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.delivery.Html;

/**
 * Where a message meant for a person goes (PRODUCT.md §10, seed 002 п.4): their own chat, or while they are away the
 * chat of their substitute, the message marked «за <short name>».
 */
@Component
public class Recipients {

    private final StaffAccounts accounts;
    private final Absences absences;
    private final CardTexts texts;

    Recipients(StaffAccounts accounts, Absences absences, CardTexts texts) {
        this.accounts = accounts;
        this.absences = absences;
        this.texts = texts;
    }

    /** A chat and the mark to put before the message (empty when it reaches the person themselves). */
    public record Chat(long id, String mark) {
    }

    public Optional<Chat> of(String staffId) {
        if (staffId == null) {
            return Optional.empty();
        }
        Optional<StaffMember> substitute = absences.substituteFor(staffId);
        if (substitute.isPresent()) {
            String mark = Notices.FOR_ABSENT.text(Html.escape(texts.name(staffId)));
            return accounts.telegramIdOf(substitute.get().id()).map(id -> new Chat(id, mark));
        }
        return accounts.telegramIdOf(staffId).map(id -> new Chat(id, ""));
    }

    /** The staff member whose private chat this is ({@code telegram:<id>} for a chat bound to nobody now). */
    public String staffIdOf(long chatId) {
        return accounts.byTelegramUser(chatId).map(StaffMember::id).orElse("telegram:" + chatId);
    }

    /** The substitute acting for the person today, if they are away. */
    Optional<String> substituteId(String staffId) {
        return absences.substituteFor(staffId).map(StaffMember::id);
    }

    /**
     * The people a card is broadcast to, without the absent ones whose substitute is among them anyway (a
     * coordinator standing in for another coordinator gets one card, not two).
     */
    public List<StaffMember> distinct(Collection<StaffMember> people) {
        return people.stream().filter(p -> absences.substituteFor(p.id())
                .filter(s -> people.stream().anyMatch(q -> q.id().equals(s.id()))).isEmpty()).toList();
    }
}
