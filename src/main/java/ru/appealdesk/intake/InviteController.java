package ru.appealdesk.intake;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffAccounts;

/**
 * {@code POST /api/staff/{staffId}/invites} (administration token): issues a one-time invite link for binding a
 * Telegram account; the staff member's earlier unused links stop working.
 */
@RestController
class InviteController {

    private final StaffAccounts accounts;
    private final Directory directory;
    private final String botUsername;

    InviteController(StaffAccounts accounts, Directory directory,
                     IntakeProperties properties) {
        this.accounts = accounts;
        this.directory = directory;
        this.botUsername = properties.botUsername();
    }

    record InviteResponse(String code, String link, java.time.OffsetDateTime expiresAt) {
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
                expiresAt.atZone(zone).toOffsetDateTime());
    }
}
