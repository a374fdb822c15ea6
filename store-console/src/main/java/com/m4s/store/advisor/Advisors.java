package com.m4s.store.advisor;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.security.Caller;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.ApiException;
import com.m4s.store.member.MemberViews;
import com.m4s.store.member.Members;
import com.m4s.store.photo.Photos;
import com.m4s.store.staff.Staff;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The advisor feature's moves (decision 0038): the directory, profiles, binding members and moving books of customers,
 * and owners' ratings. Each change is one transaction that writes and publishes its events.
 */
@Service
class Advisors {

    /** Departments whose staff serve customers: the advisors. */
    static final List<String> DEPARTMENTS = List.of("service", "sales");

    private final AdvisorProfileRepository profiles;
    private final AdvisorBindingRepository bindings;
    private final AdvisorRatingRepository ratings;
    private final Staff staff;
    private final Members members;
    private final Photos photos;
    private final EventOutbox events;
    private final JdbcClient jdbc;
    private final Clock clock;

    Advisors(AdvisorProfileRepository profiles, AdvisorBindingRepository bindings, AdvisorRatingRepository ratings,
            Staff staff, Members members, Photos photos, EventOutbox events, JdbcClient jdbc, Clock clock) {
        this.profiles = profiles;
        this.bindings = bindings;
        this.ratings = ratings;
        this.staff = staff;
        this.members = members;
        this.photos = photos;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The store's staff logins by username, as Keycloak lists them (decision 0026). */
    Map<String, Staff.StaffEntry> logins() {
        Map<String, Staff.StaffEntry> logins = new HashMap<>();
        for (Staff.StaffEntry entry : staff.list(null, PageRequest.of(0, 10_000)).content()) {
            if (entry.loginId() != null) {
                logins.put(entry.username(), entry);
            }
        }
        return logins;
    }

    /** The directory: staff of the advisor departments and anyone with a profile, by name. */
    @Transactional(readOnly = true)
    public List<AdvisorViews.AdvisorEntry> directory() {
        Map<String, Staff.StaffEntry> logins = logins();
        Map<String, AdvisorProfile> byUsername = new HashMap<>();
        profiles.findAll().forEach(p -> byUsername.put(p.username(), p));
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select advisor, count(*) as n from advisor_customer group by advisor")
                .query(rs -> {
                    counts.put(rs.getString("advisor"), rs.getLong("n"));
                });
        List<AdvisorViews.AdvisorEntry> entries = new ArrayList<>();
        for (Staff.StaffEntry login : logins.values()) {
            AdvisorProfile profile = byUsername.get(login.username());
            if (profile == null && !DEPARTMENTS.contains(String.valueOf(login.department()))) {
                continue;
            }
            entries.add(entry(login, profile, counts.getOrDefault(login.username(), 0L)));
        }
        entries.sort(java.util.Comparator.comparing(AdvisorViews.AdvisorEntry::displayName,
                java.text.Collator.getInstance(java.util.Locale.CHINA))
                .thenComparing(AdvisorViews.AdvisorEntry::username));
        return entries;
    }

    private AdvisorViews.AdvisorEntry entry(Staff.StaffEntry login, @Nullable AdvisorProfile profile, long customers) {
        return new AdvisorViews.AdvisorEntry(login.username(), login.displayName(), login.department(),
                login.status().name().equals("ACTIVE"),
                profile != null && profile.phone() != null ? profile.phone() : login.phone(),
                profile == null ? null : profile.dmsName(), profile == null ? null : profile.photoId(),
                profile == null ? null : photoUrl(profile.photoId()), profile == null || profile.active(), customers,
                profile == null ? 0 : profile.version());
    }

    private @Nullable String photoUrl(@Nullable UUID photoId) {
        if (photoId == null) {
            return null;
        }
        return photos.views(TenantContext.require().storeCode(), List.of(photoId.toString())).getFirst().url();
    }

    /** Keeps an advisor's profile; 404 for a username that is no staff login of the store. */
    @Transactional
    public AdvisorViews.AdvisorEntry saveProfile(String username, AdvisorViews.AdvisorProfileChange change) {
        Staff.StaffEntry login = requireLogin(username, "username");
        if (change.photoId() != null) {
            photos.requireAttachable(List.of(change.photoId().toString()), List.of(), null, "photoId");
        }
        Instant now = clock.instant();
        AdvisorProfile profile = profiles.findByUsername(username).orElseGet(() -> new AdvisorProfile(username, now));
        profile.change(change, now);
        profiles.saveAndFlush(profile);
        long customers = jdbc.sql("select count(*) from advisor_customer where advisor = :a").param("a", username)
                .query(Long.class).single();
        return entry(login, profile, customers);
    }

    private Staff.StaffEntry requireLogin(String username, String field) {
        Staff.StaffEntry login = logins().get(username);
        if (login == null) {
            throw new ApiException.Unprocessable("advisor-unknown", username).field(field);
        }
        return login;
    }

    /** The member's advisor now, if they have one. */
    @Transactional(readOnly = true)
    public Optional<AdvisorViews.MemberAdvisor> ofMember(UUID memberId) {
        return bindings.findById(memberId).map(b -> new AdvisorViews.MemberAdvisor(memberId, b.advisor(),
                displayName(b.advisor()), b.boundAt()));
    }

    private String displayName(String username) {
        Staff.StaffEntry login = logins().get(username);
        return login == null ? username : login.displayName();
    }

    /** Binds a member to an advisor (moving them if they had another); 404 for an unknown member. */
    @Transactional
    public AdvisorViews.MemberAdvisor bind(UUID memberId, String advisor) {
        requireLogin(advisor, "advisor");
        if (members.contact(memberId).isEmpty()) {
            throw new ApiException.NotFound("member", memberId);
        }
        String by = by();
        Instant now = clock.instant();
        List<AdvisorBinding> locked = bindings.lockAll(List.of(memberId));
        if (locked.isEmpty()) {
            bindings.saveAndFlush(new AdvisorBinding(memberId, advisor, by, now));
            publishBound(memberId, advisor, null, by, now);
        } else {
            AdvisorBinding binding = locked.getFirst();
            String previous = binding.advisor();
            if (binding.moveTo(advisor, by, now)) {
                bindings.flush();
                publishBound(memberId, advisor, previous, by, now);
            }
        }
        return ofMember(memberId).orElseThrow();
    }

    /**
     * Moves a book of customers: the members named (each must be the {@code from} advisor's now: 422
     * {@code advisor-move-not-theirs} otherwise, and nothing moves), or all of theirs. One audit entry and one event
     * per member moved, in one transaction.
     */
    @Transactional
    public AdvisorViews.AdvisorMoveResult move(AdvisorViews.AdvisorMove move) {
        if (move.from().equals(move.to())) {
            throw new ApiException.Unprocessable("advisor-move-same").field("to");
        }
        requireLogin(move.to(), "to");
        String by = by();
        Instant now = clock.instant();
        List<AdvisorBinding> book;
        if (move.memberIds() == null || move.memberIds().isEmpty()) {
            book = bindings.lockByAdvisor(move.from());
        } else {
            book = bindings.lockAll(move.memberIds());
            if (book.size() != new java.util.HashSet<>(move.memberIds()).size()
                    || book.stream().anyMatch(b -> !b.advisor().equals(move.from()))) {
                throw new ApiException.Unprocessable("advisor-move-not-theirs", move.from()).field("memberIds");
            }
        }
        List<UUID> moved = new ArrayList<>();
        for (AdvisorBinding binding : book) {
            if (binding.moveTo(move.to(), by, now)) {
                moved.add(binding.memberId());
            }
        }
        bindings.flush();
        moved.forEach(id -> publishBound(id, move.to(), move.from(), by, now));
        return new AdvisorViews.AdvisorMoveResult(move.from(), move.to(), moved);
    }

    private void publishBound(UUID memberId, String advisor, @Nullable String previous, String by, Instant now) {
        events.publish(AdvisorEvents.TOPIC, AdvisorEvents.Type.CustomerBound.name(), new AdvisorEvents.CustomerBound(
                memberId, TenantContext.require().storeCode(), advisor, previous, by, now));
    }

    private static String by() {
        return Caller.current().map(Caller::username).orElse("system");
    }

    // --- the owner's side

    /** The advisor of the owner signed in with this login; 404 {@code advisor-none} when they have none. */
    @Transactional(readOnly = true)
    public AdvisorViews.MyAdvisor mine(String subject) {
        MemberViews.Contact me = members.ownerContact(subject);
        AdvisorBinding binding = bindings.findById(me.memberId())
                .orElseThrow(() -> new ApiException.NotFound("advisor"));
        Staff.StaffEntry login = logins().get(binding.advisor());
        AdvisorProfile profile = profiles.findByUsername(binding.advisor()).orElse(null);
        String phone = profile != null && profile.phone() != null ? profile.phone()
                : login == null ? null : login.phone();
        return new AdvisorViews.MyAdvisor(binding.advisor(), login == null ? binding.advisor() : login.displayName(),
                phone, profile == null ? null : photoUrl(profile.photoId()), login == null ? null : login.department());
    }

    private record Order(UUID id, String dmsNumber, UUID memberId, String status, @Nullable String advisor,
            @Nullable Instant settledAt) {
    }

    private static final String ORDER_COLUMNS = "o.id, o.dms_number, o.member_id, o.status, o.advisor, o.settled_at";

    private static Order order(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp settled = rs.getTimestamp("settled_at");
        return new Order(rs.getObject("id", UUID.class), rs.getString("dms_number"),
                rs.getObject("member_id", UUID.class), rs.getString("status"), rs.getString("advisor"),
                settled == null ? null : settled.toInstant());
    }

    /** The owner's settled repair orders, newest settlement first, with their rating of each. */
    @Transactional(readOnly = true)
    public List<AdvisorViews.RateableOrder> myOrders(String subject) {
        UUID member = members.ownerContact(subject).memberId();
        Map<UUID, AdvisorRating> rated = new HashMap<>();
        ratings.findByMemberId(member).forEach(r -> rated.put(r.repairOrderId(), r));
        return jdbc.sql("select " + ORDER_COLUMNS + " from repair_order o where o.member_id = :m and o.status in"
                + " ('SETTLED', 'REFUNDED') order by o.settled_at desc, o.id limit 100").param("m", member)
                .query((rs, n) -> order(rs)).list().stream().map(o -> {
                    AdvisorRating r = rated.get(o.id());
                    return new AdvisorViews.RateableOrder(o.id(), o.dmsNumber(), o.advisor(),
                            java.util.Objects.requireNonNull(o.settledAt()), r == null ? null : r.stars(),
                            r == null ? null : r.comment());
                }).toList();
    }

    /**
     * Rates the advisor of one of the owner's settled orders. The advisor is the profile whose DMS name the order
     * carries, else the member's advisor. 422 {@code rating-order-not-yours} (no such order of theirs),
     * {@code rating-order-not-settled}, {@code rating-advisor-unknown}; 409 {@code rating-exists} for a second rating
     * (the unique key decides a race).
     */
    @Transactional
    public AdvisorViews.AdvisorRatingView rate(String subject, UUID orderId,
            AdvisorViews.AdvisorRatingRequest request) {
        UUID member = members.ownerContact(subject).memberId();
        Order order = jdbc.sql("select " + ORDER_COLUMNS + " from repair_order o where o.id = :id")
                .param("id", orderId).query((rs, n) -> order(rs)).optional()
                .filter(o -> o.memberId().equals(member))
                .orElseThrow(() -> new ApiException.Unprocessable("rating-order-not-yours"));
        if (!order.status().equals("SETTLED") && !order.status().equals("REFUNDED")) {
            throw new ApiException.Unprocessable("rating-order-not-settled", order.dmsNumber());
        }
        if (ratings.existsByRepairOrderId(orderId)) {
            throw new ApiException.Conflict("rating-exists");
        }
        String advisor = Optional.ofNullable(order.advisor())
                .flatMap(name -> profiles.findByDmsNameAndActiveTrue(name).stream().findFirst())
                .map(AdvisorProfile::username)
                .or(() -> bindings.findById(member).map(AdvisorBinding::advisor))
                .orElseThrow(() -> new ApiException.Unprocessable("rating-advisor-unknown", order.dmsNumber()));
        Instant now = clock.instant();
        AdvisorRating rating = ratings.saveAndFlush(new AdvisorRating(orderId, member, advisor, request.stars(),
                request.comment(), now));
        events.publish(AdvisorEvents.TOPIC, AdvisorEvents.Type.AdvisorRated.name(), new AdvisorEvents.AdvisorRated(
                rating.id(), TenantContext.require().storeCode(), orderId, member, advisor, rating.stars(), now));
        return new AdvisorViews.AdvisorRatingView(rating.id(), orderId, advisor, rating.stars(), rating.comment(),
                now);
    }
}
