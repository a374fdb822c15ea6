package com.m4s.store.coupon;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The optimiser's explanation and reasons in the owner's language ({@code coupon.explain.*},
 * {@code coupon.notUsed.*}): "用 工时8折 + 满300减50 比 单用 100元代金券 多省 20.00 元", "满300减50：还差 35.00 元可用".
 * Amounts in yuan with two decimals, coupon names joined by " + ".
 */
@Component
public class CouponExplanations {

    private final MessageSource messages;

    public CouponExplanations(MessageSource messages) {
        this.messages = messages;
    }

    /** Why the recommended combination is the best one. */
    public String explain(Explanation explanation, Locale locale) {
        String best = names(explanation.best());
        String saving = CouponOptimiser.yuan(explanation.savingFen());
        return switch (explanation.code()) {
            case NO_COUPON -> text("coupon.explain.none", locale);
            case ONLY -> explanation.savingFen() == 0 ? text("coupon.explain.only.points", locale, best)
                    : text("coupon.explain.only", locale, best, saving);
            case BETTER_THAN -> text("coupon.explain.better", locale, best, other(explanation, locale),
                    CouponOptimiser.yuan(explanation.moreFen()));
            case TIE_MULTIPLIER, TIE_FEWER, TIE_SOONER_EXPIRY, TIE_SAME -> text(
                    "coupon.explain." + explanation.code(), locale, best, other(explanation, locale), saving);
        };
    }

    /** Why a coupon is not used. */
    public String notUsed(NotUsed notUsed, Locale locale) {
        CouponOffer offer = notUsed.offer();
        String key = "coupon.notUsed." + notUsed.reason();
        return switch (notUsed.reason()) {
            case EXPIRED -> text(key, locale, offer.name(), offer.validUntil().toString());
            case NOT_YET_VALID -> text(key, locale, offer.name(), offer.validFrom().toString());
            case THRESHOLD_NOT_MET -> text(key, locale, offer.name(), CouponOptimiser.yuan(notUsed.missingFen()));
            case NOT_COMBINABLE -> text(key, locale, offer.name(), String.valueOf(notUsed.conflictsWith()));
            case NOT_APPLICABLE, SAVES_LESS -> text(key, locale, offer.name());
        };
    }

    private String other(Explanation explanation, Locale locale) {
        return text(explanation.other().size() == 1 ? "coupon.explain.alone" : "coupon.explain.together", locale,
                names(explanation.other()));
    }

    private static String names(List<String> names) {
        return String.join(" + ", names);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }
}
