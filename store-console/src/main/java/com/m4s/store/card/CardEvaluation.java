package com.m4s.store.card;

import com.m4s.platform.jobs.FullSweeps;
import com.m4s.platform.jobs.MarkedStoreJob;
import com.m4s.platform.tenancy.Tenant;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The per-store job {@value #JOB} (decision 0016) on the store's clock: cards past their validity expire, and every
 * active card whose member now qualifies for another level is evaluated (up at once; down under the programme's
 * rules, {@link MemberCards#evaluate}). Each card in its own transaction; every store is visited at start-up and
 * every 6 h. Running twice changes nothing more.
 */
@Component
class CardEvaluation extends MarkedStoreJob {

    static final String JOB = "member-cards";
    private static final Duration FULL_SWEEP = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(CardEvaluation.class);

    /** Looked up when the job runs: the cards' messages go through the notification outbox, which the runner feeds. */
    private final ObjectProvider<MemberCards> memberCards;

    CardEvaluation(ObjectProvider<MemberCards> memberCards) {
        super(JOB, Duration.ofMinutes(30), new FullSweeps(FULL_SWEEP));
        this.memberCards = memberCards;
    }

    @Override
    public void run(Tenant store) {
        MemberCards cards = memberCards.getObject();
        int expired = 0;
        for (UUID card : cards.dueToExpire()) {
            if (cards.expireIfDue(card, "system")) {
                expired++;
            }
        }
        int moved = 0;
        for (MemberCards.Standing standing : cards.standings()) {
            if (standing.qualifiedRank() != standing.rank() && cards.evaluate(standing.memberId(), true, "system")) {
                moved++;
            }
        }
        if (expired + moved > 0) {
            log.info("member cards of store {}: {} expired, {} changed level", store.storeCode(), expired, moved);
        }
    }
}
