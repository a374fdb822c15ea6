package com.m4s.platform.audit;

import com.m4s.platform.web.PageResult;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of a service's audit endpoint, one page of its {@link AuditTrail}. A controller takes it as
 * {@code @Valid @ParameterObject AuditQuery query}: each component is a query parameter of its own name (also in the
 * API document), an absent one filters nothing, and a value out of its limits is a 400 {@code invalid-parameter}
 * problem naming it. The endpoint's path, permission and path variables stay on the controller.
 *
 * @param page zero-based; absent is the first (0)
 * @param size entries per page; absent is 50
 */
public record AuditQuery(
        @Size(max = 64) @Nullable String entityType,
        @Size(max = 64) @Nullable String entityId,
        @Size(max = 255) @Nullable String actor,
        AuditEntry.@Nullable Action action,
        @Nullable Instant from,
        @Nullable Instant to,
        @Schema(defaultValue = "0") @Min(0) @Max(100_000) @Nullable Integer page,
        @Schema(defaultValue = "50") @Min(1) @Max(200) @Nullable Integer size) {

    static final int DEFAULT_PAGE = 0;
    static final int DEFAULT_SIZE = 50;

    /** The page of the current schema's trail (the current store's, or {@code admin}) this query asks for. */
    public PageResult<AuditEntry> run(AuditTrail trail) {
        return trail.find(new AuditTrail.Filter(entityType, entityId, actor, action, from, to),
                page == null ? DEFAULT_PAGE : page, size == null ? DEFAULT_SIZE : size);
    }
}
