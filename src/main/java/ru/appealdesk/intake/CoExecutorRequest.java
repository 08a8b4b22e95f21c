package ru.appealdesk.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/appeals/{id}/co-executors} (PRODUCT.md §10): the staff id of an executor. */
record CoExecutorRequest(@NotBlank @Size(max = 64) String staffId) {
}
