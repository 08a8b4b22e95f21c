package ru.appealdesk.directory;

/**
 * A department with its supervising deputy head and optional answer approver; {@code approvalChain}: who approves
 * its answers one after another (001 §4.6), empty for none; {@code signedByDeputyHead}: {@code sign-by: DEPUTY_HEAD},
 * the deputy head signs its answers as the last approval step (seed 000 п.6); {@code headId}: its own head
 * (начальник), null when not named; {@code newAppealsDigest}: the head (else the deputy head) gets the list of the
 * appeals it received, once a working day (003 §2).
 */
public record Department(String id, String name, String deputyHeadId, String approverId,
                         java.util.List<String> approvalChain, boolean signedByDeputyHead,
                         String headId, boolean newAppealsDigest) {
}
