package com.m4s.store.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What this service knows of dealer groups, as tenant-admin tells it (table {@code console.dealer_group}, decision
 * 0047): the group's Stripe connected account, which owners' online payments go to, and the state of the group's
 * subscription, for the banner of the store console. Read on a connection of its own, like {@link TenantDirectory}:
 * callers may be inside a store's transaction, whose connection works as the store's role and may not read the table.
 * Nothing is cached: each read is one primary-key lookup, and a change is seen at once.
 */
@Component
public class DealerGroupDirectory {

    /** A Stripe connected account id. */
    public static final String ACCOUNT = "acct_[A-Za-z0-9]+";
    static final Pattern ACCOUNT_PATTERN = Pattern.compile(ACCOUNT);

    /**
     * The group's subscription as tenant-admin holds it. NONE: no subscription was ever started (stores are
     * writable); TRIALING and ACTIVE: paid for; PAST_DUE: an invoice failed, stores become read-only at
     * {@code readOnlyFrom} unless it is paid; READ_ONLY: the grace period ran out, stores are read-only since
     * {@code readOnlyFrom}; CANCELED: the subscription ended, stores are read-only since {@code readOnlyFrom}.
     */
    public enum BillingState {
        NONE, TRIALING, ACTIVE, PAST_DUE, READ_ONLY, CANCELED;

        /** Whether the store console shows a banner for it. */
        boolean noticed() {
            return this == PAST_DUE || this == READ_ONLY || this == CANCELED;
        }
    }

    /**
     * What the store console's banner says: the group's billing state and when its stores become (or became)
     * read-only.
     */
    public record BillingNotice(BillingState state, @Nullable Instant readOnlyFrom) {

        static final BillingNotice NONE = new BillingNotice(BillingState.NONE, null);
    }

    /** The group's row; the account and read-only time are null when not told. */
    record Group(String groupCode, @Nullable String stripeAccountId, BillingState billingState,
            @Nullable Instant readOnlyFrom, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DealerGroupDirectory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The group's Stripe connected account ({@code acct_...}), if tenant-admin told one. */
    public Optional<String> connectedAccount(String groupCode) {
        return group(groupCode).map(Group::stripeAccountId);
    }

    /** The banner the group's stores show, when its subscription is past due, ran out of grace or ended. */
    public Optional<BillingNotice> notice(String groupCode) {
        return group(groupCode).filter(g -> g.billingState().noticed())
                .map(g -> new BillingNotice(g.billingState(), g.readOnlyFrom()));
    }

    /** The group as told, read on a connection of its own. */
    Optional<Group> group(String groupCode) {
        DataSource dataSource = Objects.requireNonNull(jdbc.getDataSource());
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select group_code, stripe_account_id, billing_state, read_only_from, updated_at"
                        + " from console.dealer_group where group_code = ?")) {
            q.setString(1, groupCode);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp readOnlyFrom = rs.getTimestamp(4);
                return Optional.of(new Group(rs.getString(1), rs.getString(2),
                        BillingState.valueOf(rs.getString(3)), readOnlyFrom == null ? null : readOnlyFrom.toInstant(),
                        rs.getTimestamp(5).toInstant()));
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not read the dealer groups", e);
        }
    }

    /** Records the group's connected account (null: none); the group's row is made when first told. */
    Group setConnectedAccount(String groupCode, @Nullable String stripeAccountId) {
        jdbc.update("""
                insert into console.dealer_group (group_code, stripe_account_id, updated_at) values (?, ?, ?)
                on conflict (group_code) do update set stripe_account_id = excluded.stripe_account_id,
                updated_at = excluded.updated_at""", groupCode, stripeAccountId, Timestamp.from(clock.instant()));
        return group(groupCode).orElseThrow();
    }

    /** Records the group's billing state and when its stores become (or became) read-only. */
    Group setBilling(String groupCode, BillingState state, @Nullable Instant readOnlyFrom) {
        jdbc.update("""
                insert into console.dealer_group (group_code, billing_state, read_only_from, updated_at)
                values (?, ?, ?, ?)
                on conflict (group_code) do update set billing_state = excluded.billing_state,
                read_only_from = excluded.read_only_from, updated_at = excluded.updated_at""",
                groupCode, state.name(), readOnlyFrom == null ? null : Timestamp.from(readOnlyFrom),
                Timestamp.from(clock.instant()));
        return group(groupCode).orElseThrow();
    }
}
