package ru.appealdesk.intake;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;

/** The body of {@code POST /api/appeals} (PRODUCT.md §4). */
record AppealRequest(
        @NotNull Source source,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}._:/#-]+",
                message = "may contain only letters, digits and . _ : / # -") String externalId,
        @NotBlank @Size(max = 64) String category,
        Priority priority,
        Boolean fz59,
        Boolean sociallySignificant,
        @NotBlank @Size(max = AppealRequest.MAX_TEXT) String text,
        @Size(max = 1000) String address,
        @Valid Applicant applicant,
        @Size(max = 20) List<@NotBlank @Size(max = 2000) @PhotoUrl String> photos,
        OffsetDateTime receivedAt,
        @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}._:/#-]+",
                message = "may contain only letters, digits and . _ : / # -") String repeatOf) {

    static final int MAX_TEXT = 20_000;

    /** The citizen who wrote. */
    record Applicant(@Size(max = 300) String name,
                     @Size(max = 50) @Pattern(regexp = "[+0-9()\\s-]*", message = "must be a phone number")
                     String phone,
                     @Size(max = 254) @Email String email) {
    }
}
