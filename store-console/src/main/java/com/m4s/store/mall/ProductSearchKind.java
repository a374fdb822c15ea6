package com.m4s.store.mall;

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
 * Mall products as search documents (SAAS-6): every product, listed or not, is indexed (the status is a field), so a
 * delisting is a versioned update that a late event can never undo; the mall shows listed ones only. Every product
 * event carries the product as the mall shows it; a stock movement carries it too.
 */
@Component
class ProductSearchKind extends StoreIndexedKind {

    static final String NAME = "products";

    private final ProductRepository products;
    private final Products catalogue;
    private final TenantRegistry tenants;
    private final JsonMapper json;

    ProductSearchKind(ProductRepository products, Products catalogue, TenantRegistry tenants, TransactionTemplate tx,
            JsonMapper json) {
        super(NAME, tx);
        this.products = products;
        this.catalogue = catalogue;
        this.tenants = tenants;
        this.json = json;
    }

    @Override
    public Collection<String> topics() {
        return Set.of(MallEvents.TOPIC);
    }

    @Override
    public Optional<IndexChange> change(ReceivedEvent event) {
        MallEvents.Type type = MallEvents.Type.valueOf(event.type());
        return switch (type) {
            case ProductCreated, ProductChanged, ProductListed, ProductDelisted -> Optional.of(changeOf(
                    json.readValue(event.payload(), MallEvents.ProductChanged.class)));
            case ProductStockMoved -> Optional.of(changeOf(
                    json.readValue(event.payload(), MallEvents.ProductStockMoved.class).product()));
            default -> Optional.empty(); // categories and orders are not product documents
        };
    }

    @Override
    protected List<IndexChange> page(Tenant store, UUID after, int size) {
        String group = tenants.find(store.storeCode()).map(TenantRegistry.Entry::groupCode).orElse(null);
        return products.after(after, PageRequest.of(0, size)).stream().map(product -> changeOf(
                MallEvents.ProductChanged.of(product, catalogue.path(product.categoryId()), store.storeCode(), group)))
                .toList();
    }

    static IndexChange changeOf(MallEvents.ProductChanged product) {
        return new IndexChange(product.productId().toString(), product.store(), product.group(), product.version(),
                document(product));
    }

    static Map<String, Object> document(MallEvents.ProductChanged p) {
        Map<String, @Nullable Object> d = new LinkedHashMap<>();
        d.put("id", p.productId().toString());
        d.put("store", p.store());
        d.put("group", p.group());
        d.put("status", p.status().name());
        d.put("categoryPath", p.categoryPath().stream().map(UUID::toString).toList());
        d.put("category", p.categoryPath().isEmpty() ? null : p.categoryPath().getLast().toString());
        d.put("name", p.name());
        d.put("subtitle", p.subtitle());
        d.put("description", p.description());
        d.put("fitment", p.fitment());
        d.put("universal", p.fitment().isEmpty());
        d.put("hot", p.hot());
        d.put("recommended", p.recommended());
        d.put("rank", p.rank());
        d.put("priceFen", p.priceFen());
        d.put("originalPriceFen", p.originalPriceFen());
        d.put("stock", p.stock());
        d.put("inStock", p.stock() > 0);
        d.put("sold", p.sold());
        d.put("photos", p.photos());
        d.put("listedAt", p.listedAt() == null ? null : p.listedAt().toString());
        d.put("createdAt", p.createdAt().toString());
        d.put("version", p.version());
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) (Map<String, ?>) d;
        return document;
    }
}
