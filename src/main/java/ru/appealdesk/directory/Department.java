package ru.appealdesk.directory;

/** A department with its supervising deputy head and optional answer approver. */
public record Department(String id, String name, String deputyHeadId, String approverId) {
}
