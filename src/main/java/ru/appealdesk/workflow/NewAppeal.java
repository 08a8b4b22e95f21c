package ru.appealdesk.workflow;

import java.time.Instant;
import java.util.List;

import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;

/** What intake hands the workflow to register an appeal. */
public record NewAppeal(Source source, String externalId, String category, Priority priority, boolean fz59,
                        boolean sociallySignificant, String text, String address, AppealView.Applicant applicant,
                        List<String> photos, Instant receivedAt) {
}
