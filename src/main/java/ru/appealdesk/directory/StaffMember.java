package ru.appealdesk.directory;

import java.util.Set;

import ru.appealdesk.chat.MessengerKind;

/**
 * A person of the organisation as described in {@code staff.yml}; {@code substituteId}: who acts for them while they
 * are away (seed 002 п.4), null if nobody; {@code telegramId} and {@code maxId}: their accounts fixed in
 * {@code staff.yml} (null: bound by invite, if at all); {@code messenger}: where cards and alerts go when they are
 * bound in both (null: not said; see {@link StaffAccounts#addressOf}).
 */
public record StaffMember(String id, String name, String shortName, String position, String departmentId,
                          Set<Role> roles, Long telegramId, String phone, String substituteId, Long maxId,
                          MessengerKind messenger) {

    /** A person with no MAX account and no messenger named in {@code staff.yml}. */
    public StaffMember(String id, String name, String shortName, String position, String departmentId,
                       Set<Role> roles, Long telegramId, String phone, String substituteId) {
        this(id, name, shortName, position, departmentId, roles, telegramId, phone, substituteId, null, null);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The account {@code staff.yml} fixes in this messenger, or null. */
    public Long configuredAccount(MessengerKind messenger) {
        return messenger == MessengerKind.MAX ? maxId : telegramId;
    }
}
