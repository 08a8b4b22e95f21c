package ru.appealdesk.directory;

import java.util.List;

/**
 * An appeal category from {@code routing.yml}: which department handles it and who may execute it;
 * {@code skipApprovalChain}: its answers skip the department's approval chain («Иное»); {@code aliases}: the names
 * portals' exports give it (ЕЦУР categories and subcategories), for import.
 */
public record Category(String code, String name, String departmentId, List<String> executorIds, Integer fastTrackDays,
                       boolean skipApprovalChain, List<String> aliases) {
}
