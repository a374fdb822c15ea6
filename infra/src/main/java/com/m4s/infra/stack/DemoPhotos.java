package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * Pictures for the demo volume's used cars, so the consoles and the market show photos instead of 暂无照片: drawn
 * here (a car in its listed colour on a sky and road, from the side, the front and the back), uploaded through the
 * gateway's photo endpoint as the demo operator, so they go through the real pipeline into the store's object
 * storage, and attached to the cars in bulk (decision 0028). The same pictures on every machine: the drawing and the
 * choice of pictures per car come from fixed seeds. A store whose demo cars already have photos is left alone, so a
 * restart uploads nothing; only the pictures some car uses are uploaded.
 */
final class DemoPhotos {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoPhotos.class);

    static final int WIDTH = 800;
    static final int HEIGHT = 533;

    /** The demo volume's colours (its {@code COLOURS}) as paint. */
    static final Map<String, Color> PAINT = Map.of("白色", new Color(238, 239, 241), "黑色", new Color(28, 29, 33),
            "银色", new Color(186, 190, 196), "灰色", new Color(108, 112, 118), "蓝色", new Color(28, 72, 150),
            "红色", new Color(168, 26, 32));

    /** The shots of a car, in the order a seller takes them. */
    enum View { SIDE, FRONT, BACK, SIDE_EVENING }

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Api operator;

    DemoPhotos(Stack stack, Api operator) {
        this.jdbcUrl = stack.jdbcUrl();
        this.user = stack.dbUser();
        this.password = stack.dbPassword();
        this.operator = operator;
    }

    /** Photographs the store's demo cars unless some of them have photos already; returns how many got photos. */
    int ensure(String store) {
        long started = System.nanoTime();
        String schema = "store_" + store;
        Map<UUID, String> colours = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            List<UUID> demoCars = new ArrayList<>();
            for (int n = 0; n < DemoVolume.USED_CARS; n++) {
                demoCars.add(UUID.nameUUIDFromBytes((store + ":used-car:" + n).getBytes(StandardCharsets.UTF_8)));
            }
            try (PreparedStatement q = c.prepareStatement("select id, colour, cardinality(photos) from " + schema
                    + ".used_car where id = any(?)")) {
                q.setArray(1, c.createArrayOf("uuid", demoCars.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getInt(3) > 0) {
                            return 0; // photographed on an earlier start
                        }
                        colours.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
            // in the volume's order, so the same car gets the same pictures everywhere
            Map<UUID, List<String>> shots = new LinkedHashMap<>();
            Random random = new Random(DemoVolume.SEED ^ (store + ":photos").hashCode());
            for (int n = 0; n < demoCars.size(); n++) {
                UUID car = demoCars.get(n);
                // one car in twelve has no pictures yet (the page says so); the others one to four
                int count = n % 12 == 7 ? 0 : 1 + random.nextInt(4);
                String colour = colours.get(car);
                if (colour != null && count > 0) {
                    List<String> keys = new ArrayList<>();
                    for (int v = 0; v < count; v++) {
                        keys.add(colour + "/" + View.values()[v]);
                    }
                    shots.put(car, keys);
                }
            }
            Map<String, String> refs = new LinkedHashMap<>();
            for (List<String> keys : shots.values()) {
                for (String key : keys) {
                    if (!refs.containsKey(key)) {
                        String[] parts = key.split("/");
                        refs.put(key, upload(store, parts[0], View.valueOf(parts[1])));
                    }
                }
            }
            int photographed = 0;
            try (PreparedStatement u = c.prepareStatement("update " + schema + ".used_car set photos = ?"
                    + " where id = ? and cardinality(photos) = 0")) {
                for (Map.Entry<UUID, List<String>> car : shots.entrySet()) {
                    Array photos = c.createArrayOf("text", car.getValue().stream().map(refs::get).toArray());
                    u.setArray(1, photos);
                    u.setObject(2, car.getKey());
                    photographed += u.executeUpdate();
                }
            }
            LOG.info("Demo photos of {}: {} pictures uploaded, {} of {} used cars photographed in {} ms", store,
                    refs.size(), photographed, colours.size(), (System.nanoTime() - started) / 1_000_000);
            return photographed;
        } catch (SQLException e) {
            throw new IllegalStateException("demo data: could not photograph the used cars of " + store, e);
        }
    }

    private String upload(String store, String colour, View view) {
        Api.Response uploaded = operator.upload("/api/stores/" + store + "/photos", "file", "demo.jpg", "image/jpeg",
                jpeg(picture(PAINT.getOrDefault(colour, PAINT.get("银色")), view)));
        if (uploaded.status() != 201) {
            throw new IllegalStateException("demo data: photo upload to " + store + ": " + uploaded.status() + " "
                    + uploaded.raw());
        }
        return uploaded.json().path("ref").asString();
    }

    static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A car of {@code paint} seen from {@code view}, on a road under the sky (evening light for SIDE_EVENING). */
    static BufferedImage picture(Color paint, View view) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        boolean evening = view == View.SIDE_EVENING;
        scenery(g, evening);
        if (view == View.SIDE || evening) {
            if (evening) {
                // the other side of the car: the same drawing mirrored
                g.transform(new AffineTransform(-1, 0, 0, 1, WIDTH, 0));
            }
            side(g, paint);
        } else {
            end(g, paint, view == View.FRONT);
        }
        g.dispose();
        return image;
    }

    private static void scenery(Graphics2D g, boolean evening) {
        int horizon = 300;
        g.setPaint(evening ? new GradientPaint(0, 0, new Color(58, 74, 128), 0, horizon, new Color(246, 170, 110))
                : new GradientPaint(0, 0, new Color(92, 156, 222), 0, horizon, new Color(206, 228, 246)));
        g.fillRect(0, 0, WIDTH, horizon);
        // far buildings of a city
        Random skyline = new Random(8);
        g.setColor(evening ? new Color(70, 66, 90) : new Color(156, 172, 190));
        for (int x = 0; x < WIDTH; x += 30 + skyline.nextInt(30)) {
            int h = 30 + skyline.nextInt(90);
            g.fillRect(x, horizon - h, 24 + skyline.nextInt(26), h);
        }
        g.setColor(evening ? new Color(54, 74, 52) : new Color(96, 142, 84));
        g.fillRect(0, horizon - 8, WIDTH, 16);
        g.setPaint(new GradientPaint(0, horizon, new Color(92, 94, 98), 0, HEIGHT, new Color(58, 60, 64)));
        g.fillRect(0, horizon + 8, WIDTH, HEIGHT - horizon - 8);
        g.setColor(new Color(226, 226, 220));
        for (int x = 10; x < WIDTH; x += 120) {
            g.fillRect(x, 492, 70, 7);
        }
    }

    private static void side(Graphics2D g, Color paint) {
        g.setColor(new Color(0, 0, 0, 90));
        g.fill(new Ellipse2D.Double(110, 418, 590, 40));
        Path2D body = new Path2D.Double();
        body.moveTo(118, 400);
        body.curveTo(108, 360, 118, 336, 160, 328);
        body.lineTo(270, 316);
        body.curveTo(320, 262, 360, 244, 440, 242);
        body.curveTo(520, 242, 560, 262, 610, 312);
        body.curveTo(670, 318, 690, 334, 690, 368);
        body.lineTo(688, 400);
        body.closePath();
        g.setPaint(new GradientPaint(0, 250, paint.brighter(), 0, 410, shade(paint, 0.55)));
        g.fill(body);
        g.setColor(shade(paint, 0.45));
        g.setStroke(new BasicStroke(2f));
        g.draw(body);
        Path2D glass = new Path2D.Double();
        glass.moveTo(292, 316);
        glass.curveTo(330, 272, 366, 256, 440, 255);
        glass.curveTo(510, 255, 546, 274, 588, 314);
        glass.closePath();
        g.setPaint(new GradientPaint(0, 256, new Color(150, 178, 200), 0, 316, new Color(40, 50, 62)));
        g.fill(glass);
        g.setColor(shade(paint, 0.7));
        g.fillRect(436, 254, 9, 62);
        g.drawLine(300, 352, 660, 352);
        g.setColor(new Color(250, 240, 200));
        g.fill(new Ellipse2D.Double(668, 338, 18, 12));
        g.setColor(new Color(190, 30, 30));
        g.fillRect(116, 338, 10, 16);
        wheel(g, 230, 398, 44);
        wheel(g, 580, 398, 44);
    }

    private static void end(Graphics2D g, Color paint, boolean front) {
        g.setColor(new Color(0, 0, 0, 90));
        g.fill(new Ellipse2D.Double(200, 440, 400, 36));
        g.setColor(new Color(24, 24, 24));
        g.fill(new RoundRectangle2D.Double(236, 400, 58, 62, 12, 12));
        g.fill(new RoundRectangle2D.Double(506, 400, 58, 62, 12, 12));
        Path2D body = new Path2D.Double();
        body.moveTo(214, 440);
        body.lineTo(210, 350);
        body.curveTo(214, 320, 240, 306, 270, 300);
        body.lineTo(300, 238);
        body.curveTo(360, 226, 440, 226, 500, 238);
        body.lineTo(530, 300);
        body.curveTo(560, 306, 586, 320, 590, 350);
        body.lineTo(586, 440);
        body.closePath();
        g.setPaint(new GradientPaint(0, 232, paint.brighter(), 0, 440, shade(paint, 0.55)));
        g.fill(body);
        g.setColor(shade(paint, 0.45));
        g.setStroke(new BasicStroke(2f));
        g.draw(body);
        Path2D glass = new Path2D.Double();
        glass.moveTo(286, 298);
        glass.lineTo(310, 248);
        glass.curveTo(370, 238, 430, 238, 490, 248);
        glass.lineTo(514, 298);
        glass.closePath();
        g.setPaint(new GradientPaint(0, 244, new Color(150, 178, 200), 0, 298, new Color(40, 50, 62)));
        g.fill(glass);
        Color lamp = front ? new Color(246, 244, 226) : new Color(196, 28, 32);
        g.setColor(lamp);
        g.fill(new RoundRectangle2D.Double(226, 330, 78, 22, 10, 10));
        g.fill(new RoundRectangle2D.Double(496, 330, 78, 22, 10, 10));
        if (front) {
            g.setColor(new Color(30, 32, 36));
            g.fill(new RoundRectangle2D.Double(330, 336, 140, 40, 14, 14));
            g.setColor(new Color(120, 124, 130));
            for (int y = 344; y < 372; y += 8) {
                g.drawLine(338, y, 462, y);
            }
        }
        g.setColor(new Color(232, 234, 238));
        g.fillRect(350, front ? 392 : 372, 100, 26);
        g.setColor(new Color(40, 44, 52));
        g.fillRect(224, 420, 352, 14);
    }

    private static void wheel(Graphics2D g, int cx, int cy, int r) {
        g.setColor(new Color(22, 22, 24));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(new Color(176, 180, 186));
        g.fill(new Ellipse2D.Double(cx - r * 0.6, cy - r * 0.6, r * 1.2, r * 1.2));
        g.setColor(new Color(96, 100, 106));
        g.setStroke(new BasicStroke(4f));
        for (int k = 0; k < 5; k++) {
            double a = Math.PI * 2 * k / 5;
            g.drawLine(cx, cy, cx + (int) (Math.cos(a) * r * 0.55), cy + (int) (Math.sin(a) * r * 0.55));
        }
        g.fill(new Ellipse2D.Double(cx - 6, cy - 6, 12, 12));
    }

    private static Color shade(Color c, double f) {
        return new Color((int) (c.getRed() * f), (int) (c.getGreen() * f), (int) (c.getBlue() * f));
    }
}
