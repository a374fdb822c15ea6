package com.m4s.store.repairorder;

import com.m4s.platform.entity.BaseEntity;
import com.m4s.platform.money.Money;
import com.m4s.store.points.AccountType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A line of a repair order: labour or a part, its amount, and who pays it. */
@Entity
@Table(name = "repair_order_line")
class RepairOrderLine extends BaseEntity {

    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "line_no")
    private int lineNo;
    @Enumerated(EnumType.STRING)
    private LineKind kind;
    private String description;
    @Column(name = "part_number")
    private @Nullable String partNumber;
    private BigDecimal quantity;
    @Embedded
    private Money amount;
    @Enumerated(EnumType.STRING)
    @Column(name = "account_type")
    private AccountType accountType;
    private boolean refunded;

    protected RepairOrderLine() {
        // for JPA, which sets every field right after
        this.orderId = new UUID(0, 0);
        this.kind = LineKind.LABOUR;
        this.description = "";
        this.quantity = BigDecimal.ONE;
        this.amount = Money.cny("0.00");
        this.accountType = AccountType.CUSTOMER;
    }

    RepairOrderLine(UUID orderId, RepairOrderRequests.DmsLine line, Instant now) {
        super(now);
        this.orderId = orderId;
        this.lineNo = line.lineNo();
        describe(line, now);
    }

    /** Whether the DMS's line says something else about the sale than this one (its refund aside). */
    boolean differsFrom(RepairOrderRequests.DmsLine line) {
        return kind != line.kind() || !description.equals(line.description().strip())
                || !java.util.Objects.equals(partNumber, blankToNull(line.partNumber()))
                || quantity.compareTo(line.quantity()) != 0 || !amount.equals(line.amount())
                || accountType != line.accountType();
    }

    void describe(RepairOrderRequests.DmsLine line, Instant now) {
        kind = line.kind();
        description = line.description().strip();
        partNumber = blankToNull(line.partNumber());
        quantity = line.quantity();
        amount = line.amount();
        accountType = line.accountType();
        touch(now);
    }

    void refund(Instant now) {
        refunded = true;
        touch(now);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    int lineNo() { return lineNo; }
    LineKind kind() { return kind; }
    String description() { return description; }
    @Nullable String partNumber() { return partNumber; }
    BigDecimal quantity() { return quantity; }
    Money amount() { return amount; }
    AccountType accountType() { return accountType; }
    boolean refunded() { return refunded; }
}
