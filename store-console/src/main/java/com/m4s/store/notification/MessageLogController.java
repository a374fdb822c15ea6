package com.m4s.store.notification;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/stores/{store}/messages")
@Tag(name = "messages", description = "The store's outgoing messages and their delivery (message log)")
class MessageLogController {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "sentAt", "sentAt",
            "status", "status", "recipient", "recipient");

    private final Notifications notifications;

    MessageLogController(Notifications notifications) {
        this.notifications = notifications;
    }

    @Allow(Permission.MESSAGE_LOG_VIEW)
    @GetMapping
    @Operation(summary = "The message log, newest first; q matches recipient or topic, status filters")
    PageResult<Notifications.MessageView> list(@PathVariable String store,
            @RequestParam(required = false) @Size(max = 64) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return notifications.list(q, status, Paging.of(page, size, sort, SORTABLE, "id"));
    }
}
