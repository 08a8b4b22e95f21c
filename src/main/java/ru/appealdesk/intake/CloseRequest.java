package ru.appealdesk.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import ru.appealdesk.workflow.Resolution;

/** The body of {@code POST /api/appeals/{id}/close} (PRODUCT.md §9): {@code NO_ANSWER}, {@code DUPLICATE} or {@code REDIRECTED}. */
record CloseRequest(@NotNull Resolution resolution, @NotBlank @Size(min = 5, max = 2000) String reason) {
}
