package com.m4s.platform.security;

import static com.m4s.platform.security.Role.DMS;
import static com.m4s.platform.security.Role.GROUP_EXECUTIVE;
import static com.m4s.platform.security.Role.OWNER;
import static com.m4s.platform.security.Role.PLATFORM_OPERATOR;
import static com.m4s.platform.security.Role.SERVICE;
import static com.m4s.platform.security.Role.STORE_MANAGER;
import static com.m4s.platform.security.Role.STORE_STAFF;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The capabilities of the platform, each with the roles (and, for store staff, the departments) that have it. The one
 * place that says who may do what: endpoints name the permission they need in {@link Allow}, and the web UI asks
 * which permissions the caller has ({@code GET /api/stores/{store}/me/permissions}) to show menus and buttons.
 *
 * <p>A new feature adds its permissions here, names them on its endpoints, and the UI's pages and buttons check the
 * same names. The access-matrix tests read the roles from here, so a change shows in them.
 */
public enum Permission {

    // store scope: store-console, under /api/stores/{store}/...

    /** Act in the store at all: anyone the store lets in (its staff, the group's executives, operators, owners). */
    STORE_ENTER(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF, OWNER)),
    /** Use the store console of the store (dashboard): everyone who works for the store or above it. */
    CONSOLE_USE(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Read members and their vehicles. */
    MEMBER_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Create, change and delete members and their vehicles (not executives: they only read). */
    MEMBER_EDIT(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF),
            Departments.SALES, Departments.SERVICE, Departments.CUSTOMER_CARE),
    /**
     * Export the member list to Excel: every member's name and phone at once, so only those who answer for the
     * store's data (its manager, the group's executives, operators), not every reader of members.
     */
    MEMBER_EXPORT(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER)),
    /** An owner reads their own member record and vehicles. */
    OWN_RECORD_VIEW(Scope.STORE, roles(OWNER)),
    /** An owner offers their own cars for sale, edits, resubmits and withdraws them. */
    OWN_USED_CAR_MANAGE(Scope.STORE, roles(OWNER)),
    /** Read consigned used cars (review queue and list). */
    USED_CAR_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Submit cars for members, review them, list, reserve, sell and withdraw them (managers and sales). */
    USED_CAR_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.SALES),
    /** Upload photos: owners for their own cars, staff who submit cars (products and gifts later). */
    PHOTO_UPLOAD(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF, OWNER), Departments.SALES),
    /** Search the dealer group's used-car market. */
    USED_CAR_MARKET_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF, OWNER)),
    /** Read members' points balances and histories (with the source of each entry). */
    POINTS_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Add or deduct a member's points by hand, with a reason (audited): managers and customer care. */
    POINTS_ADJUST(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.CUSTOMER_CARE),
    /** Redeem a member's points at the counter: managers, service advisors and customer care. */
    POINTS_REDEEM(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.SERVICE,
            Departments.CUSTOMER_CARE),
    /** Read the store's points rules in force and their versions (owners read them as the rules page). */
    POINTS_RULES_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF, OWNER)),
    /** Publish a new version of the store's points rules (points per yuan by account type, refund window). */
    POINTS_RULES_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** An owner reads their own points balance and history. */
    OWN_POINTS_VIEW(Scope.STORE, roles(OWNER)),
    /** Read repair orders from the DMS with the points each line produced. */
    REPAIR_ORDER_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /**
     * Import repair orders from a DMS file, read the imports and the import setting: the store's manager and service
     * department.
     */
    REPAIR_ORDER_IMPORT(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.SERVICE),
    /**
     * Send repair orders through the REST batch (upsert: new, settled, refunded, reversed, corrected): the store's
     * DMS with its own credential (role {@code dms}, this permission and no other), and whoever may import files.
     */
    REPAIR_ORDER_BATCH(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF, DMS), Departments.SERVICE),
    /**
     * See, create, rotate and revoke the store's DMS credential (a Keycloak client whose secret is shown once):
     * managers only, since it lets a system outside the store write repair orders and so grant points.
     */
    DMS_CREDENTIAL_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** Read the store's card programme and members' cards (owners read the programme as the levels page). */
    CARD_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF, OWNER)),
    /** Join members to the programme, renew, report lost, reissue, change and quit their cards. */
    CARD_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.SALES,
            Departments.SERVICE, Departments.CUSTOMER_CARE),
    /** Change the card programme: levels, thresholds, benefits, basis, window and validity. */
    CARD_PROGRAMME_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** An owner reads their own card. */
    OWN_CARD_VIEW(Scope.STORE, roles(OWNER)),
    /** Read the store's automatic point tasks with how many members each rewarded and the points it granted. */
    POINT_TASK_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Create, edit, publish and end automatic point tasks: managers and customer care. */
    POINT_TASK_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.CUSTOMER_CARE),
    /** Read the store's manual point campaigns, their members and what their grant did. */
    POINT_CAMPAIGN_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Draft manual point campaigns (name, reason, points, members) and submit them for review: managers and
     * customer care. */
    POINT_CAMPAIGN_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF),
            Departments.CUSTOMER_CARE),
    /** Approve or reject a submitted campaign (never one's own): managers only. */
    POINT_CAMPAIGN_REVIEW(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** An owner checks in for the day in the owner app (the daily check-in task's points). */
    OWN_CHECK_IN(Scope.STORE, roles(OWNER)),
    /** Read the store's point transfers between members and the transfer policy (decision 0040). */
    POINT_TRANSFER_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Reverse a point transfer with a reason, and change the store's transfer policy: managers only. */
    POINT_TRANSFER_REVERSE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** An owner transfers their available points to another member of the store, found by phone. */
    OWN_POINTS_TRANSFER(Scope.STORE, roles(OWNER)),
    /** An owner makes share links (a listed used car, the store) whose new visitors earn them points. */
    OWN_SHARE(Scope.STORE, roles(OWNER)),
    /** Read the advisor directory, members' advisors and advisors' performance (who serves whom, ratings). */
    ADVISOR_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Keep advisors' profiles (phone, photo, active) and move a book of customers between advisors: managers. */
    ADVISOR_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** Post news to advisors and see who has read it: managers. Advisors read their own with CONSOLE_USE. */
    ANNOUNCEMENT_POST(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** An owner rates the advisor of one of their settled repair orders (once per order). */
    OWN_ADVISOR_RATE(Scope.STORE, roles(OWNER)),
    /** Read the store's member segments (with their counts and members) and tags. */
    SEGMENT_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Create, change and delete member segments: managers and customer care. */
    SEGMENT_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.CUSTOMER_CARE),
    /** Give members tags and take them off (one member or many at once): managers and customer care. */
    MEMBER_TAG(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.CUSTOMER_CARE),
    /** An owner turns their reminders on or off (points about to expire): their consent to be told. */
    OWN_REMINDERS_SET(Scope.STORE, roles(OWNER)),
    /** Read the store's payments (consumption records), the day's reconciliation and the payment settings. */
    PAYMENT_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /**
     * Take a payment at the desk (cash, card, QR, the member's wallet, points, coupons) and confirm one seen in
     * person: managers, service and customer care.
     */
    PAYMENT_TAKE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.SERVICE,
            Departments.CUSTOMER_CARE),
    /** Refund (part of) a payment, with a reason: managers. */
    PAYMENT_REFUND(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** Change the store's payment settings (whether points pay, and how much): managers. */
    PAYMENT_SETTINGS_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** An owner pays their repair orders in the app, confirms desk payments and reads their consumption records. */
    OWN_PAYMENT(Scope.STORE, roles(OWNER)),
    /** Read members' wallets (balance, history), the cash-out requests and the store's wallet settings. */
    WALLET_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Take a top-up of a member's wallet at the desk (cash, card, QR code): managers, service and customer care. */
    WALLET_TOP_UP(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.SERVICE,
            Departments.CUSTOMER_CARE),
    /** Pay a repair order or a desk charge from a member's wallet: managers, service and customer care. */
    WALLET_SPEND(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.SERVICE,
            Departments.CUSTOMER_CARE),
    /** Refund a wallet payment back to the wallet, with a reason: managers and customer care. */
    WALLET_REFUND(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.CUSTOMER_CARE),
    /** Ask to pay a member's principal back in cash (above the store's threshold it waits for approval). */
    WALLET_CASH_OUT(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.CUSTOMER_CARE),
    /** Approve or reject a pending cash-out (never one's own request): managers. */
    WALLET_CASH_OUT_APPROVE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** Change the store's wallet settings (bonus tiers, cash-out approval threshold): managers. */
    WALLET_SETTINGS_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** An owner reads their own wallet: principal, bonus and history. */
    OWN_WALLET_VIEW(Scope.STORE, roles(OWNER)),
    /** Read the store's coupon templates, their statistics and the coupons members hold. */
    COUPON_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Create and change coupon templates, activate and end them: managers. */
    COUPON_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** Issue coupons of an active template to a member or a segment: managers and customer care (goodwill). */
    COUPON_ISSUE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.CUSTOMER_CARE),
    /** An owner reads their own coupons and the claim centre. */
    OWN_COUPON_VIEW(Scope.STORE, roles(OWNER)),
    /** An owner claims a coupon in the claim centre. */
    OWN_COUPON_CLAIM(Scope.STORE, roles(OWNER)),
    /** Read the store's gift warehouse: gifts, stock movements, redemptions and their statistics. */
    GIFT_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Create and change gifts, list and delist them, receive and adjust stock: managers and customer care. */
    GIFT_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.CUSTOMER_CARE),
    /**
     * Redeem a gift with a member's points at the desk, hand a redeemed gift over, cancel a redemption not handed
     * over: managers, service and customer care.
     */
    GIFT_REDEEM(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.SERVICE,
            Departments.CUSTOMER_CARE),
    /** An owner reads the gift catalogue, redeems gifts with their points and reads their redemptions. */
    OWN_GIFT(Scope.STORE, roles(OWNER)),
    /** Read the store's mall: categories, products, SKUs, their stock and its movements. */
    MALL_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /**
     * Keep the mall's catalogue: categories, products, SKUs and prices, listing, stock received and counted: managers,
     * sales (accessories, merchandise) and service (parts, maintenance packages).
     */
    MALL_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER, STORE_STAFF), Departments.SALES,
            Departments.SERVICE),
    /** An owner browses and searches the store's mall. */
    OWN_MALL(Scope.STORE, roles(OWNER)),
    /** Read the store's staff and their roles. */
    STAFF_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER)),
    /** Invite staff, change their roles and departments, disable them. */
    STAFF_MANAGE(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** Read the store's audit trail. */
    AUDIT_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER)),
    /** Read the store's outgoing messages (message log). */
    MESSAGE_LOG_VIEW(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),
    /** Rebuild the store's search indexes from PostgreSQL. */
    STORE_SEARCH_REBUILD(Scope.STORE, roles(PLATFORM_OPERATOR, STORE_MANAGER)),

    // group scope: tenant-admin under /api/admin/..., and what operators do across stores

    /** Read dealer groups (an executive: their own). */
    GROUP_VIEW(Scope.GROUP, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE)),
    /** Create a dealer group. */
    GROUP_CREATE(Scope.GROUP, roles(PLATFORM_OPERATOR)),
    /** Rename a dealer group (an executive: their own). */
    GROUP_EDIT(Scope.GROUP, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE)),
    /** List the stores of a dealer group (an executive: their own). */
    STORE_LIST(Scope.GROUP, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE)),
    /** Read one store with its provisioning status (its staff: their own store). */
    STORE_VIEW(Scope.GROUP, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE, STORE_MANAGER, STORE_STAFF)),
    /** Create a store and retry its provisioning (an executive: in their group). */
    STORE_CREATE(Scope.GROUP, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE)),
    /** Change what people read about a store: name, address, phone (an executive: in their group). */
    STORE_EDIT(Scope.GROUP, roles(PLATFORM_OPERATOR, GROUP_EXECUTIVE)),
    /** Suspend and reactivate a store. */
    STORE_SUSPEND(Scope.GROUP, roles(PLATFORM_OPERATOR)),
    /** Read the platform's own audit trail (groups and stores). */
    PLATFORM_AUDIT_VIEW(Scope.GROUP, roles(PLATFORM_OPERATOR)),
    /** Rebuild a search index of every store. */
    SEARCH_REBUILD(Scope.GROUP, roles(PLATFORM_OPERATOR)),

    // internal: service-to-service

    /** Create and migrate a store's schema (tenant-admin's provisioning, or an operator by hand). */
    STORE_SCHEMA_PROVISION(Scope.INTERNAL, roles(SERVICE, PLATFORM_OPERATOR)),
    /** See each service's per-store jobs: runs, failures, when due again (the operator, on the service itself). */
    JOB_RUNS_VIEW(Scope.INTERNAL, roles(PLATFORM_OPERATOR));

    /** Where a permission applies, and so which endpoint publishes it. */
    public enum Scope {
        /** Within one store; published by store-console per store. */
        STORE,
        /** Dealer groups, stores as a directory, the platform; tenant-admin and operators. */
        GROUP,
        /** Between services; never shown in a UI. */
        INTERNAL
    }

    private final Scope scope;
    private final Set<Role> roles;
    private final Set<String> departments;

    Permission(Scope scope, Set<Role> roles, String... departments) {
        this.scope = scope;
        this.roles = roles;
        this.departments = Set.of(departments);
    }

    public Scope scope() {
        return scope;
    }

    /** The roles that have this permission (store staff only in {@link #departments()}, when that is not empty). */
    public Set<Role> roles() {
        return roles;
    }

    /** When not empty, store staff have this permission only in these departments. */
    public Set<String> departments() {
        return departments;
    }

    /** Whether the caller has this permission by their roles and department (not yet whether in a given store). */
    public boolean grantedTo(Caller caller) {
        for (Role role : roles) {
            if (!caller.has(role)) {
                continue;
            }
            if (role != STORE_STAFF || departments.isEmpty()) {
                return true;
            }
            if (caller.department() != null && departments.contains(caller.department())) {
                return true;
            }
        }
        return false;
    }

    /** The caller's permissions of one scope, in declaration order. */
    public static List<Permission> grantedTo(Caller caller, Scope scope) {
        return Arrays.stream(values()).filter(p -> p.scope == scope && p.grantedTo(caller)).toList();
    }

    private static Set<Role> roles(Role... roles) {
        return Set.copyOf(EnumSet.copyOf(Arrays.asList(roles)));
    }
}
