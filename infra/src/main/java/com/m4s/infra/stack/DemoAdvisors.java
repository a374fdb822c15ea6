package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/**
 * Advisors of the demo stores (decision 0038), through the API as a manager would keep them: the store's service and
 * sales staff (or, in a store that has none, its first staff login) get a profile with a phone, a portrait and the
 * name the demo DMS writes on orders (周海涛), the demo customers are bound to them, and the demo owner rates their
 * settled orders. Running again changes nothing that is there.
 */
final class DemoAdvisors {

    private static final String DMS_NAME = "周海涛";
    private static final int[] STARS = {5, 4, 5};
    private static final String[] COMMENTS = {"讲解很清楚，保养很及时", "等待时间稍长", "服务热情"};

    private final Api api;

    DemoAdvisors(Api api) {
        this.api = api;
    }

    /** Sets up the store's advisor and binds the members to them; returns how many members were bound now. */
    int ensure(String store, String phone, List<String> memberIds) {
        String base = "/api/stores/" + store + "/advisors";
        JsonNode directory = api.get(base).json();
        String advisor;
        String name;
        if (directory.size() > 0) {
            advisor = directory.get(0).path("username").asString();
            name = directory.get(0).path("displayName").asString();
            if (directory.get(0).path("photoId").isString()) {
                return bindAll(base, advisor, memberIds);
            }
        } else {
            JsonNode first = api.get("/api/stores/" + store + "/staff?size=1&sort=username,asc").json().path("content")
                    .path(0);
            if (first.isMissingNode()) {
                return 0;
            }
            advisor = first.path("username").asString();
            name = first.path("displayName").asString();
        }
        Api.Response uploaded = api.upload("/api/stores/" + store + "/photos", "file", "advisor.jpg", "image/jpeg",
                portrait(name));
        if (uploaded.status() != 201) {
            throw new IllegalStateException("demo advisor photo for " + store + ": " + uploaded.raw());
        }
        Api.Response saved = api.put(base + "/" + advisor + "/profile", Map.of("dmsName", DMS_NAME, "phone", phone,
                "photoId", uploaded.json().path("id").asString(), "active", true));
        if (saved.status() != 200) {
            throw new IllegalStateException("demo advisor profile for " + store + ": " + saved.raw());
        }
        return bindAll(base, advisor, memberIds);
    }

    private int bindAll(String base, String advisor, List<String> memberIds) {
        int bound = 0;
        for (String member : memberIds) {
            if (api.get(base + "/members/" + member).status() == 204) {
                Api.Response r = api.put(base + "/members/" + member, Map.of("advisor", advisor));
                if (r.status() != 200) {
                    throw new IllegalStateException("demo advisor binding of " + member + ": " + r.raw());
                }
                bound++;
            }
        }
        return bound;
    }

    /** The owner rates up to three of their settled orders not rated yet; returns how many were rated now. */
    static int rate(Api owner, String store) {
        String base = "/api/stores/" + store + "/me/advisor/orders";
        Api.Response orders = owner.get(base);
        if (orders.status() != 200) {
            return 0;
        }
        int rated = 0;
        int n = 0;
        for (JsonNode order : orders.json()) {
            if (n >= STARS.length) {
                break;
            }
            if (order.path("stars").isNumber()) {
                n++;
                continue;
            }
            Api.Response r = owner.post(base + "/" + order.path("orderId").asString() + "/rating",
                    Map.of("stars", STARS[n], "comment", COMMENTS[n]));
            if (r.status() == 201) {
                rated++;
            }
            n++;
        }
        return rated;
    }

    /** A plain portrait: the person's surname on a coloured disc. */
    static byte[] portrait(String name) {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xF0F2F5));
        g.fillRect(0, 0, 400, 400);
        g.setColor(new Color(0x1677FF));
        g.fillOval(40, 40, 320, 320);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 160));
        String text = name.isEmpty() ? "?" : name.substring(0, 1);
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, 200 - width / 2, 255);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
