package ru.appealdesk.directory;

/**
 * A department with its supervising deputy head and optional answer approver; {@code approvalChain}: who approves
 * its answers one after another (001 §4.6), empty for none.
 */
public record Department(String id, String name, String deputyHeadId, String approverId,
                         java.util.List<String> approvalChain) {
}
