package ru.appealdesk.directory;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import ru.appealdesk.chat.MessengerKind;

/** The raw shape of the {@code bot-config/} YAML files, as Jackson reads them (kebab-case keys). */
final class ConfigFiles {

    private ConfigFiles() {
    }

    record OrganizationFile(@JsonProperty(required = true) String name,
                            @JsonProperty(required = true) String timeZone,
                            @JsonProperty(required = true) Map<String, String> workingHours,
                            String lunchBreak, String productionCalendar) {
    }

    record StaffFile(@JsonProperty(required = true) List<DepartmentEntry> departments,
                     @JsonProperty(required = true) List<StaffEntry> staff, String secondaryApprover,
                     String caseDecider) {
    }

    record DepartmentEntry(@JsonProperty(required = true) String id, @JsonProperty(required = true) String name,
                           String deputyHead, String approver, List<String> approvalChain,
                           String signBy, String head, Boolean newAppealsDigest) {
    }

    record StaffEntry(@JsonProperty(required = true) String id, @JsonProperty(required = true) String name,
                      String shortName, String position, String department,
                      @JsonProperty(required = true) List<Role> roles, Long telegramId, Long maxId,
                      MessengerKind messenger, String phone, String substitute) {
    }

    record RoutingFile(@JsonProperty(required = true) List<CategoryEntry> categories) {
    }

    record CategoryEntry(@JsonProperty(required = true) String code, @JsonProperty(required = true) String name,
                         @JsonProperty(required = true) String department, List<String> executors,
                         Integer fastTrackDays, Boolean skipApprovalChain, List<String> aliases) {
    }

    record RegulationsFile(List<String> reminders, List<String> beforeDue,
                           @JsonProperty(required = true) Map<Source, SourceEntry> sources) {
    }

    record SourceEntry(@JsonProperty(required = true) String answerDeadline, String answerLead,
                       String highPriorityAnswerDeadline, String acceptWithin, String reviewWithin,
                       String claimUntil, List<String> reminders, List<String> beforeDue,
                       String returnAfterAcceptWithin, String unroutedWithin, Boolean redirectNeedsApproval,
                       String postponeMax, String postponedReassignAt, String coExecutorWithin,
                       Boolean notifyApplicant, Integer postponeLimit, Boolean returnNeedsLegalBasis,
                       String fastTrackAnswerDeadline, String placedBy, String draftWithin, String placeWithin,
                       String coExecutorMaterialsTo, String answerEvidence, SurgeEntry surge,
                       String clarificationWait) {
    }

    record SurgeEntry(@JsonProperty(required = true) Integer count, @JsonProperty(required = true) String within,
                      @JsonProperty(required = true) String same) {
    }

    record ReportsFile(ReportEntry daily, ReportEntry weekly, ReportEntry monthly) {
    }

    record ReportEntry(@JsonProperty(required = true) String at, java.time.DayOfWeek day,
                       @JsonProperty(required = true) List<Role> roles) {
    }

    record TemplatesFile(@JsonProperty(required = true) List<TemplateEntry> templates) {
    }

    record TemplateEntry(@JsonProperty(required = true) String id, @JsonProperty(required = true) String category,
                         @JsonProperty(required = true) String type, @JsonProperty(required = true) String title,
                         @JsonProperty(required = true) String text) {
    }

    record CalendarFile(@JsonProperty(required = true) Map<Integer, CalendarYear> years) {
    }

    record CalendarYear(List<String> holidays, List<String> workingDays, List<String> shortDays) {
    }
}
