package ru.appealdesk.directory;

import java.util.Set;

/**
 * A person of the organisation as described in {@code staff.yml}; {@code substituteId}: who acts for them while they
 * are away (seed 002 п.4), null if nobody.
 */
public record StaffMember(String id, String name, String shortName, String position, String departmentId,
                          Set<Role> roles, Long telegramId, String phone, String substituteId) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
