package com.m4s.store.usedcar;

import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.test.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The outbox's events of a car, read back as a consumer would receive them. */
final class UsedCarTestEvents {

    private UsedCarTestEvents() {
    }

    static List<ReceivedEvent> of(TestPostgres.Database database, String usedCarId) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement("select event_id, id,"
                + " event_type, store_code, payload::text, occurred_at from console.event_outbox"
                + " where payload->>'usedCarId' = ? order by id")) {
            q.setString(1, usedCarId);
            List<ReceivedEvent> events = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.add(new ReceivedEvent(rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(6).toInstant(), rs.getLong(2), UsedCarEvents.TOPIC, 0, 0,
                            rs.getString(5)));
                }
            }
            return events;
        }
    }
}
