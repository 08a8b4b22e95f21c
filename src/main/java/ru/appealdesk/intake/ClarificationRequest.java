package ru.appealdesk.intake;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/appeals/{id}/clarification} (seed 004 п.13): the applicant's reply and its photos. */
record ClarificationRequest(@NotBlank @Size(max = AppealRequest.MAX_TEXT) String text,
                            @Size(max = 20) List<@NotBlank @Size(max = 2000) @PhotoUrl String> photos) {
}
