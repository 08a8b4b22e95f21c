package ru.appealdesk.reports;

import java.util.List;

import ru.appealdesk.directory.Department;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealView;

/**
 * A department's digest of new appeals fell due and was claimed (003 §2): the bot sends {@code appeals} (received in
 * {@code received}) to {@code to}, its head or deputy head, in the transaction of the claim.
 */
public record NewAppealsDigestDue(Department department, StaffMember to, Period received, List<AppealView> appeals) {
}
