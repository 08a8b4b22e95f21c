package ru.appealdesk.workflow;

import java.time.LocalDate;
import java.util.List;

/** An answer as the executor prepared it, ready to be submitted for approval. */
public record AnswerDraft(AnswerType type, String text, LocalDate postponedUntil,
                          List<AppealView.Attachment> attachments) {
}
