package com.m4s.store.timeline;

import com.m4s.platform.security.Permission;

/** The kinds of dealing on a member's timeline, each with the permission that reads its rows (decision 0018). */
public enum TimelineKind {
    /** A settled repair order (event: its status now: SETTLED, REFUNDED, REVERSED). */
    REPAIR_ORDER(Permission.REPAIR_ORDER_VIEW),
    /** A points posting (event: the entry kind; the lines of one repair order posted together are one row). */
    POINTS(Permission.POINTS_VIEW),
    /** A used-car consignment created or moved to another status (event: the status it moved to). */
    USED_CAR(Permission.USED_CAR_VIEW),
    /** A step of the member's card (event: JOINED, UPGRADED, DOWNGRADED, ...). */
    CARD(Permission.CARD_VIEW),
    /** A text sent to the member through the notification outbox (event: its delivery status). */
    MESSAGE(Permission.MESSAGE_LOG_VIEW),
    /** An owner's rating of the advisor of a repair order (event: RATED). */
    RATING(Permission.ADVISOR_VIEW),
    /** The member bound to an advisor or moved to another (event: BOUND, MOVED). */
    ADVISOR(Permission.ADVISOR_VIEW);

    private final Permission permission;

    TimelineKind(Permission permission) {
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }
}
