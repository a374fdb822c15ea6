package com.m4s.store.card;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.Versions;
import com.m4s.store.member.Members;
import com.m4s.store.notification.Notifications;
import com.m4s.store.points.PointsEarned;
import com.m4s.store.repairorder.RepairOrderSpend;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member cards (MEM-1), the one way their life moves: each step checks the card's status allows it ({@link
 * CardStatus#allows}), changes the card under its row lock, records the step and publishes its event in the same
 * transaction. Levels follow the programme's basis over its rolling window: an upgrade as soon as the member
 * qualifies; a downgrade only by the evaluation job, never within a window of reaching the level, at most once per
 * window, with a message to the member.
 */
@Service
public class MemberCards {

    private final MemberCardRepository cards;
    private final CardLevelRepository levels;
    private final CardPolicyRepository policies;
    private final MemberCardStepRepository steps;
    private final PointsEarned earned;
    private final RepairOrderSpend spend;
    private final Members members;
    private final Notifications notifications;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final StoreTime storeTime;

    MemberCards(MemberCardRepository cards, CardLevelRepository levels, CardPolicyRepository policies,
            MemberCardStepRepository steps, PointsEarned earned, RepairOrderSpend spend, Members members,
            Notifications notifications, EventOutbox events, TenantRegistry tenants, JdbcClient jdbc, Clock clock,
            StoreTime storeTime) {
        this.cards = cards;
        this.levels = levels;
        this.policies = policies;
        this.steps = steps;
        this.earned = earned;
        this.spend = spend;
        this.members = members;
        this.notifications = notifications;
        this.events = events;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.clock = clock;
        this.storeTime = storeTime;
    }

    // --- the programme

    @Transactional(readOnly = true)
    public CardViews.CardProgramme programme() {
        CardPolicy policy = policy();
        return new CardViews.CardProgramme(policy.basis(), policy.windowMonths(), policy.validityMonths(),
                levels.ranked().stream().map(CardViews.CardLevelView::of).toList(), policy.version());
    }

    /**
     * Replaces the programme: levels are matched by code (kept, changed, added); a level no longer listed is removed
     * unless a card is at it (409). Cards move to their new levels at the next evaluation, not here.
     */
    @Transactional
    public CardViews.CardProgramme replaceProgramme(CardRequests.CardProgrammeChange request, @Nullable Long expectedVersion) {
        CardPolicy policy = policy();
        Versions.expect(CardPolicy.class, policy.id(), policy.version(), expectedVersion);
        List<CardRequests.CardLevelChange> wanted = request.levels();
        if (wanted.getFirst().threshold() != 0) {
            throw new ApiException.Unprocessable("card-first-level-threshold").field("levels[0].threshold");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (!codes.add(wanted.get(i).code())) {
                throw new ApiException.Unprocessable("card-level-duplicate", wanted.get(i).code())
                        .field("levels[" + i + "].code");
            }
            if (i > 0 && wanted.get(i).threshold() <= wanted.get(i - 1).threshold()) {
                throw new ApiException.Unprocessable("card-level-thresholds", wanted.get(i).name())
                        .field("levels[" + i + "].threshold");
            }
        }
        Instant now = clock.instant();
        Map<String, CardLevel> existing = new HashMap<>();
        levels.findAll().forEach(l -> existing.put(l.code(), l));
        for (CardLevel gone : existing.values()) {
            if (!codes.contains(gone.code())) {
                Long using = jdbc.sql("select count(*) from member_card where level_id = :level")
                        .param("level", gone.id()).query(Long.class).single();
                if (using != null && using > 0) {
                    throw new ApiException.Conflict("card-level-in-use", gone.name(), using);
                }
                levels.delete(gone);
            }
        }
        levels.flush();
        for (int rank = 0; rank < wanted.size(); rank++) {
            CardRequests.CardLevelChange w = wanted.get(rank);
            String benefits = w.benefits() == null ? "" : w.benefits().strip();
            CardLevel level = existing.get(w.code());
            if (level == null) {
                levels.save(new CardLevel(w.code(), w.name().strip(), rank, w.threshold(), benefits, now));
            } else {
                level.change(w.name().strip(), rank, w.threshold(), benefits, now);
            }
        }
        policy.change(request.basis(), request.windowMonths(), request.validityMonths(), now);
        policies.flush();
        levels.flush();
        return programme();
    }

