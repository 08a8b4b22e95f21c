package ru.appealdesk.dashboard;

import java.util.EnumSet;
import java.util.Set;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;

/**
 * The person looking at the dashboard and what they may see of the open appeals (PRODUCT.md §12): coordinators,
 * curators, the head, moderators and administrators everything; a deputy head the departments he supervises; an
 * executor their own appeals (as executor or co-executor).
 */
record Viewer(StaffMember staff, Scope scope, Set<String> departments) {

    enum Scope { ALL, DEPARTMENTS, OWN }

    private static final Set<Role> SEE_ALL = EnumSet.of(Role.COORDINATOR, Role.CURATOR, Role.HEAD, Role.MODERATOR,
            Role.ADMIN);

    static Viewer of(StaffMember staff, Directory directory) {
        if (SEE_ALL.stream().anyMatch(staff::hasRole)) {
            return new Viewer(staff, Scope.ALL, null);
        }
        if (staff.hasRole(Role.DEPUTY_HEAD)) {
            return new Viewer(staff, Scope.DEPARTMENTS, directory.departmentsSupervisedBy(staff.id()));
        }
        return new Viewer(staff, Scope.OWN, null);
    }

    String id() {
        return staff.id();
    }

    /** Charts are for those who oversee departments, not for an executor's own list. */
    boolean charts() {
        return scope != Scope.OWN;
    }
}
