package com.m4s.store.points;

import com.m4s.platform.time.StoreTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The lots behind a member's available points (decision 0039), kept by {@link Points} in each posting's transaction
 * under the member's balance lock: a posting that adds available points makes a lot expiring by the policy in force
 * (points that pay debt are not a lot); one that removes them takes from the oldest lots first, or, for an expiry,
 * from its lot.
 */
@Component
class PointsLots {

    private final PointsLotRepository lots;
    private final PointsExpiryPolicyRepository policies;
    private final StoreTime storeTime;

    PointsLots(PointsLotRepository lots, PointsExpiryPolicyRepository policies, StoreTime storeTime) {
        this.lots = lots;
        this.policies = policies;
        this.storeTime = storeTime;
    }

    /** A new lot of {@code points} available from {@code now}: its expiry by the policy in force, or as given. */
    PointsLot credit(UUID member, UUID entry, long points, @Nullable LocalDate expiresOn, Instant now) {
        return credit(member, entry, points, expiresOn, expiresOn != null, now);
    }

    /** As above; {@code given}: {@code expiresOn} was worked out already (null then means never). */
    PointsLot credit(UUID member, UUID entry, long points, @Nullable LocalDate expiresOn, boolean given,
            Instant now) {
        LocalDate on = given ? expiresOn : expiresOn(now);
        PointsLot lot = new PointsLot(member, entry, points, on, on == null ? null : endOf(on), now);
        return lots.save(lot);
    }

    /** Takes {@code points} from the member's oldest lots; the lots must hold them (they sum to available). */
    void spend(UUID member, long points, Instant now) {
        long left = points;
        for (PointsLot lot : lots.open(member)) {
            if (left == 0) {
                break;
            }
            left -= lot.take(left, now);
        }
        if (left > 0) {
            throw new IllegalStateException("member " + member + " has " + left + " available points in no lot");
        }
    }

    /** The policy in force as a posting reads it (with its balance lock, decision 0030 "Cost"). */
    record Policy(ExpiryPolicyKind kind, @Nullable Integer months) {
    }

    /** The last store day of points becoming available at {@code at}, by the policy in force; null: never. */
    @Nullable LocalDate expiresOn(Instant at) {
        return expiresOn(at, policies.findFirstByOrderByPolicyVersionDesc()
                .map(p -> new Policy(p.kind(), p.months())).orElse(null));
    }

    /** As {@link #expiresOn(Instant)} by {@code policy}, the one in force, read already (null: there is none). */
    @Nullable LocalDate expiresOn(Instant at, @Nullable Policy policy) {
        LocalDate day = at.atZone(storeTime.zone()).toLocalDate();
        return policy == null ? null : policy.kind().expiresOn(day, policy.months());
    }

    /** The store's time zone. */
    ZoneId zone() {
        return storeTime.zone();
    }

    /** The instant a lot expiring on {@code day} expires: the start of the next store day. */
    Instant endOf(LocalDate day) {
        ZoneId zone = storeTime.zone();
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
