package ru.appealdesk.workflow;

import java.time.Instant;
import java.util.List;

import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;

/**
 * What intake hands the workflow to register an appeal; {@code repeatOf}: the portal number of an earlier appeal of
 * the same source this one repeats (seed 004 п.18), or null; {@code registeredBy}: the API connector that sends
 * it (PRODUCT.md §15), or null.
 */
public record NewAppeal(Source source, String externalId, String category, Priority priority, boolean fz59,
                        boolean sociallySignificant, String text, String address, AppealView.Applicant applicant,
                        List<String> photos, Instant receivedAt, String repeatOf, String registeredBy) {
}
