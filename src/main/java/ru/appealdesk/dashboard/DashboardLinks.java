package ru.appealdesk.dashboard;

import java.util.Optional;

import org.springframework.stereotype.Service;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;

/**
 * What {@code /dashboard} hands a staff member: the Mini App's address (when the public URL is HTTPS) and a fresh
 * one-time login link for a browser, valid 10 minutes; and the address of one appeal's page, which cards link to.
 */
@Service
public class DashboardLinks {

    /**
     * The addresses; {@code miniApp} null when the public URL is not HTTPS (Telegram opens Mini Apps over HTTPS) or
     * outside Telegram.
     */
    public record Links(String miniApp, String login) {
    }

    private final DashboardProperties properties;
    private final Credentials credentials;
    private final StaffAccounts accounts;

    DashboardLinks(DashboardProperties properties, Credentials credentials, StaffAccounts accounts) {
        this.properties = properties;
        this.credentials = credentials;
        this.accounts = accounts;
    }

    /**
     * The links for {@code /dashboard} asked from this account (the Mini App only in Telegram). Empty when {@code
     * APPEALDESK_PUBLIC_URL} is not set (nobody outside could open the page) or the account is not the staff
     * member's. The login link is good only while they keep the account it is issued to.
     */
    public Optional<Links> issue(StaffMember staff, ChatAddress account) {
        if (properties.publicUrl() == null || !accounts.accountsOf(staff.id()).contains(account)) {
            return Optional.empty();
        }
        String secret = credentials.issueLink(staff.id(), account, DashboardProperties.LOGIN_LINK_TTL);
        boolean miniApp = properties.miniAppPossible() && account.messenger() == MessengerKind.TELEGRAM;
        return Optional.of(new Links(miniApp ? properties.at("/app/") : null, properties.at("/login?token=" + secret)));
    }

    /**
     * A one-time login link, for this account, that lands on the appeal's page (where the messenger has no Mini App:
     * MAX's «Открыть обращение»); empty as for {@link #issue}.
     */
    public Optional<String> loginTo(StaffMember staff, ChatAddress account, long appealId) {
        return issue(staff, account).map(links -> links.login() + "&appeal=" + appealId);
    }

    /**
     * The address of the appeal's page, {@code <public URL>/app/?appeal=<id>}: the page opens that appeal's card for
     * a viewer who may see it (the dashboard's own checks decide). Empty when {@code APPEALDESK_PUBLIC_URL} is not set.
     */
    public Optional<String> appealPage(long appealId) {
        return properties.publicUrl() == null ? Optional.empty()
                : Optional.of(properties.at("/app/?appeal=" + appealId));
    }
}
