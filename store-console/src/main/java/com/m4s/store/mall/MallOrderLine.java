package com.m4s.store.mall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** What an order bought: a SKU, how many, at which price (as it was when the order was placed). Never changed. */
@Entity
@Immutable
@Table(name = "mall_order_line")
class MallOrderLine {

    @Id
    private UUID id;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "product_id")
    private UUID productId;
    @Column(name = "sku_id")
    private UUID skuId;
    @Column(name = "product_name")
    private String productName;
    private String spec;
    @Column(name = "category_id")
    private UUID categoryId;
    private int quantity;
    @Column(name = "unit_price_fen")
    private long unitPriceFen;
    @Column(name = "amount_fen")
    private long amountFen;
    @Column(name = "line_no")
    private int lineNo;

    protected MallOrderLine() {
        // for JPA, which sets every field right after
        this.id = new UUID(0, 0);
        this.orderId = id;
        this.productId = id;
        this.skuId = id;
        this.productName = "";
        this.spec = "";
        this.categoryId = id;
    }

    MallOrderLine(UUID orderId, Products.Taken taken, int lineNo) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.productId = taken.productId();
        this.skuId = taken.skuId();
        this.productName = taken.productName();
        this.spec = taken.spec();
        this.categoryId = taken.categoryId();
        this.quantity = taken.quantity();
        this.unitPriceFen = taken.unitPriceFen();
        this.amountFen = taken.unitPriceFen() * taken.quantity();
        this.lineNo = lineNo;
    }

    UUID id() { return id; }
    UUID skuId() { return skuId; }
    String productName() { return productName; }
    String spec() { return spec; }
    UUID categoryId() { return categoryId; }
    int quantity() { return quantity; }
    long amountFen() { return amountFen; }
}
