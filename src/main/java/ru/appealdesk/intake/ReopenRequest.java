package ru.appealdesk.intake;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/appeals/{id}/reopen} (PRODUCT.md §9): the applicant's disagreement and new photos. */
record ReopenRequest(@NotBlank @Size(min = 5, max = AppealRequest.MAX_TEXT) String comment,
                     @Size(max = 20) List<@NotBlank @Size(max = 2000) @PhotoUrl String> photos) {
}
