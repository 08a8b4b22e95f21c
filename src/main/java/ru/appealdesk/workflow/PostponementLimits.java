package ru.appealdesk.workflow;

import java.time.LocalDate;

/**
 * What bounds an «Отложено» answer (PRODUCT.md §9): the date must be after {@code today} and not after {@code latest}
 * (the source's {@code postpone-max} after the appeal came in); {@code limit}: how many «Отложено» answers the appeal
 * may have placed (the source's {@code postpone-limit}); {@code secondaryApprover}: someone other than the executor
 * can approve a second postponement.
 */
record PostponementLimits(LocalDate today, LocalDate latest, int limit, boolean secondaryApprover) {
}
