package com.m4s.store.mall;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A product of the store's mall: what it is, its category, the vehicle models it fits (none: every car), its photos,
 * whether it is hot or recommended on the home page, and whether it is listed. Its SKUs carry prices and stock; the
 * product keeps what they add up to (stock, cheapest price), so a change of a SKU that the mall shows is a new version
 * of the product, and the product's version orders its search documents.
 */
@Entity
@Table(name = "product")
class Product extends BaseEntity {

    @Column(name = "category_id")
    private UUID categoryId;
    private String name;
    private @Nullable String subtitle;
    private @Nullable String description;
    @Enumerated(EnumType.STRING)
    private ProductStatus status;
    private boolean hot;
    private boolean recommended;
    private int rank;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "fitment", columnDefinition = "text[]")
    private List<String> fitment = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photos", columnDefinition = "text[]")
    private List<String> photos = new ArrayList<>();
    private long stock;
    @Column(name = "price_fen")
    private long priceFen;
    @Column(name = "original_price_fen")
    private @Nullable Long originalPriceFen;
    /** Units sold: what orders reserved less what they released or returned (decision 0051). */
    private long sold;
    @Column(name = "listed_at")
    private @Nullable Instant listedAt;
    @Column(name = "created_by")
    private String createdBy;

    protected Product() {
        // for JPA, which sets every field right after
        this.categoryId = new UUID(0, 0);
        this.name = "";
        this.status = ProductStatus.DELISTED;
        this.createdBy = "";
    }

    /** What staff say a product is. */
    record Details(UUID categoryId, String name, @Nullable String subtitle, @Nullable String description,
            boolean hot, boolean recommended, int rank, List<String> fitment, List<String> photos) {
    }

    Product(Details details, boolean listed, String createdBy, Instant now) {
        super(now);
        this.name = details.name();
        this.categoryId = details.categoryId();
        this.status = listed ? ProductStatus.LISTED : ProductStatus.DELISTED;
        this.listedAt = listed ? now : null;
        this.createdBy = createdBy;
        apply(details);
    }

    void change(Details details, Instant now) {
        apply(details);
        touch(now);
    }

    private void apply(Details d) {
        this.categoryId = d.categoryId();
        this.name = d.name();
        this.subtitle = d.subtitle();
        this.description = d.description();
        this.hot = d.hot();
        this.recommended = d.recommended();
        this.rank = d.rank();
        this.fitment = new ArrayList<>(d.fitment());
        this.photos = new ArrayList<>(d.photos());
    }

    /** True when the status changed; a product listed again is new in the mall again. */
    boolean list(boolean listed, Instant now) {
        ProductStatus next = listed ? ProductStatus.LISTED : ProductStatus.DELISTED;
        if (status == next) {
            return false;
        }
        status = next;
        if (listed) {
            listedAt = now;
        }
        touch(now);
        return true;
    }

    /**
     * What its SKUs add up to after a change of one: the stock of all, what the cheapest costs and its price before
     * the discount. A change here is a new version of the product (and of its search document).
     */
    void summarise(long stock, long priceFen, @Nullable Long originalPriceFen, Instant now) {
        if (this.stock != stock || this.priceFen != priceFen
                || !java.util.Objects.equals(this.originalPriceFen, originalPriceFen)) {
            this.stock = stock;
            this.priceFen = priceFen;
            this.originalPriceFen = originalPriceFen;
            touch(now);
        }
    }

    /**
     * Counts a movement of an order's stock as a sale or its taking back: a RESERVE of n sells n, a RELEASE or RETURN
     * of n takes n back; other movements sell nothing. Under the product's lock, with the stock summary it changes.
     */
    void countSale(ProductStockKind kind, long delta) {
        long units = kind.unitsSold(delta);
        if (units != 0) {
            if (sold + units < 0) {
                throw new IllegalStateException("product " + id() + " would have sold " + (sold + units) + " units");
            }
            sold += units;
        }
    }

    UUID categoryId() { return categoryId; }
    String name() { return name; }
    @Nullable String subtitle() { return subtitle; }
    @Nullable String description() { return description; }
    ProductStatus status() { return status; }
    boolean hot() { return hot; }
    boolean recommended() { return recommended; }
    int rank() { return rank; }
    List<String> fitment() { return List.copyOf(fitment); }
    List<String> photos() { return List.copyOf(photos); }
    long stock() { return stock; }
    long priceFen() { return priceFen; }
    long sold() { return sold; }
    @Nullable Long originalPriceFen() { return originalPriceFen; }
    @Nullable Instant listedAt() { return listedAt; }
    String createdBy() { return createdBy; }
}
