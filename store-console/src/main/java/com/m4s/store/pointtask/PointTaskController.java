package com.m4s.store.pointtask;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Automatic point tasks (PTS-2): the trigger catalogue, the store's tasks and their life, the owner's check-in. */
@RestController
@Validated
@Tag(name = "point-tasks", description = "Automatic point tasks: trigger catalogue, tasks (draft, published, ended)"
        + " with what each granted, the owner's daily check-in (PTS-2)")
class PointTaskController {

    private static final String BASE = "/api/stores/{store}";
    private static final String TASKS = BASE + "/point-tasks";

    private final PointTasks tasks;

    PointTaskController(PointTasks tasks) {
        this.tasks = tasks;
    }

    @Allow(Permission.POINT_TASK_VIEW)
    @GetMapping(BASE + "/point-task-triggers")
    @Operation(summary = "The trigger catalogue: each trigger, whether tasks can use it now and whether it carries"
            + " an amount for a ratio reward")
    List<PointTaskViews.PointTaskTriggerView> triggers(@PathVariable String store) {
        return tasks.triggers();
    }

    @Allow(Permission.POINT_TASK_VIEW)
    @GetMapping(TASKS)
    @Operation(summary = "The store's tasks, filtered by status, each with the members it rewarded and the points it"
            + " granted (read from the ledger)")
    PageResult<PointTaskViews.PointTaskView> list(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<PointTaskStatus> status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return tasks.list(status, SqlPage.of(page, size, sort, PointTaskList.SORTABLE, PointTaskList.TIE_BREAKER));
    }

    @Allow(Permission.POINT_TASK_VIEW)
    @GetMapping(TASKS + "/{taskId}")
    @Operation(summary = "One task with what it granted and the moves allowed now")
    PointTaskViews.PointTaskView get(@PathVariable String store, @PathVariable UUID taskId) {
        return tasks.get(taskId);
    }

    @Allow(Permission.POINT_TASK_MANAGE)
    @PostMapping(TASKS)
    @Operation(summary = "Create a task as a draft; a ratio only for order triggers, no unlimited limit for the"
            + " check-in")
    ResponseEntity<PointTaskViews.PointTaskView> create(@PathVariable String store,
            @Valid @RequestBody PointTaskRequests.PointTaskChange change) {
        PointTaskViews.PointTaskView task = tasks.create(change, Caller.currentUsername());
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/point-tasks/" + task.id())).body(task);
    }

    @Allow(Permission.POINT_TASK_MANAGE)
    @PutMapping(TASKS + "/{taskId}")
    @Operation(summary = "Change a draft (a published task's reward is fixed: end it and publish a new one); send"
            + " If-Match with the version read")
    PointTaskViews.PointTaskView edit(@PathVariable String store, @PathVariable UUID taskId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PointTaskRequests.PointTaskChange change) {
        return tasks.edit(taskId, change, Versions.ifMatch(ifMatch));
    }

    @Allow(Permission.POINT_TASK_MANAGE)
    @PostMapping(TASKS + "/{taskId}/publish")
    @Operation(summary = "Publish a draft: it grants from now on, within its validity; send If-Match with the version"
            + " read (a task changed since is 409 concurrent-update)")
    PointTaskViews.PointTaskView publish(@PathVariable String store, @PathVariable UUID taskId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return tasks.publish(taskId, Versions.ifMatch(ifMatch));
    }

    @Allow(Permission.POINT_TASK_MANAGE)
    @PostMapping(TASKS + "/{taskId}/end")
    @Operation(summary = "End a task: it grants nothing more; what it granted stays; send If-Match with the version"
            + " read (a task changed since is 409 concurrent-update)")
    PointTaskViews.PointTaskView end(@PathVariable String store, @PathVariable UUID taskId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return tasks.end(taskId, Versions.ifMatch(ifMatch));
    }

    @Allow(Permission.OWN_CHECK_IN)
    @PostMapping(BASE + "/me/check-ins")
    @Operation(summary = "Check in for today (the store's day): the check-in tasks' points; 409 already-checked-in"
            + " the second time the same day")
    PointTaskViews.CheckInResult checkIn(@PathVariable String store) {
        return tasks.checkIn(Caller.current().orElseThrow().subject());
    }
}
