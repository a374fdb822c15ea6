package com.m4s.store.mall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The mall's domain events, all on topic {@value #TOPIC}. A product's events carry the product as the mall shows it
 * (its search document), with the product's version: the search index takes the newest and never goes back.
 */
public final class MallEvents {

    public static final String TOPIC = "m4s.mall";

    /** Event types, past tense. */
    public enum Type {
        ProductCreated, ProductChanged, ProductListed, ProductDelisted, ProductStockMoved, CategoryChanged,
        MallOrderPlaced, MallOrderPaid, MallOrderReady, MallOrderScheduled, MallOrderCompleted, MallOrderCancelled,
        MallOrderRefunded, PartOrderRecorded, PartOrderArrived, PartOrderHandedOver, PartOrderCancelled
    }

    /**
     * A product after a change: what it is, where it sits in the category tree (ids from the top), what the
     * cheapest SKU costs and its price before any discount, the stock of all its SKUs, the units sold.
     */
    public record ProductChanged(UUID productId, String store, @Nullable String group, ProductStatus status,
            List<UUID> categoryPath, String name, @Nullable String subtitle, @Nullable String description,
            List<String> fitment, boolean hot, boolean recommended, int rank, long priceFen,
            @Nullable Long originalPriceFen, long stock, long sold, List<String> photos, @Nullable Instant listedAt,
            Instant createdAt, long version) {

        static ProductChanged of(Product p, List<UUID> categoryPath, String store, @Nullable String group) {
            return new ProductChanged(p.id(), store, group, p.status(), categoryPath, p.name(), p.subtitle(),
                    p.description(), p.fitment(), p.hot(), p.recommended(), p.rank(), p.priceFen(),
                    p.originalPriceFen(), p.stock(), p.sold(), p.photos(), p.listedAt(), p.createdAt(), p.version());
        }
    }

    /**
     * A movement of a SKU's stock, the stock after it ({@code low}: at or below the SKU's low-stock mark), and the
     * product after it.
     */
    public record ProductStockMoved(UUID entryId, UUID skuId, UUID productId, String store, @Nullable String group,
            ProductStockKind kind, long delta, long stockAfter, boolean low, ProductChanged product) {
    }

    /** A category made, renamed or moved. */
    public record CategoryChanged(UUID categoryId, @Nullable UUID parentId, String store, @Nullable String group,
            String name, long version) {
    }

    /** An order after a step: ids, counts and fen, no names or phones. */
    public record MallOrderChanged(UUID orderId, String number, String store, @Nullable String group, UUID memberId,
            MallOrderStatus status, Fulfilment fulfilment, long grossFen, long refundedFen, int items,
            @Nullable UUID paymentId, long version) {
    }

    /**
     * A part ordered for a customer after a step: the part and how many, whether the owner wants a text, the advisor
     * (username) bound to the member at the step (for an arrival: the one to tell), who recorded it. No names or phones.
     */
    public record PartOrderChanged(UUID partOrderId, String number, String store, @Nullable String group,
            UUID memberId, PartOrderStatus status, String partName, int quantity, boolean notifyOwner,
            @Nullable String advisor, String recordedBy, long version) {
    }

    private MallEvents() {
    }
}
