package com.m4s.store.coupon;

import static com.m4s.store.coupon.CouponTestData.TODAY;
import static com.m4s.store.coupon.CouponTestData.basket;
import static com.m4s.store.coupon.CouponTestData.cash;
import static com.m4s.store.coupon.CouponTestData.fen;
import static com.m4s.store.coupon.CouponTestData.free;
import static com.m4s.store.coupon.CouponTestData.labour;
import static com.m4s.store.coupon.CouponTestData.mall;
import static com.m4s.store.coupon.CouponTestData.multiplier;
import static com.m4s.store.coupon.CouponTestData.part;
import static com.m4s.store.coupon.CouponTestData.percent;
import static com.m4s.store.coupon.CouponTestData.threshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.web.ApiException;
import com.m4s.store.coupon.CouponTestData.C;
import com.m4s.store.coupon.CouponTestData.Held;
import com.m4s.store.coupon.Explanation.Code;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimiser against baskets whose best combination was worked out by hand (decision 0044). Each row: the basket,
 * the coupons held (label = name … ; same name = same template; templates sort in the order first named), the best
 * combination's labels in application order, its saving and multiplier, the runner-up, the explanation's code and
 * "more" amount, and each unused coupon's reason ("label REASON [missing] [⟂ conflicts]").
 */
class CouponOptimiserTest {

    private static final String G = "g";

    record Row(String title, Basket basket, List<C> coupons, List<String> best, String saving, int multiplier,
            @Nullable List<String> runnerUp, Code code, String more, List<String> notUsed) {

        @Override
        public String toString() {
            return title;
        }
    }

    private static Row row(String title, Basket basket, List<C> coupons, List<String> best, String saving,
            int multiplier, @Nullable List<String> runnerUp, Code code, String more, String... notUsed) {
        return new Row(title, basket, coupons, best, saving, multiplier, runnerUp, code, more, List.of(notUsed));
    }

    private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

