package ru.appealdesk.directory;

import java.util.Set;

/** A person of the organisation as described in {@code staff.yml}. */
public record StaffMember(String id, String name, String shortName, String position, String departmentId,
                          Set<Role> roles, Long telegramId, String phone) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