    // --- a member's card

    /** The member's card, if they have one; 404 for an unknown member. */
    @Transactional(readOnly = true)
    public Optional<CardViews.MemberCardView> card(UUID member) {
        requireMember(member);
        return cards.findByMemberId(member).map(this::view);
    }

    /** The owner's own card (404 without a member record or a card). */
    @Transactional(readOnly = true)
    public CardViews.MemberCardView ownCard(String subject) {
        UUID member = members.ownerContact(subject).memberId();
        return cards.findByMemberId(member).map(this::view)
                .orElseThrow(() -> new ApiException.NotFound("member-card", member));
    }

    @Transactional(readOnly = true)
    public List<CardViews.CardStepView> steps(UUID member) {
        requireMember(member);
        Map<String, String> names = new HashMap<>();
        levels.findAll().forEach(l -> names.put(l.code(), l.name()));
        return cards.findByMemberId(member).map(c -> steps.history(c.id()).stream()
                .map(s -> CardViews.CardStepView.of(s, names)).toList()).orElse(List.of());
    }

    /** Joins the programme at the level the member qualifies for already; a member who quit gets a new card. */
    @Transactional
    public CardViews.MemberCardView join(UUID member, String actor) {
        requireMember(member);
        Instant now = clock.instant();
        CardPolicy policy = policy();
        long value = qualifyingValue(policy, member, now);
        CardLevel level = levelFor(value);
        Optional<MemberCard> existing = cards.lock(member);
        MemberCard card;
        if (existing.isPresent()) {
            card = existing.get();
            if (!card.status().allows(CardStatus.Move.REJOIN)) {
                throw new ApiException.Conflict("member-card-exists", card.cardNumber());
            }
            card.rejoin(nextNumber(), level.id(), validUntil(policy, now, now), now);
        } else {
            card = new MemberCard(member, nextNumber(), level.id(), validUntil(policy, now, now), now);
        }
        cards.saveAndFlush(card);
        record(card, MemberCardStep.Kind.JOINED, null, level, null, null, value, actor);
        return view(card);
    }

    /** Extends the card by the programme's validity, from its end or from today if it has expired. */
    @Transactional
    public CardViews.MemberCardView renew(UUID member, String actor) {
        return move(member, CardStatus.Move.RENEW, MemberCardStep.Kind.RENEWED, null, actor, (card, now) -> {
            Instant from = card.validUntil().isAfter(now) ? card.validUntil() : now;
            card.renew(validUntil(policy(), from, now), now);
        });
    }

    @Transactional
    public CardViews.MemberCardView reportLost(UUID member, @Nullable String reason, String actor) {
        return move(member, CardStatus.Move.REPORT_LOST, MemberCardStep.Kind.REPORTED_LOST, reason, actor,
                (card, now) -> card.status(CardStatus.LOST, now));
    }

    /** A new card number for a lost card; level, validity and history stay. */
    @Transactional
    public CardViews.MemberCardView reissue(UUID member, String actor) {
        return move(member, CardStatus.Move.REISSUE, MemberCardStep.Kind.REISSUED, null, actor,
                (card, now) -> card.number(nextNumber(), now));
    }

    /** A new card number for a card in use (worn, a new design), with the reason. */
    @Transactional
    public CardViews.MemberCardView change(UUID member, String reason, String actor) {
        requireReason(reason);
        return move(member, CardStatus.Move.CHANGE, MemberCardStep.Kind.CHANGED, reason, actor,
                (card, now) -> card.number(nextNumber(), now));
    }

    @Transactional
    public CardViews.MemberCardView quit(UUID member, String reason, String actor) {
        requireReason(reason);
        return move(member, CardStatus.Move.QUIT, MemberCardStep.Kind.QUIT, reason, actor,
                (card, now) -> card.status(CardStatus.QUIT, now));
    }

