package com.m4s.store.dashboard;

import com.m4s.platform.security.Caller;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The store dashboard: every {@link DashboardCard} bean of the service whose permission the caller has, computed for
 * one window of the current store. A card whose system does not answer (503) is shown as unavailable, not the whole
 * dashboard.
 */
@Service
public class Dashboard {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private final List<DashboardCard> cards;
    private final StoreTime storeTime;
    private final Clock clock;

    Dashboard(List<DashboardCard> cards, StoreTime storeTime, Clock clock) {
        this.cards = cards.stream().sorted(Comparator.comparingInt(DashboardCard::order)
                .thenComparing(DashboardCard::key)).toList();
        this.storeTime = storeTime;
        this.clock = clock;
    }

    /** The keys of every card the service has, in order (whoever may see them). */
    public List<String> keys() {
        return cards.stream().map(DashboardCard::key).toList();
    }

    public DashboardView view(Caller caller, DashboardPeriod period, DashboardTrend trend) {
        DashboardWindow window = DashboardWindow.of(TenantContext.require().storeCode(), storeTime.zone(),
                clock.instant(), period, trend);
        List<CardView> shown = cards.stream().filter(card -> card.permission().grantedTo(caller))
                .map(card -> compute(card, window)).toList();
        return new DashboardView(period, window.from(), window.to(), window.zone().getId(), trend,
                window.trendStarts(), shown);
    }

    private static CardView compute(DashboardCard card, DashboardWindow window) {
        try {
            return card.compute(window);
        } catch (ApiException e) {
            if (e.status() != HttpStatus.SERVICE_UNAVAILABLE) {
                throw e;
            }
            LOG.warn("dashboard card {} of store {} unavailable: {}", card.key(), window.store(), e.getMessage());
            return CardView.unavailable(card.key());
        }
    }
}
