package com.m4s.store.coupon;

import com.m4s.platform.web.ApiException;
import com.m4s.store.coupon.NotUsed.Reason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The checkout's coupon optimiser (decision 0044), pure code: which of a member's coupons to use on a basket, and the
 * server's check of the combination the owner chose. Both apply coupons the same way ({@link #APPLICATION_ORDER}),
 * and the search considers exactly the combinations {@link #evaluate} accepts.
 */
public final class CouponOptimiser {

    /** Usable coupons beyond this many: only this many money coupons (those saving most alone) are searched. */
    static final int SEARCH_LIMIT = 12;

    /**
     * Item-level coupons first, then order-level; within a level FREE_ITEM, PERCENT, then CASH/THRESHOLD (a points
     * multiplier, taking nothing, last); ties by template id as text (the database's uuid order), then coupon id.
     */
    static final Comparator<CouponOffer> APPLICATION_ORDER = Comparator
            .comparing((CouponOffer c) -> c.scope() == CouponScope.ORDER)
            .thenComparingInt(c -> switch (c.kind()) {
                case FREE_ITEM -> 0;
                case PERCENT -> 1;
                case CASH, THRESHOLD -> 2;
                case POINTS_MULTIPLIER -> 3;
            })
            .thenComparing(c -> c.templateId().toString())
            .thenComparing(c -> c.memberCouponId().toString());

    private CouponOptimiser() {
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The owner's choice

    /**
     * Checks the combination the owner chose and applies it: 422 {@code coupon-expired}, {@code coupon-not-yet-valid},
     * {@code coupon-not-applicable} (it applies to nothing, or takes nothing off after the coupons before it),
     * {@code coupon-threshold-not-met}, {@code coupon-template-twice}, {@code coupon-multiplier-twice},
     * {@code coupons-not-combinable}. No coupon is valid: {@link Combination#NONE}.
     */
    public static Combination evaluate(Basket basket, List<CouponOffer> chosen, LocalDate today) {
        for (CouponOffer c : chosen) {
            Reason reason = unusable(basket, c, today);
            if (reason == null) {
                continue;
            }
            throw switch (reason) {
                case EXPIRED -> new ApiException.Unprocessable("coupon-expired", c.name(), c.validUntil().toString())
                        .field("coupons").property("couponId", c.memberCouponId().toString());
                case NOT_YET_VALID -> new ApiException.Unprocessable("coupon-not-yet-valid", c.name(),
                        c.validFrom().toString()).field("coupons")
                        .property("couponId", c.memberCouponId().toString());
                case NOT_APPLICABLE -> notApplicable(c);
                case THRESHOLD_NOT_MET -> new ApiException.Unprocessable("coupon-threshold-not-met", c.name(),
                        yuan(c.thresholdFen()), yuan(missing(basket, c))).field("coupons")
                        .property("couponId", c.memberCouponId().toString());
                case NOT_COMBINABLE, SAVES_LESS -> new IllegalStateException(reason.toString());
            };
        }
        for (int i = 0; i < chosen.size(); i++) {
            for (int j = i + 1; j < chosen.size(); j++) {
                CouponOffer a = chosen.get(i);
                CouponOffer b = chosen.get(j);
                if (a.templateId().equals(b.templateId())) {
                    throw new ApiException.Unprocessable("coupon-template-twice", a.name()).field("coupons")
                            .property("couponId", b.memberCouponId().toString());
                }
                if (a.kind() == CouponKind.POINTS_MULTIPLIER && b.kind() == CouponKind.POINTS_MULTIPLIER) {
                    throw new ApiException.Unprocessable("coupon-multiplier-twice", a.name(), b.name())
                            .field("coupons").property("couponId", b.memberCouponId().toString());
                }
                if (!stackable(a, b)) {
                    throw new ApiException.Unprocessable("coupons-not-combinable", a.name(), b.name())
                            .field("coupons").property("couponId", b.memberCouponId().toString());
                }
            }
        }
        Combination applied = apply(basket, chosen);
        for (Applied a : applied.applied()) {
            if (a.offer().kind() != CouponKind.POINTS_MULTIPLIER && a.discountFen() == 0) {
                throw notApplicable(a.offer());
            }
        }
        return applied;
    }

    private static ApiException.Unprocessable notApplicable(CouponOffer c) {
        return new ApiException.Unprocessable("coupon-not-applicable", c.name()).field("coupons")
                .property("couponId", c.memberCouponId().toString());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The recommendation

    /** The best combination of {@code held} for the basket, the runner-up, why the others are not used, and why. */
    public static Recommendation recommend(Basket basket, List<CouponOffer> held, LocalDate today) {
        List<CouponOffer> usable = new ArrayList<>();
        Map<UUID, NotUsed> early = new LinkedHashMap<>();
        for (CouponOffer c : held) {
            Reason reason = unusable(basket, c, today);
            if (reason == null) {
                usable.add(c);
            } else {
                early.put(c.memberCouponId(), new NotUsed(c, reason,
                        reason == Reason.THRESHOLD_NOT_MET ? missing(basket, c) : 0, null));
            }
        }
        List<CouponOffer> candidates = candidates(basket, usable);
        Search search = new Search(basket, candidates);
        search.run();
        Combination best = search.best < 0 ? Combination.NONE : search.combination(search.best);
        Combination runnerUp = search.runnerUp < 0 ? null : search.combination(search.runnerUp);

        List<NotUsed> notUsed = new ArrayList<>();
        Set<UUID> used = new HashSet<>(best.couponIds());
        for (CouponOffer c : held) {
            if (used.contains(c.memberCouponId())) {
                continue;
            }
            NotUsed known = early.get(c.memberCouponId());
            if (known != null) {
                notUsed.add(known);
                continue;
            }
            String conflicts = best.applied().stream().map(Applied::offer)
                    .filter(b -> !combinable(c, b)).map(CouponOffer::name).collect(Collectors.joining(" + "));
            notUsed.add(conflicts.isEmpty() ? new NotUsed(c, Reason.SAVES_LESS, 0, null)
                    : new NotUsed(c, Reason.NOT_COMBINABLE, 0, conflicts));
        }
        return new Recommendation(best, runnerUp, notUsed, explain(best, runnerUp));
    }

    private static Explanation explain(Combination best, @Nullable Combination runnerUp) {
        if (best.isEmpty()) {
            return new Explanation(Explanation.Code.NO_COUPON, List.of(), List.of(), 0, 0);
        }
        if (runnerUp == null) {
            return new Explanation(Explanation.Code.ONLY, best.names(), List.of(), best.savingFen(), 0);
        }
        Explanation.Code code;
        if (best.savingFen() != runnerUp.savingFen()) {
            code = Explanation.Code.BETTER_THAN;
        } else if (best.pointsMultiplier() != runnerUp.pointsMultiplier()) {
            code = Explanation.Code.TIE_MULTIPLIER;
        } else if (best.applied().size() != runnerUp.applied().size()) {
            code = Explanation.Code.TIE_FEWER;
        } else if (compareExpiry(expiries(best), expiries(runnerUp)) != 0) {
            code = Explanation.Code.TIE_SOONER_EXPIRY;
        } else {
            code = Explanation.Code.TIE_SAME;
        }
        return new Explanation(code, best.names(), runnerUp.names(), best.savingFen(),
                best.savingFen() - runnerUp.savingFen());
    }

    /** The usable coupons searched: all of them, or past {@link #SEARCH_LIMIT} the best 12 and best multiplier. */
    private static List<CouponOffer> candidates(Basket basket, List<CouponOffer> usable) {
        if (usable.size() <= SEARCH_LIMIT) {
            return usable;
        }
        Map<UUID, Long> alone = new LinkedHashMap<>();
        for (CouponOffer c : usable) {
            alone.put(c.memberCouponId(), apply(basket, List.of(c)).savingFen());
        }
        Comparator<CouponOffer> byIds = Comparator.comparing((CouponOffer c) -> c.templateId().toString())
                .thenComparing(c -> c.memberCouponId().toString());
        List<CouponOffer> chosen = new ArrayList<>(usable.stream()
                .filter(c -> c.kind() != CouponKind.POINTS_MULTIPLIER)
                .sorted(Comparator.comparing((CouponOffer c) -> -alone.get(c.memberCouponId()))
                        .thenComparing(CouponOffer::validUntil).thenComparing(byIds))
                .limit(SEARCH_LIMIT).toList());
        usable.stream().filter(c -> c.kind() == CouponKind.POINTS_MULTIPLIER)
                .min(Comparator.comparingInt((CouponOffer c) -> -c.pointsMultiplier())
                        .thenComparing(CouponOffer::validUntil).thenComparing(byIds))
                .ifPresent(chosen::add);
        return chosen;
    }

    /**
     * The exact search over the subsets of the candidates that {@link #evaluate} would accept. The candidates are
     * sorted in application order, so a subset is the subset without its last coupon plus that coupon applied to
     * what the former left: each subset costs one coupon's work.
     */
    private static final class Search {
        private final Basket basket;
        private final List<CouponOffer> coupons;
        private final long[] compatible;
        private final boolean[][] eligible;
        private final long[][] left;
        private final long[] saving;
        private final int[] multiplier;
        private final boolean[] valid;
        int best = -1;
        int runnerUp = -1;

        Search(Basket basket, List<CouponOffer> candidates) {
            this.basket = basket;
            this.coupons = candidates.stream().sorted(APPLICATION_ORDER).toList();
            int n = coupons.size();
            this.compatible = new long[n];
            this.eligible = new boolean[n][];
            for (int i = 0; i < n; i++) {
                compatible[i] = 1L << i;
                for (int j = 0; j < n; j++) {
                    if (i != j && combinable(coupons.get(i), coupons.get(j))) {
                        compatible[i] |= 1L << j;
                    }
                }
                eligible[i] = eligibility(coupons.get(i), basket.lines());
            }
            this.left = new long[1 << n][];
            this.saving = new long[1 << n];
            this.multiplier = new int[1 << n];
            this.valid = new boolean[1 << n];
        }

        void run() {
            int n = coupons.size();
            int lines = basket.lines().size();
            left[0] = basket.lines().stream().mapToLong(BasketLine::amountFen).toArray();
            multiplier[0] = 1;
            valid[0] = true;
            long[] share = new long[lines];
            for (int mask = 1; mask < (1 << n); mask++) {
                int last = 31 - Integer.numberOfLeadingZeros(mask);
                int before = mask & ~(1 << last);
                if (!valid[before] || (before & ~compatible[last]) != 0) {
                    continue;
                }
                CouponOffer c = coupons.get(last);
                long[] rest = left[before].clone();
                Arrays.fill(share, 0);
                long discount = take(c, eligible[last], rest, share);
                if (discount == 0 && c.kind() != CouponKind.POINTS_MULTIPLIER) {
                    continue;
                }
                for (int i = 0; i < lines; i++) {
                    rest[i] -= share[i];
                }
                left[mask] = rest;
                saving[mask] = saving[before] + discount;
                multiplier[mask] = Math.max(multiplier[before],
                        c.kind() == CouponKind.POINTS_MULTIPLIER ? c.pointsMultiplier() : 1);
                valid[mask] = true;
                if (best < 0 || better(mask, best)) {
                    best = mask;
                }
            }
            if (best < 0) {
                return;
            }
            // the runner-up uses a template the best does not: another coupon of the same templates is no alternative
            long[] templates = new long[n];
            List<java.util.UUID> distinct = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                java.util.UUID template = coupons.get(i).templateId();
                if (!distinct.contains(template)) {
                    distinct.add(template);
                }
                templates[i] = 1L << distinct.indexOf(template);
            }
            long bestTemplates = templatesOf(best, templates);
            for (int mask = 1; mask < (1 << n); mask++) {
                if (valid[mask] && (templatesOf(mask, templates) & ~bestTemplates) != 0
                        && (runnerUp < 0 || better(mask, runnerUp))) {
                    runnerUp = mask;
                }
            }
        }

        private static long templatesOf(int mask, long[] templates) {
            long of = 0;
            for (int i = 0; i < templates.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    of |= templates[i];
                }
            }
            return of;
        }

        Combination combination(int mask) {
            List<CouponOffer> chosen = new ArrayList<>();
            for (int i = 0; i < coupons.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    chosen.add(coupons.get(i));
                }
            }
            return applyInOrder(basket, chosen);
        }

        /** Most saved, then the highest multiplier, then fewest coupons, then soonest to expire, then ids. */
        private boolean better(int a, int b) {
            if (saving[a] != saving[b]) {
                return saving[a] > saving[b];
            }
            if (multiplier[a] != multiplier[b]) {
                return multiplier[a] > multiplier[b];
            }
            if (Integer.bitCount(a) != Integer.bitCount(b)) {
                return Integer.bitCount(a) < Integer.bitCount(b);
            }
            Combination x = combination(a);
            Combination y = combination(b);
            int expiry = compareExpiry(expiries(x), expiries(y));
            if (expiry != 0) {
                return expiry < 0;
            }
            return ids(x).compareTo(ids(y)) < 0;
        }
    }

    private static List<LocalDate> expiries(Combination c) {
        return c.applied().stream().map(a -> a.offer().validUntil()).sorted().toList();
    }

    /** Sooner first: the lists (each sorted, of one length) compared day by day. */
    private static int compareExpiry(List<LocalDate> a, List<LocalDate> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static String ids(Combination c) {
        return c.applied().stream().map(a -> a.offer().templateId() + "/" + a.offer().memberCouponId()).sorted()
                .collect(Collectors.joining(","));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The rules

    /** Why a coupon cannot be used on the basket at all, or null: validity, then scope, then threshold. */
    private static @Nullable Reason unusable(Basket basket, CouponOffer c, LocalDate today) {
        if (today.isAfter(c.validUntil())) {
            return Reason.EXPIRED;
        }
        if (today.isBefore(c.validFrom())) {
            return Reason.NOT_YET_VALID;
        }
        if (eligibleListFen(basket, c) == 0) {
            return Reason.NOT_APPLICABLE;
        }
        if (missing(basket, c) > 0) {
            return Reason.THRESHOLD_NOT_MET;
        }
        return null;
    }

    /** How much of the threshold the eligible lines' list price falls short by. */
    private static long missing(Basket basket, CouponOffer c) {
        return Math.max(0, c.thresholdFen() - eligibleListFen(basket, c));
    }

    private static long eligibleListFen(Basket basket, CouponOffer c) {
        return basket.lines().stream().filter(l -> eligible(c, l)).mapToLong(BasketLine::amountFen).sum();
    }

    static boolean eligible(CouponOffer c, BasketLine line) {
        return switch (c.scope()) {
            case ORDER -> true;
            case LABOUR -> line.kind() == BasketLine.Kind.LABOUR;
            case PARTS -> line.kind() == BasketLine.Kind.PART;
            case MALL_CATEGORIES -> line.kind() == BasketLine.Kind.MALL_ITEM && line.category() != null
                    && c.scopeCodes().contains(line.category());
            case ITEMS -> line.itemCode() != null && c.scopeCodes().contains(line.itemCode());
        };
    }

    /** One stack group, both named. */
    private static boolean stackable(CouponOffer a, CouponOffer b) {
        return a.stackGroup() != null && a.stackGroup().equals(b.stackGroup());
    }

    /** Two coupons may be in one combination: one stack group, two templates, not two multipliers. */
    private static boolean combinable(CouponOffer a, CouponOffer b) {
        return stackable(a, b) && !a.templateId().equals(b.templateId())
                && !(a.kind() == CouponKind.POINTS_MULTIPLIER && b.kind() == CouponKind.POINTS_MULTIPLIER);
    }

    /** Applies the coupons in {@link #APPLICATION_ORDER}, without checking whether they may be combined. */
    static Combination apply(Basket basket, List<CouponOffer> coupons) {
        return applyInOrder(basket, coupons.stream().sorted(APPLICATION_ORDER).toList());
    }

    private static Combination applyInOrder(Basket basket, List<CouponOffer> ordered) {
        List<BasketLine> lines = basket.lines();
        long[] left = lines.stream().mapToLong(BasketLine::amountFen).toArray();
        List<Applied> applied = new ArrayList<>();
        long saving = 0;
        int multiplier = 1;
        for (CouponOffer c : ordered) {
            long[] share = new long[lines.size()];
            long discount = take(c, eligibility(c, lines), left, share);
            if (c.kind() == CouponKind.POINTS_MULTIPLIER) {
                multiplier = Math.max(multiplier, c.pointsMultiplier());
            }
            Map<String, Long> byLine = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                if (share[i] > 0) {
                    left[i] -= share[i];
                    byLine.put(lines.get(i).id(), share[i]);
                }
            }
            saving += discount;
            applied.add(new Applied(c, discount, byLine));
        }
        return new Combination(applied, saving, multiplier);
    }

    private static boolean[] eligibility(CouponOffer c, List<BasketLine> lines) {
        boolean[] eligible = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            eligible[i] = eligible(c, lines.get(i));
        }
        return eligible;
    }

    /**
     * What one coupon takes off what is {@code left} of its eligible lines, written per line into {@code share}
     * (which the caller subtracts).
     */
    private static long take(CouponOffer c, boolean[] eligible, long[] left, long[] share) {
        long remaining = 0;
        for (int i = 0; i < left.length; i++) {
            if (eligible[i]) {
                remaining += left[i];
            }
        }
        return switch (c.kind()) {
            case POINTS_MULTIPLIER -> 0;
            case FREE_ITEM -> {
                int dearest = -1;
                for (int i = 0; i < left.length; i++) {
                    if (eligible[i] && left[i] > 0 && (dearest < 0 || left[i] > left[dearest])) {
                        dearest = i;
                    }
                }
                if (dearest < 0) {
                    yield 0;
                }
                long free = capped(left[dearest], c.capFen());
                share[dearest] = free;
                yield free;
            }
            case PERCENT -> split(capped(remaining * c.percentOff() / 100, c.capFen()), remaining, eligible, left,
                    share);
            case CASH, THRESHOLD -> split(Math.min(c.valueFen(), remaining), remaining, eligible, left, share);
        };
    }

    private static long capped(long fen, @Nullable Long capFen) {
        return capFen == null ? fen : Math.min(fen, capFen);
    }

    /**
     * Splits {@code discount} (at most {@code remaining}) across the eligible lines in proportion to what is left of
     * each, rounded down; the fen left over go one each to the dearest lines (by what is left, then basket order).
     */
    private static long split(long discount, long remaining, boolean[] eligible, long[] left, long[] share) {
        if (discount == 0) {
            return 0;
        }
        long given = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < left.length; i++) {
            if (eligible[i] && left[i] > 0) {
                share[i] = Math.multiplyExact(discount, left[i]) / remaining;
                given += share[i];
                order.add(i);
            }
        }
        order.sort(Comparator.comparingLong((Integer i) -> -left[i]).thenComparingInt(i -> i));
        for (int k = 0; given < discount; k++) {
            share[order.get(k)]++;
            given++;
        }
        return discount;
    }

    /** Fen as yuan for people: 5000 → 50.00. */
    static String yuan(long fen) {
        return String.format(Locale.ROOT, "%d.%02d", fen / 100, Math.abs(fen % 100));
    }
}