    /**
     * Moves an active card to the level the member qualifies for now: up at once; down only when {@code
     * mayDowngrade} (the evaluation job), the level has been held a whole window and no downgrade happened within
     * one. Nothing for a member without an active card. True when the level changed.
     */
    @Transactional
    public boolean evaluate(UUID member, boolean mayDowngrade, String actor) {
        Optional<MemberCard> found = cards.lock(member);
        if (found.isEmpty() || found.get().status() != CardStatus.ACTIVE) {
            return false;
        }
        MemberCard card = found.get();
        CardPolicy policy = policy();
        Instant now = clock.instant();
        long value = qualifyingValue(policy, member, now);
        CardLevel current = levels.findById(card.levelId()).orElseThrow();
        CardLevel target = levelFor(value);
        if (target.rank() > current.rank()) {
            card.level(target.id(), false, now);
            cards.saveAndFlush(card);
            record(card, MemberCardStep.Kind.UPGRADED, current, target, null, null, value, actor);
            tell(card, "恭喜！您的会员卡已升级为" + target.name() + "，可享受：" + target.benefits() + "。",
                    "card-upgraded");
            return true;
        }
        Instant windowAgo = monthsBefore(policy.windowMonths(), now);
        boolean heldAWindow = !card.levelSince().isAfter(windowAgo);
        boolean noRecentDowngrade = card.lastDowngradeAt() == null || !card.lastDowngradeAt().isAfter(windowAgo);
        if (mayDowngrade && target.rank() < current.rank() && heldAWindow && noRecentDowngrade) {
            card.level(target.id(), true, now);
            cards.saveAndFlush(card);
            record(card, MemberCardStep.Kind.DOWNGRADED, current, target, null, null, value, actor);
            tell(card, "您的会员卡等级已调整为" + target.name() + "（近" + policy.windowMonths() + "个月" + basisText(policy)
                    + value + "，" + current.name() + "需" + current.threshold() + "）。继续消费即可恢复等级。",
                    "card-downgraded");
            return true;
        }
        return false;
    }

    /** Marks an active card past its validity expired, with a message; true when it did. */
    @Transactional
    public boolean expireIfDue(UUID cardId, String actor) {
        Optional<MemberCard> found = cards.findById(cardId);
        if (found.isEmpty()) {
            return false;
        }
        MemberCard card = cards.lock(found.get().memberId()).orElseThrow();
        Instant now = clock.instant();
        if (card.status() != CardStatus.ACTIVE || card.validUntil().isAfter(now)) {
            return false;
        }
        CardLevel level = levels.findById(card.levelId()).orElseThrow();
        card.status(CardStatus.EXPIRED, now);
        cards.saveAndFlush(card);
        record(card, MemberCardStep.Kind.EXPIRED, level, level, null, null, null, actor);
        tell(card, "您的" + level.name() + "（卡号 " + card.cardNumber() + "）已到期，请到店或在车主App中续卡。",
                "card-expired");
        return true;
    }

    /** An active card as the evaluation job sees it: its level's rank and the rank its member's value reaches. */
    public record Standing(UUID memberId, int rank, int qualifiedRank) {
    }

    /** Every active card's standing, in two statements (the basis summed per member, the cards with their ranks). */
    @Transactional(readOnly = true)
    public List<Standing> standings() {
        CardPolicy policy = policy();
        Instant since = monthsBefore(policy.windowMonths(), clock.instant());
        Map<UUID, Long> values = policy.basis() == CardBasis.POINTS ? earned.sinceByMember(since)
                : spend.customerPaidSinceByMember(since);
        List<CardLevel> ranked = levels.ranked();
        return jdbc.sql("select c.member_id, l.rank from member_card c join card_level l on l.id = c.level_id"
                        + " where c.status = 'ACTIVE'")
                .query((rs, row) -> {
                    UUID member = rs.getObject(1, UUID.class);
                    return new Standing(member, rs.getInt(2),
                            levelFor(ranked, values.getOrDefault(member, 0L)).rank());
                }).list();
    }

    @Transactional(readOnly = true)
    public List<UUID> dueToExpire() {
        return jdbc.sql("select id from member_card where status = 'ACTIVE' and valid_until <= :now order by valid_until")
                .param("now", java.sql.Timestamp.from(clock.instant())).query(UUID.class).list();
    }

    // --- inside

    @FunctionalInterface
    private interface Change {
        void apply(MemberCard card, Instant now);
    }

