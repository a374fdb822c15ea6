package com.m4s.store.transfer;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import com.m4s.store.points.Points;
import com.m4s.store.usedcar.UsedCarSeller;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earning by sharing (分享得积分, PTS-6, decision 0040). An owner's share link (of a listed used car, or the store)
 * carries a token; the first visit of a browser that is not the sharer's, or an owner's sign-up through it, is a
 * conversion — once per visitor and link — published as {@code PointShareConverted}, which the point task trigger
 * {@code SHARE_CONVERTED} rewards the sharer for within the task's own limit (a daily cap: the DAILY limit).
 */
@Service
public class PointShares {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A share link: the token the owner app puts in the link, what it shows, and how many it brought. */
    public record ShareLink(String token, String target, @Nullable UUID usedCarId, long conversions) {
    }

    /** What a visit of a link answers the landing page: what to show, and whether the visit was a conversion. */
    public record ShareVisit(String target, @Nullable UUID usedCarId, boolean converted) {
    }

    private final PointShareRepository shares;
    private final PointShareConversionRepository conversions;
    private final Points points;
    private final UsedCarSeller cars;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final JdbcClient jdbc;
    private final Clock clock;

    PointShares(PointShareRepository shares, PointShareConversionRepository conversions, Points points,
            UsedCarSeller cars, EventOutbox events, TenantRegistry tenants, JdbcClient jdbc, Clock clock) {
        this.shares = shares;
        this.conversions = conversions;
        this.points = points;
        this.cars = cars;
        this.events = events;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The owner's link for a listed used car (or the store, without one), made the first time; {@code visitor} is
     * the sharer's own browser, whose visits never convert. 422 {@code point-share-car-not-listed}.
     */
    @Transactional
    public ShareLink share(String ownerSubject, @Nullable UUID usedCarId, @Nullable String visitor) {
        UUID sharer = points.ownerMember(ownerSubject);
        if (usedCarId != null && !cars.listed(usedCarId)) {
            throw new ApiException.Unprocessable("point-share-car-not-listed").field("usedCarId");
        }
        lock("share:" + sharer);
        PointShare.Target target = usedCarId == null ? PointShare.Target.STORE : PointShare.Target.USED_CAR;
        Optional<PointShare> found = usedCarId == null
                ? shares.findBySharerMemberIdAndTargetAndUsedCarIdIsNull(sharer, target)
                : shares.findBySharerMemberIdAndTargetAndUsedCarId(sharer, target, usedCarId);
        PointShare share = found.orElseGet(() -> new PointShare(token(), sharer, target, usedCarId, visitor,
                clock.instant()));
        share.sharerVisitor(visitor, clock.instant());
        shares.saveAndFlush(share);
        return new ShareLink(share.token(), target.name(), usedCarId, conversions.countByShareId(share.id()));
    }

    /**
     * A browser opened a link: a conversion when it is neither the sharer's browser nor one that converted this link
     * before. 404 for an unknown token.
     */
    @Transactional
    public ShareVisit visit(String token, String visitor) {
        PointShare share = find(token);
        boolean converted = convert(share, "visitor:" + visitor, PointShareConversion.Kind.VISIT, null,
                visitor.equals(share.sharerVisitor()));
        return new ShareVisit(share.target().name(), share.usedCarId(), converted);
    }

    /**
     * An owner signed up through a link (in the sign-up's transaction): a conversion once per member and link, never
     * for the sharer themselves; an unknown token converts nothing (the sign-up goes on).
     */
    @Transactional
    public boolean signedUp(String token, UUID member) {
        Optional<PointShare> share = shares.findByToken(token);
        return share.isPresent() && convert(share.get(), "member:" + member, PointShareConversion.Kind.SIGN_UP,
                member, member.equals(share.get().sharerMemberId()));
    }

    private boolean convert(PointShare share, String visitor, PointShareConversion.Kind kind, @Nullable UUID member,
            boolean own) {
        if (own) {
            return false;
        }
        lock("share-conversion:" + share.id() + ":" + visitor);
        if (conversions.existsByShareIdAndVisitor(share.id(), visitor)) {
            return false;
        }
        PointShareConversion conversion = conversions.saveAndFlush(new PointShareConversion(share.id(), visitor,
                kind, member, clock.instant()));
        String store = TenantContext.require().storeCode();
        events.publish(PointTransferEvents.TOPIC, PointTransferEvents.Type.PointShareConverted.name(),
                new PointTransferEvents.PointShareConverted(conversion.id(), share.id(), store,
                        tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null),
                        share.sharerMemberId(), kind.name()));
        return true;
    }

    private PointShare find(String token) {
        return shares.findByToken(token).orElseThrow(() -> new ApiException.NotFound("point-share", token));
    }

    private void lock(String what) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:what, 0))").param("what", what).query()
                .singleRow();
    }

    private static String token() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
