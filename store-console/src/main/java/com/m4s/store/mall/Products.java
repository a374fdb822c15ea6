package com.m4s.store.mall;

import com.m4s.platform.entity.KeyedEntity;
import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.idempotency.Sha256;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.photo.Photos;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mall's catalogue of the current store (MALL-1, MALL-3, decision 0050): categories, products, their SKUs and
 * each SKU's stock. Stock moves only by an immutable entry, under the product's row lock (one lock for all its SKUs,
 * so the product's version orders its search documents), never below zero. Each change is one transaction that
 * publishes the product as the mall shows it.
 */
@Service
public class Products {

    private static final UUID NONE = new UUID(0, 0);

    private final ProductRepository products;
    private final ProductSkuRepository skus;
    private final ProductCategoryRepository categories;
    private final ProductStockEntryRepository entries;
    private final ProductList list;
    private final Photos photos;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final Clock clock;

    Products(ProductRepository products, ProductSkuRepository skus, ProductCategoryRepository categories,
            ProductStockEntryRepository entries, ProductList list, Photos photos, EventOutbox events,
            TenantRegistry tenants, Clock clock) {
        this.products = products;
        this.skus = skus;
        this.categories = categories;
        this.entries = entries;
        this.list = list;
        this.photos = photos;
        this.events = events;
        this.tenants = tenants;
        this.clock = clock;
    }

    // --- categories

    /** The whole tree, parents before children, siblings in their order. */
    @Transactional(readOnly = true)
    public List<ProductViews.CategoryView> categories() {
        return list.categories();
    }

    /** A new category; 409 {@code product-category-name-taken} beside a sibling of that name. */
    @Transactional
    public ProductViews.CategoryView createCategory(@Nullable UUID parent, String name, int sortOrder) {
        requireParent(null, parent);
        String clean = name.strip();
        if (list.categoryNameTaken(parent, clean, NONE)) {
            throw new ApiException.Conflict("product-category-name-taken", clean).field("name");
        }
        ProductCategory category = categories.saveAndFlush(new ProductCategory(parent, clean, sortOrder,
                clock.instant()));
        publish(category);
        return categoryView(category.id());
    }

    /** Renames or moves a category (never under itself or one of its own); send the version read. */
    @Transactional
    public ProductViews.CategoryView changeCategory(UUID id, @Nullable UUID parent, String name, int sortOrder,
            @Nullable Long expectedVersion) {
        ProductCategory category = categories.findById(id)
                .orElseThrow(() -> new ApiException.NotFound("product-category", id));
        Versions.expect(ProductCategory.class, id, category.version(), expectedVersion);
        requireParent(id, parent);
        String clean = name.strip();
        if (list.categoryNameTaken(parent, clean, id)) {
            throw new ApiException.Conflict("product-category-name-taken", clean).field("name");
        }
        category.change(parent, clean, sortOrder, clock.instant());
        categories.saveAndFlush(category);
        publish(category);
        return categoryView(id);
    }

    /** Deletes an empty category; 409 {@code product-category-not-empty} while it holds products or categories. */
    @Transactional
    public void deleteCategory(UUID id) {
        ProductCategory category = categories.findById(id)
                .orElseThrow(() -> new ApiException.NotFound("product-category", id));
        if (categories.hasChildren(id) || products.inCategory(id)) {
            throw new ApiException.Conflict("product-category-not-empty", category.name());
        }
        categories.delete(category);
        categories.flush();
    }

    // --- products

    /**
     * A new product with its SKUs (at least one) and their first stock, listed or not. 409
     * {@code product-name-taken}, {@code product-sku-code-taken}; 422 {@code product-category-unknown},
     * {@code product-sku-required}, {@code product-sku-spec-repeated}.
     */
    @Transactional
    public ProductViews.ProductView create(Product.Details details, List<ProductRequests.SkuForm> skuForms,
            boolean listed, String actor) {
        Product.Details clean = clean(details, List.of());
        if (skuForms.isEmpty()) {
            throw new ApiException.Unprocessable("product-sku-required").field("skus");
        }
        if (products.nameTaken(clean.name(), NONE)) {
            throw new ApiException.Conflict("product-name-taken", clean.name()).field("name");
        }
        requireDistinctSpecs(skuForms.stream().map(f -> f.spec().strip()).toList());
        Instant now = clock.instant();
        Product product = products.saveAndFlush(new Product(clean, listed, actor, now));
        int order = 0;
        List<ProductSku> made = new ArrayList<>();
        for (ProductRequests.SkuForm form : skuForms) {
            made.add(newSku(product, form.details(), order++));
        }
        summarise(product);
        publish(MallEvents.Type.ProductCreated, product);
        for (int i = 0; i < made.size(); i++) {
            long stock = skuForms.get(i).stock();
            if (stock > 0) {
                move(product, made.get(i), ProductStockKind.RECEIVE, stock, "初始入库 / first stock",
                        "product-create:" + made.get(i).id(), actor);
            }
        }
        return view(product.id());
    }

    /** Changes what a product is (send the version read: 409 on a stale one); its SKUs change on their own. */
    @Transactional
    public ProductViews.ProductView change(UUID id, Product.Details details, @Nullable Long expectedVersion) {
        Product product = products.lock(id).orElseThrow(() -> new ApiException.NotFound("product", id));
        Versions.expect(Product.class, id, product.version(), expectedVersion);
        Product.Details clean = clean(details, product.photos());
        if (products.nameTaken(clean.name(), id)) {
            throw new ApiException.Conflict("product-name-taken", clean.name()).field("name");
        }
        product.change(clean, clock.instant());
        products.saveAndFlush(product);
        publish(MallEvents.Type.ProductChanged, product);
        return view(id);
    }

    /** Lists or delists a product; one already so answers as it is. */
    @Transactional
    public ProductViews.ProductView list(UUID id, boolean listed) {
        Product product = products.lock(id).orElseThrow(() -> new ApiException.NotFound("product", id));
        if (product.list(listed, clock.instant())) {
            products.saveAndFlush(product);
            publish(listed ? MallEvents.Type.ProductListed : MallEvents.Type.ProductDelisted, product);
        }
        return view(id);
    }

    /** A new SKU of a product, with its first stock. */
    @Transactional
    public ProductViews.ProductView addSku(UUID productId, ProductRequests.SkuForm form, String actor) {
        Product product = products.lock(productId).orElseThrow(() -> new ApiException.NotFound("product",
                productId));
        List<ProductSku> existing = skus.ofProduct(productId);
        List<String> specs = new ArrayList<>(existing.stream().map(ProductSku::spec).toList());
        specs.add(form.spec().strip());
        requireDistinctSpecs(specs);
        ProductSku sku = newSku(product, form.details(), existing.size());
        if (form.stock() > 0) {
            move(product, sku, ProductStockKind.RECEIVE, form.stock(), "初始入库 / first stock",
                    "product-sku-create:" + sku.id(), actor);
        } else {
            summarise(product);
            publish(MallEvents.Type.ProductChanged, product);
        }
        return view(productId);
    }

    /** Changes a SKU's spec, code, prices or low-stock mark (send the SKU's version read); its stock moves apart. */
    @Transactional
    public ProductViews.ProductView changeSku(UUID productId, UUID skuId, ProductSku.Details details,
            @Nullable Long expectedVersion) {
        Product product = products.lock(productId).orElseThrow(() -> new ApiException.NotFound("product",
                productId));
        ProductSku sku = sku(productId, skuId);
        Versions.expect(ProductSku.class, skuId, sku.version(), expectedVersion);
        ProductSku.Details clean = clean(details, skuId);
        List<String> specs = new ArrayList<>(skus.ofProduct(productId).stream().filter(s -> !s.id().equals(skuId))
                .map(ProductSku::spec).toList());
        specs.add(clean.spec());
        requireDistinctSpecs(specs);
        sku.change(clean, clock.instant());
        skus.saveAndFlush(sku);
        summarise(product);
        publish(MallEvents.Type.ProductChanged, product);
        return view(productId);
    }

    // --- stock

    /** Stock received; a repeat of the key answers as it is (409 {@code product-key-reused} for another request). */
    @Transactional
    public ProductViews.ProductView receive(UUID productId, UUID skuId, long quantity, @Nullable String reason,
            String key, String actor) {
        if (quantity <= 0) {
            throw new ApiException.Unprocessable("product-quantity-invalid").field("quantity");
        }
        Product product = products.lock(productId).orElseThrow(() -> new ApiException.NotFound("product",
                productId));
        move(product, sku(productId, skuId), ProductStockKind.RECEIVE, quantity, blankToNull(reason), key, actor);
        return view(productId);
    }

    /**
     * A correction after a count, up or down, with the reason; 409 {@code product-stock-short} when it would take
     * more than is in stock.
     */
    @Transactional
    public ProductViews.ProductView adjust(UUID productId, UUID skuId, long delta, String reason, String key,
            String actor) {
        if (delta == 0) {
            throw new ApiException.Unprocessable("product-quantity-invalid").field("delta");
        }
        Product product = products.lock(productId).orElseThrow(() -> new ApiException.NotFound("product",
                productId));
        move(product, sku(productId, skuId), ProductStockKind.ADJUST, delta, reason.strip(), key, actor);
        return view(productId);
    }

    // --- orders (decision 0051)

    /** A SKU as an order takes it: its product locked, what one costs now. */
    record Taken(UUID productId, String productName, UUID categoryId, UUID skuId, String spec, long unitPriceFen,
            int quantity) {
    }

    /**
     * Reserves the SKUs of an order being placed, in this transaction: products locked in id order (so two orders of
     * the same products never wait on each other in a circle), each listed (409 {@code mall-product-not-listed}) and
     * with the quantity in stock (409 {@code mall-out-of-stock}); one RESERVE movement per SKU, keyed by the order.
     * Answers the lines with the prices they are sold at.
     */
    List<Taken> reserve(UUID order, Map<UUID, Integer> quantities, String actor) {
        Map<UUID, Product> locked = lockProductsOf(quantities.keySet());
        List<Taken> taken = new ArrayList<>();
        for (Map.Entry<UUID, Integer> wanted : quantities.entrySet()) {
            // read first under the product's lock: the stock another order took meanwhile counts
            ProductSku sku = skus.findById(wanted.getKey()).orElseThrow();
            Product product = locked.get(sku.productId());
            if (product.status() != ProductStatus.LISTED) {
                throw new ApiException.Conflict("mall-product-not-listed", product.name());
            }
            if (sku.stock() < wanted.getValue()) {
                throw new ApiException.Conflict("mall-out-of-stock", product.name() + " " + sku.spec(), sku.stock());
            }
            move(product, sku, ProductStockKind.RESERVE, -wanted.getValue(), null, order,
                    "mall-order:" + order + ":" + sku.id() + ":reserve", actor);
            taken.add(new Taken(product.id(), product.name(), product.categoryId(), sku.id(), sku.spec(),
                    sku.effectivePrice(), wanted.getValue()));
        }
        return taken;
    }

    /**
     * Gives an order's SKUs back to stock, once per order and kind: RELEASE when it is cancelled or its payment
     * failed, RETURN when it is refunded whole.
     */
    void giveBack(UUID order, Map<UUID, Integer> quantities, ProductStockKind kind, String reason, String actor) {
        Map<UUID, Product> locked = lockProductsOf(quantities.keySet());
        for (Map.Entry<UUID, Integer> back : quantities.entrySet()) {
            ProductSku sku = skus.findById(back.getKey()).orElseThrow();
            move(locked.get(sku.productId()), sku, kind, back.getValue(), reason, order,
                    "mall-order:" + order + ":" + sku.id() + ":" + kind.name().toLowerCase(java.util.Locale.ROOT),
                    actor);
        }
    }

    /**
     * Locks the products of these SKUs in id order, before any SKU is read in this transaction (a SKU read before
     * its product's lock would carry a stock another transaction may have changed); 404 for an unknown SKU.
     */
    private Map<UUID, Product> lockProductsOf(java.util.Collection<UUID> skuIds) {
        Map<UUID, UUID> productOf = new HashMap<>();
        for (Object[] row : skus.productsOf(skuIds)) {
            productOf.put((UUID) row[0], (UUID) row[1]);
        }
        for (UUID sku : skuIds) {
            if (!productOf.containsKey(sku)) {
                throw new ApiException.NotFound("product-sku", sku);
            }
        }
        Map<UUID, Product> locked = new HashMap<>();
        for (UUID id : productOf.values().stream().distinct().sorted().toList()) {
            locked.put(id, products.lock(id).orElseThrow(() -> new ApiException.NotFound("product", id)));
        }
        return locked;
    }

    // --- reads

    @Transactional(readOnly = true)
    public ProductViews.ProductView view(UUID id) {
        Product product = products.findById(id).orElseThrow(() -> new ApiException.NotFound("product", id));
        String store = TenantContext.require().storeCode();
        String category = categories.findById(product.categoryId()).map(ProductCategory::name).orElse("");
        return new ProductViews.ProductView(product.id(), product.categoryId(), category, product.name(),
                product.subtitle(), product.description(), product.status(), product.hot(), product.recommended(),
                product.rank(), product.fitment(), photos.views(store, product.photos()), product.listedAt(),
                product.createdBy(), product.createdAt(), product.updatedAt(), product.version(),
                skus.ofProduct(id).stream().map(Products::skuView).toList());
    }

    @Transactional(readOnly = true)
    public PageResult<ProductViews.ProductRow> products(ProductList.ProductFilter filter, SqlPage page) {
        return list.products(filter, descendants(filter.category()), page);
    }

    /** Every product the list shows for this filter, in its order, one at a time (an export); how many. */
    @Transactional(readOnly = true)
    public long exportProducts(ProductList.ProductFilter filter, SqlPage order,
            java.util.function.Consumer<ProductViews.ProductRow> sink) {
        return list.eachProduct(filter, descendants(filter.category()), order, sink);
    }

    @Transactional(readOnly = true)
    public PageResult<ProductViews.ProductStockEntryView> entries(UUID productId, SqlPage page) {
        if (!products.existsById(productId)) {
            throw new ApiException.NotFound("product", productId);
        }
        return list.entries(productId, page);
    }

    // --- the owners' mall

    /** The mall's home for an owner with cars of these models: hot and recommended items, the category tree. */
    @Transactional(readOnly = true)
    public ProductViews.MallHome home(List<String> myModels) {
        return new ProductViews.MallHome(list.featured(true, myModels, 12), list.featured(false, myModels, 12),
                list.categories(), myModels);
    }

    /** A listed product's page; 404 for one not listed (or unknown). */
    @Transactional(readOnly = true)
    public ProductViews.MallProduct mallProduct(UUID id, List<String> myModels) {
        Product product = products.findById(id).filter(p -> p.status() == ProductStatus.LISTED)
                .orElseThrow(() -> new ApiException.NotFound("product", id));
        Map<UUID, String> names = new HashMap<>();
        categories.ordered().forEach(c -> names.put(c.id(), c.name()));
        String store = TenantContext.require().storeCode();
        return new ProductViews.MallProduct(id, product.name(), product.subtitle(), product.description(),
                path(product.categoryId()).stream().map(names::get).toList(), product.fitment(),
                ProductList.fits(product.fitment(), myModels), photos.views(store, product.photos()),
                skus.ofProduct(id).stream().map(k -> new ProductViews.MallSku(k.id(), k.spec(), k.priceFen(),
                        k.salePriceFen(), k.stock())).toList());
    }

    /** The category and every category under it, for a filter; empty for none (an unknown one filters by itself). */
    List<UUID> descendants(@Nullable UUID category) {
        if (category == null) {
            return List.of();
        }
        List<UUID> found = categories.within(category);
        return found.isEmpty() ? List.of(category) : found;
    }

    /** The category's ids from the top of the tree down to it (itself alone when unknown). */
    List<UUID> path(UUID category) {
        List<UUID> path = categories.pathTo(category);
        return path.isEmpty() ? List.of(category) : path;
    }

    // --- the stock ledger

    /**
     * Posts one movement of a SKU of the locked product: once per key, never below zero, published with the stock
     * after it and the product after it.
     */
    private void move(Product product, ProductSku sku, ProductStockKind kind, long delta, @Nullable String reason,
            String key, String actor) {
        move(product, sku, kind, delta, reason, null, key, actor);
    }

    private void move(Product product, ProductSku sku, ProductStockKind kind, long delta, @Nullable String reason,
            @Nullable UUID order, String key, String actor) {
        String hash = Sha256.hex(sku.id() + "|" + kind + "|" + delta + "|" + reason + "|" + order);
        if (KeyedEntity.sameRequest(entries.findByIdempotencyKey(key), hash, "product-key-reused", key).isPresent()) {
            return;
        }
        if (sku.stock() + delta < 0) {
            throw new ApiException.Conflict("product-stock-short", product.name() + " " + sku.spec(), -delta,
                    sku.stock());
        }
        Instant now = clock.instant();
        long after = sku.move(delta, now);
        skus.saveAndFlush(sku);
        product.countSale(kind, delta);
        summarise(product);
        ProductStockEntry entry = entries.saveAndFlush(new ProductStockEntry(sku, kind, delta, after, reason, order,
                key, hash, actor, now));
        String store = TenantContext.require().storeCode();
        events.publish(MallEvents.TOPIC, MallEvents.Type.ProductStockMoved.name(), new MallEvents.ProductStockMoved(
                entry.id(), sku.id(), product.id(), store, group(store), kind, delta, after, after <= sku.lowStockAt(),
                document(product)));
    }

    private ProductSku newSku(Product product, ProductSku.Details details, int order) {
        ProductSku.Details clean = clean(details, NONE);
        return skus.saveAndFlush(new ProductSku(product.id(), clean, order, clock.instant()));
    }

    private ProductSku sku(UUID productId, UUID skuId) {
        return skus.findById(skuId).filter(s -> s.productId().equals(productId))
                .orElseThrow(() -> new ApiException.NotFound("product-sku", skuId));
    }

    private ProductViews.CategoryView categoryView(UUID id) {
        return list.categories().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private void requireParent(@Nullable UUID self, @Nullable UUID parent) {
        if (parent == null) {
            return;
        }
        if (!categories.existsById(parent)) {
            throw new ApiException.Unprocessable("product-category-unknown").field("parentId");
        }
        if (self != null && path(parent).contains(self)) {
            throw new ApiException.Unprocessable("product-category-cycle").field("parentId");
        }
    }

    private static void requireDistinctSpecs(List<String> specs) {
        if (specs.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).distinct().count() < specs.size()) {
            throw new ApiException.Unprocessable("product-sku-spec-repeated").field("skus");
        }
    }

    private Product.Details clean(Product.Details d, List<String> kept) {
        if (!categories.existsById(d.categoryId())) {
            throw new ApiException.Unprocessable("product-category-unknown").field("categoryId");
        }
        List<String> fitment = List.copyOf(new LinkedHashSet<>(d.fitment().stream().map(String::strip)
                .filter(m -> !m.isEmpty()).toList()));
        List<String> photoRefs = photos.requireAttachable(d.photos(), kept, null, "photos");
        return new Product.Details(d.categoryId(), d.name().strip(), blankToNull(d.subtitle()),
                blankToNull(d.description()), d.hot(), d.recommended(), d.rank(), fitment, photoRefs);
    }

    private ProductSku.Details clean(ProductSku.Details d, UUID self) {
        String code = blankToNull(d.code());
        if (code != null && skus.codeTaken(code, self)) {
            throw new ApiException.Conflict("product-sku-code-taken", code).field("code");
        }
        if (d.salePriceFen() != null && d.salePriceFen() >= d.priceFen()) {
            throw new ApiException.Unprocessable("product-sale-price-not-lower").field("salePriceFen");
        }
        return new ProductSku.Details(d.spec().strip(), code, d.priceFen(), d.salePriceFen(), d.lowStockAt());
    }

    // --- events

    /** The product keeps what its SKUs add up to (decision 0050): written with every change of a SKU. */
    private void summarise(Product product) {
        List<ProductSku> all = skus.ofProduct(product.id());
        ProductSku cheapest = all.stream().min(Comparator.comparingLong(ProductSku::effectivePrice)).orElse(null);
        product.summarise(all.stream().mapToLong(ProductSku::stock).sum(),
                cheapest == null ? 0 : cheapest.effectivePrice(),
                cheapest == null || cheapest.salePriceFen() == null ? null : cheapest.priceFen(), clock.instant());
        products.saveAndFlush(product);
    }

    /** The product as the mall shows it, with the version it has after this transaction's changes. */
    private MallEvents.ProductChanged document(Product product) {
        String store = TenantContext.require().storeCode();
        return MallEvents.ProductChanged.of(product, path(product.categoryId()), store, group(store));
    }

    private void publish(MallEvents.Type type, Product product) {
        events.publish(MallEvents.TOPIC, type.name(), document(product));
    }

    private void publish(ProductCategory category) {
        String store = TenantContext.require().storeCode();
        events.publish(MallEvents.TOPIC, MallEvents.Type.CategoryChanged.name(), new MallEvents.CategoryChanged(
                category.id(), category.parentId(), store, group(store), category.name(), category.version()));
    }

    static ProductViews.SkuView skuView(ProductSku s) {
        return new ProductViews.SkuView(s.id(), s.spec(), s.code(), s.priceFen(), s.salePriceFen(), s.lowStockAt(),
                s.stock(), s.stock() <= s.lowStockAt(), s.version());
    }

    private @Nullable String group(String store) {
        return tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
