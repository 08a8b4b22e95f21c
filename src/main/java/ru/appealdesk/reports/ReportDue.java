package ru.appealdesk.reports;

import java.util.Collection;

import ru.appealdesk.directory.StaffMember;

/**
 * A scheduled report fell due and was claimed (once across instances): the bot sends it to these people in the
 * transaction of the claim, so the claim and the messages commit together.
 */
public record ReportDue(String key, Collection<StaffMember> to, Period period, String title) {
}
