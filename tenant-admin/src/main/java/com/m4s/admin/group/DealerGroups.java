package com.m4s.admin.group;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.ConstraintProblem;
import com.m4s.platform.web.ConstraintProblems;
import com.m4s.platform.web.Like;
import com.m4s.platform.web.PageResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dealer groups: create, find, rename. Other features ask here whether a group exists; other services learn of a new
 * group from {@link GroupEvents.DealerGroupCreated}.
 */
@Service
public class DealerGroups {

    public static final String CODE = "[a-z][a-z0-9_]{2,29}";
    private static final String GROUP_CODE_TAKEN = "group-code-taken";

    public record NewGroup(
            @NotBlank @Pattern(regexp = CODE, message = "{validation.code}") String code,
            @NotBlank @Size(max = 100) String name) {
    }

    public record Rename(@NotBlank @Size(max = 100) String name) {
    }

    public record GroupView(String code, String name, Instant createdAt, Instant updatedAt) {
    }

    private final DealerGroupRepository groups;
    private final EventOutbox events;
    private final Clock clock;

    DealerGroups(DealerGroupRepository groups, EventOutbox events, Clock clock) {
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public GroupView create(NewGroup request) {
        // checked first because saving an entity with an existing code would update that group; two creations
        // racing past the check are refused by dealer_group_pk, registered with the same problem (groupConstraints)
        if (groups.existsById(request.code())) {
            throw groupTaken(request.code());
        }
        GroupView created = groups.saveAndFlush(new DealerGroup(request.code(), request.name(), clock.instant())).view();
        events.publish(GroupEvents.TOPIC, new GroupEvents.DealerGroupCreated(UUID.randomUUID(), created.code(),
                created.name(), created.createdAt()));
        return created;
    }

    @Transactional(readOnly = true)
    public GroupView get(String code) {
        return find(code).view();
    }

    @Transactional(readOnly = true)
    public PageResult<GroupView> list(@Nullable String onlyGroup, @Nullable String query, Pageable pageable) {
        return PageResult.of(groups.search(onlyGroup, Like.contains(query), pageable), DealerGroup::view);
    }

    @Transactional
    public GroupView rename(String code, Rename request) {
        DealerGroup group = find(code);
        group.rename(request.name(), clock.instant());
        return groups.saveAndFlush(group).view();
    }

    /** Fails with 404 unless the group exists. */
    @Transactional(readOnly = true)
    public void requireExists(String code) {
        find(code);
    }

    private DealerGroup find(String code) {
        return groups.findById(code).orElseThrow(() -> new ApiException.NotFound("dealer-group", code));
    }

    private static ApiException groupTaken(String code) {
        return new ApiException.Conflict(GROUP_CODE_TAKEN, code).field("code");
    }

    @Bean
    static ConstraintProblems groupConstraints() {
        return ConstraintProblems.of(ConstraintProblem.taken("dealer_group_pk", GROUP_CODE_TAKEN, "code", "unnamed"));
    }
}
