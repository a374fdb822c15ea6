package com.m4s.store.card;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the card endpoints take. */
public final class CardRequests {

    /** A level as the programme editor sends it; its rank is its place in the list. */
    public record CardLevelChange(@NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{1,29}") String code,
            @NotBlank @Size(max = 30) String name, @Min(0) @Max(100_000_000) long threshold,
            @Size(max = 1000) @Nullable String benefits) {
    }

    /** The whole programme: the levels from the first (threshold 0) up, thresholds rising. */
    public record CardProgrammeChange(@NotNull CardBasis basis, @Min(1) @Max(36) int windowMonths,
            @Min(1) @Max(120) int validityMonths, @NotNull @Size(min = 1, max = 8) List<@Valid CardLevelChange> levels) {
    }

    /** Why a card is reported lost, changed or quit (required for change and quit). */
    public record CardReason(@Size(max = 500) @Nullable String reason) {
    }

    private CardRequests() {
    }
}
