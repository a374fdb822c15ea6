package com.m4s.store.gift;

import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.search.IndexChange;
import com.m4s.platform.search.StoreIndexedKind;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantRegistry;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gifts as search documents (GIFT-2, SAAS-6, decision 0054), as products are: every gift, listed or not, is indexed
 * (the status is a field), so a delisting is a versioned update that a late event can never undo; the catalogue shows
 * listed ones only. Every gift event carries the gift as the catalogue shows it; a stock movement carries it too, so
 * "in stock" follows every redemption, receipt and count.
 */
@Component
class GiftSearchKind extends StoreIndexedKind {

    static final String NAME = "gifts";

    private final GiftRepository gifts;
    private final TenantRegistry tenants;
    private final JsonMapper json;

    GiftSearchKind(GiftRepository gifts, TenantRegistry tenants, TransactionTemplate tx, JsonMapper json) {
        super(NAME, tx);
        this.gifts = gifts;
        this.tenants = tenants;
        this.json = json;
    }

    @Override
    public Collection<String> topics() {
        return Set.of(GiftEvents.TOPIC);
    }

    @Override
    public Optional<IndexChange> change(ReceivedEvent event) {
        GiftEvents.Type type = GiftEvents.Type.valueOf(event.type());
        GiftEvents.@Nullable GiftChanged gift = switch (type) {
            case GiftCreated, GiftChanged, GiftListed, GiftDelisted ->
                    json.readValue(event.payload(), GiftEvents.GiftChanged.class);
            case GiftStockMoved -> json.readValue(event.payload(), GiftEvents.GiftStockMoved.class).gift();
            default -> null; // redemptions and distributions are not gift documents
        };
        // events from before gifts were searched (decision 0054) do not carry the gift: a rebuild indexes those
        return gift == null || gift.createdAt() == null ? Optional.empty() : Optional.of(changeOf(gift));
    }

    @Override
    protected List<IndexChange> page(Tenant store, UUID after, int size) {
        String group = tenants.find(store.storeCode()).map(TenantRegistry.Entry::groupCode).orElse(null);
        return gifts.after(after, PageRequest.of(0, size)).stream()
                .map(gift -> changeOf(GiftEvents.GiftChanged.of(gift, store.storeCode(), group))).toList();
    }

    static IndexChange changeOf(GiftEvents.GiftChanged gift) {
        return new IndexChange(gift.giftId().toString(), gift.store(), gift.group(), gift.version(), document(gift));
    }

    static Map<String, Object> document(GiftEvents.GiftChanged g) {
        Map<String, @Nullable Object> d = new LinkedHashMap<>();
        d.put("id", g.giftId().toString());
        d.put("store", g.store());
        d.put("group", g.group());
        d.put("status", g.status().name());
        d.put("name", g.name());
        d.put("description", g.description());
        d.put("pointsPrice", g.pointsPrice());
        d.put("memberLimit", g.memberLimit());
        d.put("stock", g.stock());
        d.put("inStock", g.stock() > 0);
        d.put("redeemed", g.redeemed());
        d.put("photos", g.photos());
        d.put("createdAt", g.createdAt().toString());
        d.put("version", g.version());
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) (Map<String, ?>) d;
        return document;
    }
}
