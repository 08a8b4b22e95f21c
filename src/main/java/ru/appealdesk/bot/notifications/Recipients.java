package ru.appealdesk.bot.notifications;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;

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
    public record Chat(ChatAddress address, String mark) {
    }

    public Optional<Chat> of(String staffId) {
        if (staffId == null) {
            return Optional.empty();
        }
        Optional<StaffMember> substitute = absences.substituteFor(staffId);
        if (substitute.isPresent()) {
            String mark = Notices.FOR_ABSENT.text(Html.escape(texts.name(staffId)));
            return accounts.addressOf(substitute.get().id()).map(address -> new Chat(address, mark));
        }
        return accounts.addressOf(staffId).map(address -> new Chat(address, ""));
    }

    /** The staff member whose private chat this is ({@code telegram:<id>}, {@code max:<id>} for nobody now). */
    public String staffIdOf(ChatAddress chat) {
        return accounts.byAccount(chat).map(StaffMember::id).orElse(chat.toString());
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
