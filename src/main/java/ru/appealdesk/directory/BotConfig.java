package ru.appealdesk.directory;

import java.util.List;
import java.util.Map;

/** The validated contents of {@code bot-config/}. */
record BotConfig(Organization organization, Map<String, Department> departments, Map<String, StaffMember> staff,
                 Map<String, Category> categories, Map<Source, SourceRegulation> regulations,
                 String secondaryApproverId, ReportSchedule reportSchedule, List<AnswerTemplate> templates,
                 String caseDeciderId) {
}
