package com.m4s.platform.test.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The fixture's own pages (authorize, invoice, portal), the invoice PDF and QR codes. No JavaScript. */
final class Pages {

    private Pages() {
    }

    // ---- QR codes

    static BitMatrix qr(String data) {
        try {
            return new QRCodeWriter().encode(data, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] qrPng(String data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(qr(data), "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String qrPngBase64(String data) {
        return Base64.getEncoder().encodeToString(qrPng(data));
    }

    static String qrSvg(String data) {
        BitMatrix matrix = qr(data);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(matrix.getWidth()).append(' ').append(matrix.getHeight())
                .append("\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                        + "<path fill=\"#000\" d=\"");
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    svg.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return svg.append("\"/></svg>").toString();
    }

    // ---- pages

    /**
     * The fixture's stand-in for Stripe.js: the calls the owner app makes, with one plain card-number field, sending
     * the number to the fixture (never to our servers, as with Stripe.js).
     */
    static String stripeJs(String base) {
        return """
                (function () {
                  var BASE = %s;
                  function CardElement() { this.input = null; }
                  CardElement.prototype.mount = function (target) {
                    var host = typeof target === 'string' ? document.querySelector(target) : target;
                    var input = document.createElement('input');
                    input.name = 'cardnumber';
                    input.autocomplete = 'cc-number';
                    input.inputMode = 'numeric';
                    input.placeholder = '4242 4242 4242 4242';
                    input.setAttribute('aria-label', '卡号');
                    input.setAttribute('data-testid', 'fixture-card-number');
                    host.appendChild(input);
                    this.input = input;
                  };
                  CardElement.prototype.unmount = function () {
                    if (this.input && this.input.parentNode) this.input.parentNode.removeChild(this.input);
                    this.input = null;
                  };
                  CardElement.prototype.destroy = CardElement.prototype.unmount;
                  CardElement.prototype.on = function () { return this; };
                  window.Stripe = function (key, options) {
                    var account = (options && options.stripeAccount) || '';
                    return {
                      elements: function () {
                        return { create: function () { return new CardElement(); } };
                      },
                      confirmCardPayment: function (clientSecret, data) {
                        var card = data && data.payment_method && data.payment_method.card;
                        var number = card && card.input ? card.input.value : '';
                        var body = new URLSearchParams({ client_secret: clientSecret, account: account, key: key, number: number });
                        return fetch(BASE + '/_test/js/confirm_card', { method: 'POST', body: body }).then(function (r) { return r.json(); });
                      }
                    };
                  };
                })();
                """.formatted(com.google.gson.JsonParser.parseString("\"" + base + "\"").toString());
    }

    static String authorize(JsonObject pi) {
        String id = ObjectStore.str(pi, "id");
        String status = ObjectStore.str(pi, "status");
        String type = pi.has("next_action") && !pi.get("next_action").isJsonNull()
                ? ObjectStore.str(pi.getAsJsonObject("next_action"), "type") : "";
        String method = type.startsWith("alipay") ? "支付宝 Alipay" : "微信支付 WeChat Pay";
        StringBuilder body = new StringBuilder()
                .append("<h1>模拟").append(method).append(" / Test ").append(method.replaceAll("[^A-Za-z ]", "").trim())
                .append("</h1>")
                .append("<p>测试环境，不会扣款 / Test mode: no money moves</p>")
                .append("<dl><dt>付款 / Payment</dt><dd id=\"payment-intent\">").append(escape(id)).append("</dd>")
                .append("<dt>金额 / Amount</dt><dd id=\"amount\">")
                .append(Invoices.money(ObjectStore.num(pi, "amount"), ObjectStore.str(pi, "currency")))
                .append("</dd><dt>状态 / Status</dt><dd id=\"status\">").append(escape(status)).append("</dd></dl>");
        if ("requires_action".equals(status) || "processing".equals(status)) {
            String action = "/_test/authorize/" + escape(id);
            body.append("<form method=\"post\" action=\"").append(action).append("\">")
                    .append("<input type=\"hidden\" name=\"outcome\" value=\"succeed\">")
                    .append("<button type=\"submit\" id=\"authorize\">模拟授权付款 / Authorize test payment</button>"
                            + "</form>")
                    .append("<form method=\"post\" action=\"").append(action).append("\">")
                    .append("<input type=\"hidden\" name=\"outcome\" value=\"fail\">")
                    .append("<button type=\"submit\" id=\"fail\">模拟支付失败 / Fail test payment</button></form>");
        } else {
            body.append("<p>此付款无需操作 / Nothing to authorize for this payment</p>");
        }
        return html("模拟付款 / Test payment", body.toString());
    }

    static String done(JsonObject pi) {
        boolean ok = "succeeded".equals(ObjectStore.str(pi, "status"));
        String body = "<h1 id=\"result\" data-status=\"" + escape(ObjectStore.str(pi, "status")) + "\">"
                + (ok ? "付款成功 / Payment succeeded" : "付款失败 / Payment failed") + "</h1>"
                + "<p>" + escape(ObjectStore.str(pi, "id")) + "</p><p>可以关闭此页面 / You can close this page</p>";
        return html(ok ? "付款成功 / Payment succeeded" : "付款失败 / Payment failed", body);
    }

    static String invoice(JsonObject invoice) {
        StringBuilder rows = new StringBuilder();
        for (JsonElement element : invoice.getAsJsonObject("lines").getAsJsonArray("data")) {
            JsonObject line = element.getAsJsonObject();
            rows.append("<tr><td>").append(escape(ObjectStore.str(line, "description"))).append("</td><td>")
                    .append(ObjectStore.num(line, "quantity")).append("</td><td>")
                    .append(Invoices.money(ObjectStore.num(line, "amount"), ObjectStore.str(invoice, "currency")))
                    .append("</td></tr>");
        }
        String body = "<h1>账单 / Invoice " + escape(String.valueOf(ObjectStore.str(invoice, "number"))) + "</h1>"
                + "<p id=\"invoice\">" + escape(ObjectStore.str(invoice, "id")) + "</p>"
                + "<p>状态 / Status: <span id=\"status\">" + escape(ObjectStore.str(invoice, "status")) + "</span></p>"
                + "<table><tr><th>项目 / Item</th><th>数量 / Qty</th><th>金额 / Amount</th></tr>" + rows + "</table>"
                + "<p>应付 / Amount due: <span id=\"amount-due\">"
                + Invoices.money(ObjectStore.num(invoice, "amount_due"), ObjectStore.str(invoice, "currency"))
                + "</span></p><p><a href=\"/_test/invoices/" + escape(ObjectStore.str(invoice, "id"))
                + ".pdf\">PDF</a></p>";
        return html("账单 / Invoice", body);
    }

    static String portal(JsonObject customer, String returnUrl) {
        String id = ObjectStore.str(customer, "id");
        JsonObject settings = customer.getAsJsonObject("invoice_settings");
        String current = ObjectStore.str(settings, "default_payment_method");
        String body = "<h1>模拟账单管理 / Test billing portal</h1>"
                + "<p id=\"customer\">" + escape(id) + "</p>"
                + "<p>默认付款方式 / Default payment method: <span id=\"default-payment-method\">"
                + escape(current == null ? "无 / none" : current) + "</span></p>"
                + "<form method=\"post\" action=\"/_test/portal/" + escape(id) + "\">"
                + "<input type=\"hidden\" name=\"return\" value=\"" + escape(returnUrl == null ? "" : returnUrl)
                + "\"><button type=\"submit\" id=\"add-card\">添加测试卡 / Add test card (Visa 4242)</button></form>"
                + (returnUrl == null ? "" : "<p><a id=\"return\" href=\"" + escape(returnUrl)
                        + "\">返回 / Return</a></p>");
        return html("账单管理 / Billing portal", body);
    }

    static String html(String title, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + " — Stripe test fixture</title></head><body>" + body + "</body></html>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- a minimal valid PDF (ASCII text only: the built-in Helvetica has no Chinese)

    static byte[] invoicePdf(JsonObject invoice) {
        List<String> lines = new ArrayList<>();
        lines.add("Invoice " + ObjectStore.str(invoice, "number") + " (" + ObjectStore.str(invoice, "id") + ")");
        lines.add("Status: " + ObjectStore.str(invoice, "status"));
        for (JsonElement element : invoice.getAsJsonObject("lines").getAsJsonArray("data")) {
            JsonObject line = element.getAsJsonObject();
            lines.add(ObjectStore.str(line, "description").replaceAll("[^\\x20-\\x7E]", "x") + "  "
                    + Invoices.money(ObjectStore.num(line, "amount"), ObjectStore.str(invoice, "currency")));
        }
        lines.add("Amount due: " + Invoices.money(ObjectStore.num(invoice, "amount_due"),
                ObjectStore.str(invoice, "currency")));
        StringBuilder text = new StringBuilder("BT /F1 11 Tf 50 780 Td 16 TL\n");
        for (String line : lines) {
            text.append('(').append(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
                    .append(") Tj T*\n");
        }
        text.append("ET");
        String stream = text.toString();
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                        + "/Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + stream.getBytes(StandardCharsets.US_ASCII).length + " >>\nstream\n" + stream
                        + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
