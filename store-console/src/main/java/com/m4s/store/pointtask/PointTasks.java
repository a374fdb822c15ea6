package com.m4s.store.pointtask;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.mall.MallOrderPaid;
import com.m4s.store.member.Members;
import com.m4s.store.points.EntryKind;
import com.m4s.store.points.Points;
import com.m4s.store.points.SourceType;
import com.m4s.store.repairorder.RepairOrderCustomerPaid;
import com.m4s.store.usedcar.UsedCarSeller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Automatic point tasks (PTS-2, decision 0033), the one way they move and grant: each step checks the task's status
 * allows it ({@link PointTaskStatus#allows}), changes the task and publishes its event in the same transaction. A grant
 * goes through the ledger only, with the task's per-member limit as the entry's idempotency key; a repeat of the key
 * answers the first grant and publishes nothing.
 */
@Service
public class PointTasks {

    private final PointTaskRepository tasks;
    private final PointTaskList list;
    private final Points points;
    private final PointTaskTrigger.Lookups lookups;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final Clock clock;
    private final StoreTime storeTime;

    PointTasks(PointTaskRepository tasks, PointTaskList list, Points points, RepairOrderCustomerPaid customerPaid,
            MallOrderPaid mallOrderPaid, UsedCarSeller sellers, Members members, EventOutbox events,
            TenantRegistry tenants, Clock clock, StoreTime storeTime) {
        this.tasks = tasks;
        this.list = list;
        this.points = points;
        this.lookups = lookups(customerPaid, mallOrderPaid, sellers, members);
        this.events = events;
        this.tenants = tenants;
        this.clock = clock;
        this.storeTime = storeTime;
    }

    // --- the catalogue and the tasks

    /** Every trigger of the catalogue, the ones not yet available included (the console shows them greyed). */
    public List<PointTaskViews.PointTaskTriggerView> triggers() {
        return Arrays.stream(PointTaskTrigger.values()).map(t -> new PointTaskViews.PointTaskTriggerView(t,
                t.available(), t.amount(), t.evented() && !t.oncePerSubject(), t.oncePerSubject())).toList();
    }

    @Transactional(readOnly = true)
    public PageResult<PointTaskViews.PointTaskView> list(@Nullable Collection<PointTaskStatus> statuses,
            SqlPage page) {
        PageResult<PointTaskViews.PointTaskView> found = list.page(statuses, page);
        Map<UUID, Points.SourceTotal> totals = points.totalsBySource(
                found.content().stream().map(PointTaskViews.PointTaskView::id).toList());
        return new PageResult<>(found.content().stream().map(v -> withTotals(v, totals.get(v.id()))).toList(),
                found.page(), found.size(), found.totalElements(), found.totalPages());
    }

    @Transactional(readOnly = true)
    public PointTaskViews.PointTaskView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public PointTaskViews.PointTaskView create(PointTaskRequests.PointTaskChange change, String actor) {
        check(change);
        PointTask task = tasks.saveAndFlush(new PointTask(change, actor, clock.instant()));
        publish(task, PointTaskEvents.Type.PointTaskCreated);
        return view(task);
    }

    /** Changes a draft; a published task's reward is fixed (409): end it and publish a new one. */
    @Transactional
    public PointTaskViews.PointTaskView edit(UUID id, PointTaskRequests.PointTaskChange change,
            @Nullable Long expectedVersion) {
        PointTask task = find(id);
        Versions.expect(PointTask.class, id, task.version(), expectedVersion);
        require(task, PointTaskStatus.Move.EDIT);
        check(change);
        task.change(change, clock.instant());
        tasks.saveAndFlush(task);
        publish(task, PointTaskEvents.Type.PointTaskEdited);
        return view(task);
    }

    @Transactional
    public PointTaskViews.PointTaskView publish(UUID id, @Nullable Long expectedVersion) {
        PointTask task = find(id);
        Versions.expect(PointTask.class, id, task.version(), expectedVersion);
        require(task, PointTaskStatus.Move.PUBLISH);
        task.publish(clock.instant());
        tasks.saveAndFlush(task);
        publish(task, PointTaskEvents.Type.PointTaskPublished);
        return view(task);
    }

    @Transactional
    public PointTaskViews.PointTaskView end(UUID id, @Nullable Long expectedVersion) {
        PointTask task = find(id);
        Versions.expect(PointTask.class, id, task.version(), expectedVersion);
        require(task, PointTaskStatus.Move.END);
        task.end(clock.instant());
        tasks.saveAndFlush(task);
        publish(task, PointTaskEvents.Type.PointTaskEnded);
        return view(task);
    }

    // --- granting

    /**
     * Rewards the member of one event of a trigger by every task of the trigger that grants on the store day the
     * event happened; runs in the caller's transaction (the consumer's, with the event marked processed).
     *
     * @return the points newly granted (0 when every key was posted before)
     */
    @Transactional
    public long onEvent(PointTaskTrigger trigger, UUID eventId, Instant occurredAt, JsonNode payload) {
        Optional<PointTaskTrigger.Occurrence> occurrence = trigger.read(payload, lookups);
        return occurrence.map(o -> grant(trigger, o, eventId, occurredAt).granted()).orElse(0L);
    }

    /**
     * Takes back what tasks gave for an order that was refunded in part or whole, or reversed (decision 0033): a
     * ratio task keeps what the amount left on the order would give, a fixed reward is kept until the order is
     * reversed or refunded whole, and those take everything back. Each take-back is a ledger entry with the order as
     * its cause and a key of its own ({@code task:<task>:order:<order>:refund:<event>}, {@code …:reverse}), so a
     * replayed event takes nothing more; taken from available points, the shortfall recorded as debt. Runs in the
     * caller's transaction (the consumer's).
     *
     * @return the points taken back now
     */
    @Transactional
    public long onTakeBack(PointTaskTrigger.TakeBack back, UUID eventId) {
        UUID order = back.cause();
        long taken = 0;
        for (Points.CauseTotal given : points.givenFor(SourceType.POINT_TASK, order)) {
            if (given.points() <= 0) {
                continue;
            }
            Optional<PointTask> found = tasks.findById(given.source());
            if (found.isEmpty()) {
                continue;
            }
            PointTask task = found.get();
            long keep = back.all() ? 0 : task.rewardKind() == PointTaskReward.RATIO
                    ? Math.min(given.points(), task.pointsFor(task.trigger().amountOf(order, lookups)))
                    : given.points();
            if (keep >= given.points()) {
                continue;
            }
            String key = "task:" + task.id() + ":order:" + order + (back.reversal() ? ":reverse" : ":refund:" + eventId);
            Points.Granted taking = points.takeBack(given.member(), back.reversal() ? EntryKind.REVERSE
                    : EntryKind.REFUND, new Points.Source(SourceType.POINT_TASK, task.id(), task.name()), order, keep,
                    key, "system");
            if (taking.first()) {
                taken += given.points() - keep;
            }
        }
        return taken;
    }

    /**
     * The owner checks in for today (the store's day): every published check-in task grants its points. 409
     * already-checked-in when each had granted for this period before, 409 check-in-unavailable with no such task.
     */
    @Transactional
    public PointTaskViews.CheckInResult checkIn(String subject) {
        UUID member = points.ownerMember(subject);
        Result result = grant(PointTaskTrigger.DAILY_CHECK_IN, new PointTaskTrigger.Occurrence(member, 0, null, null),
                UUID.randomUUID(), clock.instant());
        if (result.tasks() == 0) {
            throw new ApiException.Conflict("check-in-unavailable");
        }
        if (result.fresh() == 0) {
            throw new ApiException.Conflict("already-checked-in");
        }
        return new PointTaskViews.CheckInResult(result.granted(), points.balance(member).available());
    }

    private record Result(int tasks, int fresh, long granted) {
    }

    private Result grant(PointTaskTrigger trigger, PointTaskTrigger.Occurrence occurrence, UUID occurrenceId,
            Instant at) {
        LocalDate day = LocalDate.ofInstant(at, storeTime.zone());
        int matching = 0;
        int fresh = 0;
        long granted = 0;
        for (PointTask task : tasks.findByTriggerAndStatus(trigger, PointTaskStatus.PUBLISHED)) {
            if (!task.grantsOn(day)) {
                continue;
            }
            long reward = task.pointsFor(occurrence.amountYuan());
            if (reward <= 0) {
                continue;
            }
            matching++;
            UUID subject = occurrence.subject();
            String key = subject != null ? "task:" + task.id() + ":subject:" + subject
                    : task.memberLimit().key(task.id(), occurrence.member(), occurrenceId, day);
            Points.Granted grant = points.grant(occurrence.member(), new Points.Source(SourceType.POINT_TASK,
                    task.id(), task.name()), occurrence.cause(), reward, key, "system");
            if (grant.first()) {
                fresh++;
                granted += reward;
                String store = TenantContext.require().storeCode();
                events.publish(PointTaskEvents.TOPIC, PointTaskEvents.Type.PointTaskRewarded.name(),
                        new PointTaskEvents.PointTaskRewarded(task.id(), store, group(store), occurrence.member(),
                                trigger, reward, java.util.Objects.requireNonNull(grant.posted().entryId())));
            }
        }
        return new Result(matching, fresh, granted);
    }

    // --- helpers

    /** What the triggers may look up: other packages' public queries, in the caller's transaction. */
    private static PointTaskTrigger.Lookups lookups(RepairOrderCustomerPaid customerPaid, MallOrderPaid mallOrderPaid,
            UsedCarSeller sellers, Members members) {
        return new PointTaskTrigger.Lookups() {
            @Override
            public long customerPaidYuan(UUID repairOrder) {
                return customerPaid.yuan(repairOrder);
            }

            @Override
            public long mallOrderPaidYuan(UUID mallOrder) {
                return mallOrderPaid.yuan(mallOrder);
            }

            @Override
            public Optional<UUID> seller(UUID usedCar) {
                return sellers.memberOf(usedCar);
            }

            @Override
            public Optional<UUID> referrer(UUID member) {
                return members.referrerOf(member);
            }

            @Override
            public boolean firstSettled(UUID repairOrder, UUID member) {
                return customerPaid.firstSettled(repairOrder, member);
            }
        };
    }

    private void check(PointTaskRequests.PointTaskChange change) {
        PointTaskTrigger trigger = change.trigger();
        if (!trigger.available()) {
            throw new ApiException.Unprocessable("point-task-trigger-unavailable",
                    Problems.message("problem.point-task-trigger." + trigger)).field("trigger");
        }
        if (change.rewardKind() == PointTaskReward.FIXED && change.points() == null) {
            throw new ApiException.Unprocessable("point-task-points-required").field("points");
        }
        if (change.rewardKind() == PointTaskReward.RATIO) {
            if (!trigger.amount()) {
                throw new ApiException.Unprocessable("point-task-ratio-not-allowed",
                        Problems.message("problem.point-task-trigger." + trigger)).field("rewardKind");
            }
            if (change.pointsPerYuan() == null) {
                throw new ApiException.Unprocessable("point-task-ratio-required").field("pointsPerYuan");
            }
        }
        if (trigger.oncePerSubject() && change.memberLimit() != PointTaskLimit.ONCE) {
            throw new ApiException.Unprocessable("point-task-limit-once-only",
                    Problems.message("problem.point-task-trigger." + trigger)).field("memberLimit");
        }
        if (change.memberLimit() == PointTaskLimit.UNLIMITED && !trigger.evented()) {
            throw new ApiException.Unprocessable("point-task-unlimited-not-allowed",
                    Problems.message("problem.point-task-trigger." + trigger)).field("memberLimit");
        }
        if (change.validUntil() != null && change.validUntil().isBefore(change.validFrom())) {
            throw new ApiException.Unprocessable("point-task-validity").field("validUntil");
        }
    }

    private void require(PointTask task, PointTaskStatus.Move move) {
        if (!task.status().allows(move)) {
            throw new ApiException.Conflict("point-task-illegal-move", task.name(),
                    Problems.message("problem.point-task-status." + task.status()),
                    Problems.message("problem.point-task-illegal-move.move." + move));
        }
    }

    private PointTask find(UUID id) {
        return tasks.findById(id).orElseThrow(() -> new ApiException.NotFound("point-task", id));
    }

    private void publish(PointTask task, PointTaskEvents.Type type) {
        String store = TenantContext.require().storeCode();
        events.publish(PointTaskEvents.TOPIC, type.name(), new PointTaskEvents.PointTaskChanged(task.id(), store,
                group(store), task.version(), task.name(), task.trigger(), task.status(), task.validFrom(),
                task.validUntil()));
    }

    private @Nullable String group(String store) {
        return tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
    }

    private PointTaskViews.PointTaskView view(PointTask task) {
        Points.SourceTotal total = points.totalsBySource(List.of(task.id())).get(task.id());
        return withTotals(new PointTaskViews.PointTaskView(task.id(), task.name(), task.description(), task.trigger(),
                task.rewardKind(), task.points(), task.pointsPerYuan(), task.memberLimit(), task.validFrom(),
                task.validUntil(), task.status(), task.publishedAt(), task.endedAt(), task.createdBy(),
                task.createdAt(), 0, 0, task.status().allowed(), task.version()), total);
    }

    private static PointTaskViews.PointTaskView withTotals(PointTaskViews.PointTaskView v,
            Points.@Nullable SourceTotal total) {
        if (total == null) {
            return v;
        }
        return new PointTaskViews.PointTaskView(v.id(), v.name(), v.description(), v.trigger(), v.rewardKind(),
                v.points(), v.pointsPerYuan(), v.memberLimit(), v.validFrom(), v.validUntil(), v.status(),
                v.publishedAt(), v.endedAt(), v.createdBy(), v.createdAt(), total.members(), total.points(),
                v.moves(), v.version());
    }
}
