package com.m4s.store.coupon;

import static com.m4s.store.coupon.CouponTestData.TODAY;
import static com.m4s.store.coupon.CouponTestData.cash;
import static com.m4s.store.coupon.CouponTestData.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.web.Languages;
import com.m4s.platform.web.ProblemMessages;
import com.m4s.store.coupon.CouponTestData.Held;
import com.m4s.store.coupon.Explanation.Code;
import com.m4s.store.coupon.NotUsed.Reason;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The explanation and the reasons in both languages, exactly as the owner reads them. */
class CouponExplanationsTest {

    private static final Locale ZH = Languages.CHINESE;
    private static final Locale EN = Languages.ENGLISH;

    private final CouponExplanations explanations = new CouponExplanations(
            ProblemMessages.messageSource(CouponExplanationsTest.class.getClassLoader()));

    private void explains(Explanation e, String chinese, String english) {
        assertThat(explanations.explain(e, ZH)).isEqualTo(chinese);
        assertThat(explanations.explain(e, EN)).isEqualTo(english);
    }

    @Test
    void betterThanNamesBothChoicesAndTheDifference() {
        explains(new Explanation(Code.BETTER_THAN, List.of("满300减50", "工时8折"), List.of("100元代金券"), 12000, 2000),
                "用 满300减50 + 工时8折 比 单用 100元代金券 多省 20.00 元",
                "Using 满300减50 + 工时8折 saves 20.00 yuan more than using 100元代金券 alone");
        explains(new Explanation(Code.BETTER_THAN, List.of("40元券", "30元券"), List.of("50元券", "10元券"), 7000, 1000),
                "用 40元券 + 30元券 比 同时用 50元券 + 10元券 多省 10.00 元",
                "Using 40元券 + 30元券 saves 10.00 yuan more than using 50元券 + 10元券 together");
    }

    @Test
    void tiesSayWhichRuleDecided() {
        explains(new Explanation(Code.TIE_MULTIPLIER, List.of("50元叠加券", "积分2倍"), List.of("50元代金券"), 5000, 0),
                "用 50元叠加券 + 积分2倍 与 单用 50元代金券 同样省 50.00 元，且积分倍数更高",
                "Using 50元叠加券 + 积分2倍 saves as much as using 50元代金券 alone (50.00 yuan) and earns more points");
        explains(new Explanation(Code.TIE_FEWER, List.of("满300减50"), List.of("30元代金券", "20元代金券"), 5000, 0),
                "用 满300减50 与 同时用 30元代金券 + 20元代金券 同样省 50.00 元，但用券更少，其余留待下次",
                "Using 满300减50 saves as much as using 30元代金券 + 20元代金券 together (50.00 yuan) with fewer "
                        + "coupons: the others are kept for later");
        explains(new Explanation(Code.TIE_SOONER_EXPIRY, List.of("40元代金券乙"), List.of("40元代金券甲"), 4000, 0),
                "用 40元代金券乙 与 单用 40元代金券甲 同样省 40.00 元，先用快到期的券",
                "Using 40元代金券乙 saves as much as using 40元代金券甲 alone (40.00 yuan) and spends the coupons that "
                        + "expire sooner");
        explains(new Explanation(Code.TIE_SAME, List.of("A券"), List.of("B券"), 1005, 0),
                "用 A券 与 单用 B券 同样省 10.05 元，任选其一",
                "Using A券 saves as much as using B券 alone (10.05 yuan): either will do");
    }

    @Test
    void onlyAndNone() {
        explains(new Explanation(Code.ONLY, List.of("工时8折", "满300减50"), List.of(), 9000, 0),
                "用 工时8折 + 满300减50 省 90.00 元", "Using 工时8折 + 满300减50 saves 90.00 yuan");
        explains(new Explanation(Code.ONLY, List.of("积分3倍"), List.of(), 0, 0),
                "用 积分3倍：不减金额，本单积分按倍数累计",
                "Using 积分3倍: nothing off, the order earns multiplied points");
        explains(new Explanation(Code.NO_COUPON, List.of(), List.of(), 0, 0), "本单没有可用的优惠券",
                "No coupon applies to this order");
    }

    @Test
    void eachReasonANotUsedCouponIsGiven() {
        Held held = Held.of(List.of(threshold("T300", "满300减50", "300", "50"),
                cash("C50", "50元代金券", "50").from(TODAY.minusDays(30)).until(TODAY.minusDays(1)),
                cash("C80", "80元代金券", "80").from(TODAY.plusDays(1))));
        CouponOffer t300 = held.offer("T300");

        notUsed(new NotUsed(t300, Reason.THRESHOLD_NOT_MET, 3500, null), "满300减50：还差 35.00 元可用",
                "满300减50: 35.00 yuan more needed to use it");
        notUsed(new NotUsed(held.offer("C50"), Reason.EXPIRED, 0, null), "50元代金券：已过期（有效期至 2026-12-03）",
                "50元代金券: expired (last day 2026-12-03)");
        notUsed(new NotUsed(held.offer("C80"), Reason.NOT_YET_VALID, 0, null), "80元代金券：2026-12-05 起可用",
                "80元代金券: usable from 2026-12-05");
        notUsed(new NotUsed(t300, Reason.NOT_APPLICABLE, 0, null), "满300减50：本单没有适用的项目",
                "满300减50: nothing in this order it applies to");
        notUsed(new NotUsed(t300, Reason.NOT_COMBINABLE, 0, "工时8折 + 100元代金券"),
                "满300减50：不能与 工时8折 + 100元代金券 同时使用",
                "满300减50: cannot be used together with 工时8折 + 100元代金券");
        notUsed(new NotUsed(t300, Reason.SAVES_LESS, 0, null), "满300减50：加用它也不会多省",
                "满300减50: adding it would not save more");
    }

    private void notUsed(NotUsed n, String chinese, String english) {
        assertThat(explanations.notUsed(n, ZH)).isEqualTo(chinese);
        assertThat(explanations.notUsed(n, EN)).isEqualTo(english);
    }
}