    static Stream<Row> rows() {
        List<C> fourteen = new ArrayList<>(IntStream.rangeClosed(1, 14)
                .mapToObj(n -> cash("c" + n, n + "元券", String.valueOf(n)).group(G)).toList());
        fourteen.add(multiplier("M2", "积分2倍", 2).group(G));
        fourteen.add(multiplier("M3", "积分3倍", 3).group(G));
        return Stream.of(
                // 工时8折: 350 × 20% = 70; 满300减50: list 500 ≥ 300 → 50; together 120 vs 100元代金券 alone 100 → 20 more
                row("the issue's example: a stackable pair beats an exclusive coupon",
                        basket(labour("L1", "LAB-SVC", "350"), part("P1", "P-OIL", "150")),
                        List.of(threshold("T300", "满300减50", "300", "50").group(G),
                                percent("L80", "工时8折", 20, CouponScope.LABOUR).group(G),
                                cash("C100", "100元代金券", "100")),
                        List.of("L80", "T300"), "120.00", 1, List.of("C100"), Code.BETTER_THAN, "20.00",
                        "C100 NOT_COMBINABLE ⟂ 工时8折 + 满300减50"),
                // list 250 < 300 → 50 short; 20元代金券 → 20
                row("a threshold not met says by how much",
                        basket(labour("L1", "LAB-SVC", "100"), part("P1", "P-OIL", "150")),
                        List.of(threshold("T300", "满300减50", "300", "50").group(G),
                                cash("C20", "20元代金券", "20").group(G)),
                        List.of("C20"), "20.00", 1, null, Code.ONLY, "0.00", "T300 THRESHOLD_NOT_MET 50.00"),
                // 工时8折: 200 × 20% = 40, 260 left; 满300减50 reads the list price 300 ≥ 300 → 50; 90
                row("a threshold reads the list price before the other coupons",
                        basket(labour("L1", "LAB-SVC", "200"), part("P1", "P-OIL", "100")),
                        List.of(percent("L80", "工时8折", 20, CouponScope.LABOUR).group(G),
                                threshold("T300", "满300减50", "300", "50").group(G)),
                        List.of("L80", "T300"), "90.00", 1, null, Code.ONLY, "0.00"),
                // parts list 150 < 200 (the basket's 450 does not count) → 50 short; nothing else
                row("a parts threshold counts only the parts",
                        basket(labour("L1", "LAB-SVC", "300"), part("P1", "P-OIL", "150")),
                        List.of(threshold("P200", "配件满200减30", "200", "30").scope(CouponScope.PARTS)),
                        List.of(), "0.00", 1, null, Code.NO_COUPON, "0.00", "P200 THRESHOLD_NOT_MET 50.00"),
                // 400 × 20% = 80, capped at 50; 40元代金券 40 → 10 more
                row("a percentage stops at its cap",
                        basket(labour("L1", "LAB-SVC", "250"), part("P1", "P-OIL", "150")),
                        List.of(percent("P8", "全单8折封顶50", 20, CouponScope.ORDER).cap("50"),
                                cash("C40", "40元代金券", "40")),
                        List.of("P8"), "50.00", 1, List.of("C40"), Code.BETTER_THAN, "10.00",
                        "C40 NOT_COMBINABLE ⟂ 全单8折封顶50"),
                // 12349 fen × 10% = 1234.9 → 1234 fen
                row("a percentage is rounded down to the fen",
                        basket(labour("L1", "LAB-SVC", "100.05"), part("P1", "P-OIL", "23.44")),
                        List.of(percent("P9", "全单9折", 10, CouponScope.ORDER)),
                        List.of("P9"), "12.34", 1, null, Code.ONLY, "0.00"),
                // eligible LAB-OIL 80 and LAB-WASH 30: the dearest, 80, free
                row("a free item without a cap takes the dearest eligible line",
                        basket(labour("L1", "LAB-OIL", "80"), labour("L2", "LAB-WASH", "30"),
                                part("P1", "P-OIL", "200")),
                        List.of(free("F", "免费工时券", CouponScope.ITEMS).codes("LAB-OIL", "LAB-WASH")),
                        List.of("F"), "80.00", 1, null, Code.ONLY, "0.00"),
                // free LAB-OIL 80 capped at 50; 60元代金券 60 → 10 more
                row("a capped free item loses to a bigger cash coupon",
                        basket(labour("L1", "LAB-OIL", "80"), labour("L2", "LAB-WASH", "30"),
                                part("P1", "P-OIL", "200")),
                        List.of(free("F50", "免费工时券封顶50", CouponScope.ITEMS).codes("LAB-OIL", "LAB-WASH").cap("50"),
                                cash("C60", "60元代金券", "60")),
                        List.of("C60"), "60.00", 1, List.of("F50"), Code.BETTER_THAN, "10.00",
                        "F50 NOT_COMBINABLE ⟂ 60元代金券"),
                // 配件9折: parts 300 × 10% = 30; 工时8折: labour 300 × 20% = 60; 90
                row("a parts and a labour percentage stack",
                        basket(labour("L1", "LAB-SVC", "300"), part("P1", "P-OIL", "200"),
                                part("P2", "P-FLT", "100")),
                        List.of(percent("PA9", "配件9折", 10, CouponScope.PARTS).group(G),
                                percent("L80", "工时8折", 20, CouponScope.LABOUR).group(G)),
                        List.of("PA9", "L80"), "90.00", 1, null, Code.ONLY, "0.00"),
                // CARE 120 + 50 = 170 ≥ 150 → 30; TOOLS 80 < 100 → 20 short
                row("mall categories: each coupon counts its own categories",
                        basket(mall("M1", "SKU-1", "CARE", "120"), mall("M2", "SKU-2", "TOOLS", "80"),
                                mall("M3", "SKU-3", "CARE", "50")),
                        List.of(threshold("CARE30", "养护类满150减30", "150", "30").scope(CouponScope.MALL_CATEGORIES)
                                        .codes("CARE"),
                                threshold("TOOL20", "工具类满100减20", "100", "20").scope(CouponScope.MALL_CATEGORIES)
                                        .codes("TOOLS")),
                        List.of("CARE30"), "30.00", 1, null, Code.ONLY, "0.00",
                        "TOOL20 THRESHOLD_NOT_MET 20.00"),
                // 200 off the P-OIL line of 150 → 150 (never below zero); 100元代金券 100 → 50 more
                row("an item coupon takes no more than its item costs",
                        basket(labour("L1", "LAB-SVC", "100"), part("P1", "P-OIL", "150")),
                        List.of(cash("OIL200", "机油代金券200", "200").scope(CouponScope.ITEMS).codes("P-OIL"),
                                cash("C100", "100元代金券", "100")),
                        List.of("OIL200"), "150.00", 1, List.of("C100"), Code.BETTER_THAN, "50.00",
                        "C100 NOT_COMBINABLE ⟂ 机油代金券200"),
                // labour cash first: 60, labour 40 left; then 5折 on 40 + 100 = 70; 130
                // (order-level first would give 100 + min(60, 50) = 150: the order matters)
                row("order-level coupons come after item-level ones",
                        basket(labour("L1", "LAB-SVC", "100"), part("P1", "P-OIL", "100")),
                        List.of(percent("O50", "全单5折", 50, CouponScope.ORDER).group(G),
                                cash("LC60", "工时代金券60", "60").scope(CouponScope.LABOUR).group(G)),
                        List.of("LC60", "O50"), "130.00", 1, null, Code.ONLY, "0.00"),
                // valid until today: usable, 50
                row("a coupon is usable on its last day",
                        basket(labour("L1", "LAB-SVC", "200")),
                        List.of(cash("C50", "50元代金券", "50").until(TODAY)),
                        List.of("C50"), "50.00", 1, null, Code.ONLY, "0.00"),
                // last day yesterday: expired; 30元代金券 30
                row("a coupon is not usable the day after its last day",
                        basket(labour("L1", "LAB-SVC", "200")),
                        List.of(cash("C50", "50元代金券", "50").until(TODAY.minusDays(1)),
                                cash("C30", "30元代金券", "30")),
                        List.of("C30"), "30.00", 1, null, Code.ONLY, "0.00", "C50 EXPIRED"),
                // from tomorrow: not yet; 30元代金券 30
                row("a coupon is not usable before its first day",
                        basket(labour("L1", "LAB-SVC", "200")),
                        List.of(cash("C80", "80元代金券", "80").from(TODAY.plusDays(1)),
                                cash("C30", "30元代金券", "30")),
                        List.of("C30"), "30.00", 1, null, Code.ONLY, "0.00", "C80 NOT_YET_VALID"),
                // one 满300减50 per order: 50, the one expiring 12-10 first; the other copy is no alternative to it
                row("two coupons of one template: one is used, the sooner to expire",
                        basket(labour("L1", "LAB-SVC", "300"), part("P1", "P-OIL", "200")),
                        List.of(threshold("T300a", "满300减50", "300", "50").group(G),
                                threshold("T300b", "满300减50", "300", "50").group(G).until(DEC_10)),
                        List.of("T300b"), "50.00", 1, null, Code.ONLY, "0.00",
                        "T300a NOT_COMBINABLE ⟂ 满300减50"),
                // 工时8折 400 × 20% = 80 + 满300减50 50 = 130; the runner-up is 100元代金券 (100, 30 less), not the
                // same pair with the other 满300减50
                row("a second coupon of a template in the best is not the runner-up",
                        basket(labour("L1", "LAB-SVC", "400"), part("P1", "P-PAD", "200")),
                        List.of(threshold("T300a", "满300减50", "300", "50").group(G),
                                threshold("T300b", "满300减50", "300", "50").group(G).until(DEC_10),
                                percent("L80", "工时8折", 20, CouponScope.LABOUR).group(G),
                                cash("C100", "100元代金券", "100")),
                        List.of("L80", "T300b"), "130.00", 1, List.of("C100"), Code.BETTER_THAN, "30.00",
                        "T300a NOT_COMBINABLE ⟂ 满300减50", "C100 NOT_COMBINABLE ⟂ 工时8折 + 满300减50"),
                // 50 off, and the multiplier joins (same group): 50, ×3
                row("a stackable multiplier joins the best combination",
                        basket(labour("L1", "LAB-SVC", "250"), part("P1", "P-OIL", "150")),
                        List.of(cash("C50", "50元代金券", "50").group(G), multiplier("M3", "积分3倍", 3).group(G)),
                        List.of("C50", "M3"), "50.00", 3, null, Code.ONLY, "0.00"),
                // the multiplier stacks with nothing: 50 alone beats ×2 alone (0) by 50
                row("a multiplier that stacks with nothing loses to money off",
                        basket(labour("L1", "LAB-SVC", "250"), part("P1", "P-OIL", "150")),
                        List.of(cash("C50", "50元代金券", "50").group(G), multiplier("M2", "积分2倍", 2)),
                        List.of("C50"), "50.00", 1, List.of("M2"), Code.BETTER_THAN, "50.00",
                        "M2 NOT_COMBINABLE ⟂ 50元代金券"),
                // 50 either way; 50元叠加券 + 积分2倍 earns ×2, 50元代金券 alone ×1
                row("equal savings: the higher multiplier wins",
                        basket(labour("L1", "LAB-SVC", "300")),
                        List.of(cash("X", "50元代金券", "50"), cash("Y", "50元叠加券", "50").group(G),
                                multiplier("M2", "积分2倍", 2).group(G)),
                        List.of("Y", "M2"), "50.00", 2, List.of("X"), Code.TIE_MULTIPLIER, "0.00",
                        "X NOT_COMBINABLE ⟂ 50元叠加券 + 积分2倍"),
                // 满300减50 alone 50 = 30 + 20 together; one coupon beats two though those expire sooner
                row("equal savings: fewest coupons before soonest expiry",
                        basket(labour("L1", "LAB-SVC", "300"), part("P1", "P-OIL", "200")),
                        List.of(threshold("A", "满300减50", "300", "50"),
                                cash("B", "30元代金券", "30").group(G).until(DEC_10),
                                cash("C", "20元代金券", "20").group(G).until(DEC_10)),
                        List.of("A"), "50.00", 1, List.of("B", "C"), Code.TIE_FEWER, "0.00",
                        "B NOT_COMBINABLE ⟂ 满300减50", "C NOT_COMBINABLE ⟂ 满300减50"),
                // 40 either way: the one whose last day is 12-08 goes first
                row("equal savings and counts: the sooner to expire wins",
                        basket(labour("L1", "LAB-SVC", "300")),
                        List.of(cash("D", "40元代金券甲", "40").until(LocalDate.of(2026, 12, 20)),
                                cash("E", "40元代金券乙", "40").until(LocalDate.of(2026, 12, 8))),
                        List.of("E"), "40.00", 1, List.of("D"), Code.TIE_SOONER_EXPIRY, "0.00",
                        "D NOT_COMBINABLE ⟂ 40元代金券乙"),
                // 16 usable > 12: the 12 saving most alone (14 … 3 yuan) + the best multiplier (×3) are searched:
                // 3 + … + 14 = 102, ×3 (the exact search would add 1 and 2: 105)
                row("past 12 usable coupons the search is bounded",
                        basket(labour("L1", "LAB-SVC", "1000")), fourteen,
                        List.of("c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13", "c14", "M3"),
                        "102.00", 3, null, Code.ONLY, "0.00",
                        "c1 SAVES_LESS", "c2 SAVES_LESS", "M2 NOT_COMBINABLE ⟂ 积分3倍"),
                // no part line: the parts coupon applies to nothing; 工时8折 200 × 20% = 40
                row("a coupon with nothing to apply to",
                        basket(labour("L1", "LAB-SVC", "200")),
                        List.of(cash("PC", "配件代金券", "30").scope(CouponScope.PARTS),
                                percent("L80", "工时8折", 20, CouponScope.LABOUR)),
                        List.of("L80"), "40.00", 1, null, Code.ONLY, "0.00", "PC NOT_APPLICABLE"),
                // 工时8折 40 (labour 160 left); then the order's dearest line by what is left: the part, 180; 220
                row("an order-level free item takes the dearest line by what is left",
                        basket(labour("L1", "LAB-SVC", "200"), part("P1", "P-OIL", "180")),
                        List.of(percent("L80", "工时8折", 20, CouponScope.LABOUR).group(G),
                                free("FO", "全单免一项", CouponScope.ORDER).group(G)),
                        List.of("L80", "FO"), "220.00", 1, null, Code.ONLY, "0.00"),
                // group g: 40 + 30 = 70; group h: 50 + 10 = 60 → 10 more
                row("two stack groups: the runner-up is the other group",
                        basket(labour("L1", "LAB-SVC", "300"), part("P1", "P-OIL", "200")),
                        List.of(cash("A", "40元券", "40").group(G), cash("B", "30元券", "30").group(G),
                                cash("C", "50元券", "50").group("h"), cash("D", "10元券", "10").group("h")),
                        List.of("A", "B"), "70.00", 1, List.of("C", "D"), Code.BETTER_THAN, "10.00",
                        "C NOT_COMBINABLE ⟂ 40元券 + 30元券", "D NOT_COMBINABLE ⟂ 40元券 + 30元券"),
                // an empty basket: nothing to take off, nothing to earn points on
                row("an empty basket uses no coupon",
                        basket(),
                        List.of(multiplier("M2", "积分2倍", 2), cash("C10", "10元代金券", "10")),
                        List.of(), "0.00", 1, null, Code.NO_COUPON, "0.00", "M2 NOT_APPLICABLE",
                        "C10 NOT_APPLICABLE"),
                // labour 30: 50元代金券 takes all 30, 20元代金券 after it would take 0 → not joined; 30 vs 20 alone
                row("a coupon that would take nothing more is kept for later",
                        basket(labour("L1", "LAB-SVC", "30")),
                        List.of(cash("C50", "50元代金券", "50").group(G), cash("C20", "20元代金券", "20").group(G)),
                        List.of("C50"), "30.00", 1, List.of("C20"), Code.BETTER_THAN, "10.00", "C20 SAVES_LESS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void findsTheBestCombination(Row row) {
        Held held = Held.of(row.coupons());

        Recommendation r = CouponOptimiser.recommend(row.basket(), held.offers(), TODAY);

        assertThat(held.labels(r.best())).as("best").isEqualTo(row.best());
        assertThat(r.best().savingFen()).as("saving").isEqualTo(fen(row.saving()));
        assertThat(r.best().pointsMultiplier()).as("multiplier").isEqualTo(row.multiplier());
        assertThat(r.runnerUp() == null ? null : held.labels(r.runnerUp())).as("runner-up")
                .isEqualTo(row.runnerUp());
        assertThat(r.explanation().code()).as("explanation").isEqualTo(row.code());
        assertThat(r.explanation().best()).isEqualTo(r.best().names());
        assertThat(r.explanation().other()).isEqualTo(r.runnerUp() == null ? List.of() : r.runnerUp().names());
        assertThat(r.explanation().savingFen()).isEqualTo(fen(row.saving()));
        assertThat(r.explanation().moreFen()).as("more").isEqualTo(fen(row.more()));
        assertThat(r.notUsed().stream().map(n -> describe(held, n)).toList()).as("not used")
                .isEqualTo(row.notUsed());
        splitsAddUp(row.basket(), r.best());
        if (r.runnerUp() != null) {
            splitsAddUp(row.basket(), r.runnerUp());
        }
        // the owner submitting the recommendation is accepted, with the same result
        assertThat(CouponOptimiser.evaluate(row.basket(), r.best().applied().stream()
                .map(Applied::offer).toList(), TODAY)).isEqualTo(r.best());
    }

    private static String describe(Held held, NotUsed n) {
        return held.labels().get(n.offer().memberCouponId()) + " " + n.reason()
                + (n.missingFen() > 0 ? " " + CouponOptimiser.yuan(n.missingFen()) : "")
                + (n.conflictsWith() != null ? " ⟂ " + n.conflictsWith() : "");
    }

    private static void splitsAddUp(Basket basket, Combination c) {
        long total = 0;
        Map<String, Long> taken = new java.util.HashMap<>();
        for (Applied a : c.applied()) {
            assertThat(a.byLine().values().stream().mapToLong(Long::longValue).sum()).as(a.offer().name())
                    .isEqualTo(a.discountFen());
            a.byLine().forEach((line, fen) -> taken.merge(line, fen, Long::sum));
            total += a.discountFen();
        }
        assertThat(total).isEqualTo(c.savingFen());
        for (BasketLine line : basket.lines()) {
            assertThat(taken.getOrDefault(line.id(), 0L)).as(line.id()).isLessThanOrEqualTo(line.amountFen());
        }
    }

    @Test
    void theSplitFollowsWhatIsLeftOfEachLine() {
        // labour cash 60 takes L1 60 (40 left); 5折 on 40 + 100 = 70: L1 70 × 40/140 = 20, P1 70 × 100/140 = 50
        Basket basket = basket(labour("L1", "LAB-SVC", "100"), part("P1", "P-OIL", "100"));
        Held held = Held.of(List.of(percent("O50", "全单5折", 50, CouponScope.ORDER).group(G),
                cash("LC60", "工时代金券60", "60").scope(CouponScope.LABOUR).group(G)));

        Combination c = CouponOptimiser.evaluate(basket, held.offers(), TODAY);

        assertThat(c.applied()).extracting(Applied::byLine)
                .containsExactly(Map.of("L1", 6000L), Map.of("L1", 2000L, "P1", 5000L));
    }

    @Test
    void leftOverFenGoToTheDearestLines() {
        // 1.00 off 3 lines of 100, 100, 101 fen (301): 100 × 100/301 = 33.2 → 33, 33, 100 × 101/301 = 33.6 → 33;
        // 99 given, the 1 fen left to the dearest line, P3: 33, 33, 34
        Basket basket = basket(part("P1", "A", "1.00"), part("P2", "B", "1.00"), part("P3", "C", "1.01"));
        Held held = Held.of(List.of(cash("C1", "1元代金券", "1")));

        Combination c = CouponOptimiser.evaluate(basket, held.offers(), TODAY);

        assertThat(c.applied().getFirst().byLine()).containsExactly(Map.entry("P1", 33L), Map.entry("P2", 33L),
                Map.entry("P3", 34L));
    }

    @Test
    void noCouponIsAValidChoice() {
        assertThat(CouponOptimiser.evaluate(basket(labour("L1", "LAB-SVC", "100")), List.of(), TODAY))
                .isEqualTo(Combination.NONE);
    }

    @Test
    void twelveCouponsAreSearchedQuickly() {
        Held held = Held.of(IntStream.rangeClosed(1, 12)
                .mapToObj(n -> cash("c" + n, n + "元券", String.valueOf(n)).group(G)).toList());
        Basket basket = basket(labour("L1", "LAB-SVC", "500"), part("P1", "P-OIL", "300"));

        long start = System.nanoTime();
        Recommendation r = CouponOptimiser.recommend(basket, held.offers(), TODAY);
        long first = System.nanoTime() - start;
        start = System.nanoTime();
        CouponOptimiser.recommend(basket, held.offers(), TODAY);
        long second = System.nanoTime() - start;
        System.out.printf("coupon search over 12 stackable coupons (4095 subsets): %.1f ms cold, %.1f ms warm%n",
                first / 1e6, second / 1e6);

        // 1 + … + 12 = 78
        assertThat(r.best().savingFen()).isEqualTo(fen("78"));
        assertThat(r.best().applied()).hasSize(12);
    }

    // -------------------------------------------------------------------------------------------------------------
    // The owner's choice refused

    private static final Basket SERVICE = basket(labour("L1", "LAB-SVC", "200"), part("P1", "P-OIL", "65"));

    private static void refused(List<C> coupons, String type, String english) {
        Held held = Held.of(coupons);
        assertThatThrownBy(() -> CouponOptimiser.evaluate(SERVICE, held.offers(), TODAY))
                .isInstanceOfSatisfying(ApiException.Unprocessable.class, e -> {
                    assertThat(e.type()).isEqualTo(type);
                    assertThat(e.getMessage()).isEqualTo(english);
                    assertThat(e.properties()).containsEntry("field", "coupons");
                });
    }

    @Test
    void anExpiredCouponIsRefused() {
        refused(List.of(cash("C50", "50元代金券", "50").until(TODAY.minusDays(1))), "coupon-expired",
                "50元代金券 could be used until 2026-12-03: it has expired.");
    }

    @Test
    void aCouponBeforeItsFirstDayIsRefused() {
        refused(List.of(cash("C50", "50元代金券", "50").from(TODAY.plusDays(1))), "coupon-not-yet-valid",
                "50元代金券 can be used from 2026-12-05.");
    }

    @Test
    void aThresholdNotMetIsRefusedWithWhatIsMissing() {
        // list 265 < 300: 35 short
        refused(List.of(threshold("T300", "满300减50", "300", "50")), "coupon-threshold-not-met",
                "满300减50 needs 300.00 yuan of eligible items at list price: 35.00 yuan more are needed.");
    }

    @Test
    void aCouponWithNothingToApplyToIsRefused() {
        refused(List.of(cash("MC", "商城代金券", "10").scope(CouponScope.MALL_CATEGORIES).codes("CARE")),
                "coupon-not-applicable", "商城代金券 takes nothing off this order.");
    }

    @Test
    void aCouponThatTakesNothingAfterTheOthersIsRefused() {
        // 工时免单 takes the whole labour line; the labour cash after it finds nothing left
        refused(List.of(free("FL", "工时免单", CouponScope.LABOUR).group(G),
                cash("LC", "工时代金券", "20").scope(CouponScope.LABOUR).group(G)), "coupon-not-applicable",
                "工时代金券 takes nothing off this order.");
    }

    @Test
    void couponsOfTwoGroupsAreRefused() {
        refused(List.of(cash("A", "10元券", "10").group(G), cash("B", "20元券", "20")), "coupons-not-combinable",
                "10元券 and 20元券 cannot be used together.");
    }

    @Test
    void twoCouponsOfOneTemplateAreRefused() {
        refused(List.of(cash("A", "10元券", "10").group(G), cash("B", "10元券", "10").group(G)),
                "coupon-template-twice", "Only one 10元券 can be used per order.");
    }

    @Test
    void twoMultipliersAreRefused() {
        refused(List.of(multiplier("M2", "积分2倍", 2).group(G), multiplier("M3", "积分3倍", 3).group(G)),
                "coupon-multiplier-twice",
                "积分2倍 and 积分3倍 are both points multipliers: only one can be used per order.");
    }

    @Test
    void basketLineIdsAreUnique() {
        assertThatThrownBy(() -> basket(labour("L1", "A", "1"), part("L1", "B", "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
