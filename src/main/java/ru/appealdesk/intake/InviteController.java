package ru.appealdesk.intake;

import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffAccounts;

/**
 * {@code POST /api/staff/{staffId}/invites} (administration token): issues a one-time invite code and its links, one
 * for Telegram and, when {@code MAX_BOT_USERNAME} is set, one for MAX; whichever messenger it is opened in, it binds
 * that messenger's account. The staff member's earlier unused codes stop working.
 */
@RestController
class InviteController {

    private final StaffAccounts accounts;
    private final Directory directory;
    private final String botUsername;
    private final String maxBotUsername;

    /**
     * {@code maxBotUsername}: the MAX adapter's {@code appealdesk.max.bot-username} (MAX_BOT_USERNAME, read directly
     * until the adapter maps it), a leading {@code @} dropped; blank: no MAX link.
     */
    InviteController(StaffAccounts accounts, Directory directory, IntakeProperties properties,
                     @Value("${appealdesk.max.bot-username:${MAX_BOT_USERNAME:}}") String maxBotUsername) {
        this.accounts = accounts;
        this.directory = directory;
        this.botUsername = properties.botUsername();
        this.maxBotUsername = maxBotUsername.strip().replaceFirst("^@", "");
    }

    /** {@code link}: Telegram's; {@code maxLink}: MAX's, null (left out) when no MAX bot name is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InviteResponse(String code, String link, java.time.OffsetDateTime expiresAt, String maxLink) {
    }

    @PostMapping("/api/staff/{staffId}/invites")
    @ResponseStatus(HttpStatus.CREATED)
    InviteResponse issue(@PathVariable String staffId) {
        if (directory.staff(staffId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No staff member with id '" + staffId + "'");
        }
        StaffAccounts.IssuedInvite invite;
        try {
            invite = accounts.issueInvite(staffId);
        } catch (StaffAccounts.ConfiguredAccountException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        String bot = botUsername.isBlank() ? "<bot>" : botUsername;
        ZoneId zone = directory.organization().timeZone();
        Instant expiresAt = invite.expiresAt();
        return new InviteResponse(invite.code(), "https://t.me/" + bot + "?start=" + invite.code(),
                expiresAt.atZone(zone).toOffsetDateTime(),
                maxBotUsername.isEmpty() ? null : "https://max.ru/" + maxBotUsername + "?start=" + invite.code());
    }
}
