package com.m4s.store.coupon;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Baskets and coupons written the way the tests' hand computations read them: amounts in yuan. */
final class CouponTestData {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private CouponTestData() {
    }

    static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    static Basket basket(BasketLine... lines) {
        return new Basket(List.of(lines));
    }

    static BasketLine labour(String id, String code, String yuan) {
        return new BasketLine(id, BasketLine.Kind.LABOUR, code, null, "labour " + code, fen(yuan));
    }

    static BasketLine part(String id, String code, String yuan) {
        return new BasketLine(id, BasketLine.Kind.PART, code, null, "part " + code, fen(yuan));
    }

    static BasketLine mall(String id, String sku, String category, String yuan) {
        return new BasketLine(id, BasketLine.Kind.MALL_ITEM, sku, category, "item " + sku, fen(yuan));
    }

    static C cash(String label, String name, String yuan) {
        return new C(label, name, CouponKind.CASH).value(yuan);
    }

    static C threshold(String label, String name, String thresholdYuan, String yuan) {
        return new C(label, name, CouponKind.THRESHOLD).value(yuan).threshold(thresholdYuan);
    }

    static C percent(String label, String name, int percentOff, CouponScope scope) {
        C c = new C(label, name, CouponKind.PERCENT).scope(scope);
        c.percentOff = percentOff;
        return c;
    }

    static C free(String label, String name, CouponScope scope) {
        return new C(label, name, CouponKind.FREE_ITEM).scope(scope);
    }

    static C multiplier(String label, String name, int times) {
        C c = new C(label, name, CouponKind.POINTS_MULTIPLIER);
        c.multiplier = times;
        return c;
    }

    /**
     * A coupon being written. Templates are numbered by name in the order a set first names them, so a set's
     * template ids sort in that order (the application order's tie-break); coupons by their place in the set.
     */
    static final class C {
        final String label;
        final String name;
        final CouponKind kind;
        CouponScope scope = CouponScope.ORDER;
        Set<String> codes = Set.of();
        long valueFen;
        long thresholdFen;
        int percentOff;
        @Nullable Long capFen;
        int multiplier = 1;
        @Nullable String group;
        LocalDate from = LocalDate.of(2026, 11, 1);
        LocalDate until = LocalDate.of(2026, 12, 31);

        C(String label, String name, CouponKind kind) {
            this.label = label;
            this.name = name;
            this.kind = kind;
        }

        C scope(CouponScope s) {
            scope = s;
            return this;
        }

        C codes(String... c) {
            codes = Set.of(c);
            return this;
        }

        C value(String yuan) {
            valueFen = fen(yuan);
            return this;
        }

        C threshold(String yuan) {
            thresholdFen = fen(yuan);
            return this;
        }

        C cap(String yuan) {
            capFen = fen(yuan);
            return this;
        }

        C group(String g) {
            group = g;
            return this;
        }

        C from(LocalDate d) {
            from = d;
            return this;
        }

        C until(LocalDate d) {
            until = d;
            return this;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A set of coupons as offers, and their labels back from the offers. */
    record Held(List<CouponOffer> offers, Map<UUID, String> labels) {

        static Held of(List<C> coupons) {
            Map<String, UUID> templates = new LinkedHashMap<>();
            List<CouponOffer> offers = new ArrayList<>();
            Map<UUID, String> labels = new LinkedHashMap<>();
            for (C c : coupons) {
                UUID template = templates.computeIfAbsent(c.name, n -> new UUID(0, templates.size() + 1));
                UUID id = new UUID(1, offers.size() + 1);
                offers.add(new CouponOffer(id, template, c.name, c.kind, c.scope, c.codes, c.valueFen,
                        c.thresholdFen, c.percentOff, c.capFen, c.multiplier, c.group, c.from, c.until));
                labels.put(id, c.label);
            }
            return new Held(offers, labels);
        }

        List<String> labels(Combination c) {
            return c.couponIds().stream().map(labels::get).toList();
        }

        CouponOffer offer(String label) {
            return offers.stream().filter(o -> labels.get(o.memberCouponId()).equals(label)).findFirst()
                    .orElseThrow();
        }

        List<CouponOffer> offers(String... labels) {
            return java.util.Arrays.stream(labels).map(this::offer).toList();
        }
    }
}