    private CardViews.MemberCardView move(UUID member, CardStatus.Move move, MemberCardStep.Kind kind,
            @Nullable String reason, String actor, Change change) {
        requireMember(member);
        MemberCard card = cards.lock(member).orElseThrow(() -> new ApiException.NotFound("member-card", member));
        if (!card.status().allows(move)) {
            throw new ApiException.Conflict("card-illegal-move", card.cardNumber(),
                    Problems.message("problem.card-status." + card.status()),
                    Problems.message("problem.card-illegal-move.move." + move));
        }
        String oldNumber = card.cardNumber();
        CardLevel level = levels.findById(card.levelId()).orElseThrow();
        change.apply(card, clock.instant());
        cards.saveAndFlush(card);
        record(card, kind, level, level, oldNumber.equals(card.cardNumber()) ? null : oldNumber,
                reason == null || reason.isBlank() ? null : reason.strip(), null, actor);
        return view(card);
    }

    private void record(MemberCard card, MemberCardStep.Kind kind, @Nullable CardLevel from, CardLevel to,
            @Nullable String oldNumber, @Nullable String reason, @Nullable Long value, String actor) {
        steps.save(new MemberCardStep(card, kind, from == null ? null : from.code(), to.code(), oldNumber, reason,
                value, actor, clock.instant()));
        String store = TenantContext.require().storeCode();
        String group = tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
        events.publish(CardEvents.TOPIC, CardEvents.Type.of(kind).name(), new CardEvents.CardChanged(card.id(),
                card.memberId(), store, group, card.version(), card.cardNumber(), to.code(),
                from == null || from.id().equals(to.id()) ? null : from.code(), card.status(), card.validUntil(),
                value));
    }

    private void tell(MemberCard card, String text, String topic) {
        members.contact(card.memberId()).ifPresent(contact -> notifications.send(
                Notifications.Message.sms(contact.phone(), contact.memberId(), topic, "【M4S】" + text)));
    }

    private CardViews.MemberCardView view(MemberCard card) {
        CardPolicy policy = policy();
        List<CardLevel> ranked = levels.ranked();
        CardLevel level = ranked.stream().filter(l -> l.id().equals(card.levelId())).findFirst().orElseThrow();
        long value = qualifyingValue(policy, card.memberId(), clock.instant());
        CardLevel next = ranked.stream().filter(l -> l.rank() > level.rank())
                .min(Comparator.comparingInt(CardLevel::rank)).orElse(null);
        return new CardViews.MemberCardView(card.id(), card.memberId(), card.cardNumber(), card.status(),
                CardViews.CardLevelView.of(level), card.joinedAt(), card.validUntil(), card.levelSince(),
                card.lastDowngradeAt(), policy.basis(), value, next == null ? null : CardViews.CardLevelView.of(next),
                next == null ? null : Math.max(0, next.threshold() - value), card.status().allowed(),
                card.version());
    }

    private long qualifyingValue(CardPolicy policy, UUID member, Instant now) {
        Instant since = monthsBefore(policy.windowMonths(), now);
        return policy.basis() == CardBasis.POINTS ? earned.since(member, since)
                : spend.customerPaidSince(member, since);
    }

    private CardLevel levelFor(long value) {
        return levelFor(levels.ranked(), value);
    }

    private static CardLevel levelFor(List<CardLevel> ranked, long value) {
        CardLevel reached = ranked.getFirst();
        for (CardLevel level : ranked) {
            if (value >= level.threshold()) {
                reached = level;
            }
        }
        return reached;
    }

    private CardPolicy policy() {
        return policies.findAll().stream().findFirst().orElseThrow();
    }

    private Instant monthsBefore(int months, Instant now) {
        return now.atZone(storeTime.zone()).minusMonths(months).toInstant();
    }

    private Instant validUntil(CardPolicy policy, Instant from, Instant now) {
        return from.atZone(storeTime.zone()).plusMonths(policy.validityMonths()).toInstant();
    }

    private static String basisText(CardPolicy policy) {
        return policy.basis() == CardBasis.POINTS ? "获得积分 " : "自费消费（元）";
    }

    private String nextNumber() {
        Long n = jdbc.sql("select nextval('member_card_number_seq')").query(Long.class).single();
        return String.format("8%09d", n);
    }

    private void requireMember(UUID member) {
        members.contact(member).orElseThrow(() -> new ApiException.NotFound("member", member));
    }

    private static void requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ApiException.Unprocessable("card-reason-required").field("reason");
        }
    }
}
