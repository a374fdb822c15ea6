package com.m4s.store.timeline;

import com.m4s.platform.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the timeline endpoint answers. */
public final class TimelineViews {

    private TimelineViews() {
    }

    /**
     * One dealing. The client writes its sentence from {@code kind}, {@code event} and {@code params}; the server
     * renders no text.
     *
     * @param event what happened, per kind: a repair order's status (SETTLED, REFUNDED, REVERSED), a points entry's
     *     kind (GRANT_PENDING, GRANT, ACTIVATE, REDEEM, ADJUST, EXPIRE, REFUND, REVERSE, CORRECT), a used car's status
     *     it moved to, a card step (JOINED, UPGRADED, ...), a text's delivery status (PENDING, SENT, FAILED), RATED,
     *     an advisor BOUND or MOVED
     * @param params the figures of the sentence by name: repair order {@code number, plate, advisor, refunded};
     *     points {@code source, ref, reason}; used car {@code make, model, year}; card {@code from, to, number,
     *     reason}; message {@code topic, body}; rating {@code stars, comment, advisor, number}; advisor
     *     {@code advisor, previous, by}
     * @param amount money of the dealing: an order's total, a car's wished, asking or sold price
     * @param points points moved (the net change of the balance; an activation: the points made available), or a
     *     rating's stars
     * @param targetId what the row links to: the repair order, used car, card, message or the grant's source
     */
    public record TimelineItem(Instant at, TimelineKind kind, String event, String key, Map<String, String> params,
            @Nullable Money amount, @Nullable Long points, @Nullable UUID targetId) {
    }

    /**
     * A page of the timeline, newest first.
     *
     * @param next the cursor of the next page ({@code before=}), none at the end
     * @param kinds the kinds the caller may see (and so filter by)
     */
    public record TimelinePage(List<TimelineItem> items, @Nullable String next, List<TimelineKind> kinds) {
    }
}
