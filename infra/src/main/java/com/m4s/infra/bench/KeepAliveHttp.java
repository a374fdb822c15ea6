package com.m4s.infra.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The load generator's HTTP client for the measurements through the gateway: one keep-alive HTTP/1.1 connection per
 * client thread on a plain blocking socket, a GET (or a JSON POST) written as one buffer and the answer read to its end (Content-Length or chunked) and
 * discarded, as {@code wrk} does. It replaces the JDK {@code HttpClient}, which cost the shared two cores about 320 µs
 * of the client's own CPU per request (a selector thread, a future and a request object per call) against 50 µs for
 * a JDBC call: that was the measurement's cost, not the product's. A connection the server closes
 * ({@code Connection: close}, e.g. Tomcat after 100 requests) is opened again on the next call.
 */
final class KeepAliveHttp implements AutoCloseable {

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final String commonHeaders;
    private final byte[] fixedHeaders;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /** @param baseUrl {@code http://host:port}; every request carries {@code Authorization: Bearer token} when given */
    KeepAliveHttp(String baseUrl, String token, Duration timeout) {
        URI uri = URI.create(baseUrl);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("plain http only: " + baseUrl);
        }
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.timeoutMillis = (int) timeout.toMillis();
        this.commonHeaders = " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n"
                + (token.isEmpty() ? "" : "Authorization: Bearer " + token + "\r\n");
        this.fixedHeaders = (commonHeaders + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * POSTs a JSON body with extra headers (e.g. {@code Idempotency-Key}) and returns the status; the answer's body is
     * read and dropped.
     */
    int post(String pathAndQuery, byte[] json, Map<String, String> headers) throws IOException {
        if (socket == null) {
            open();
        }
        StringBuilder head = new StringBuilder(256).append("POST ").append(pathAndQuery).append(commonHeaders)
                .append("Content-Type: application/json\r\nContent-Length: ").append(json.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[start.length + json.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(json, 0, request, start.length, json.length);
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** GETs {@code pathAndQuery} (already encoded) and returns the status; the body is read and dropped. */
    int get(String pathAndQuery) throws IOException {
        if (socket == null) {
            open();
        }
        byte[] start = ("GET " + pathAndQuery).getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[start.length + fixedHeaders.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(fixedHeaders, 0, request, start.length, fixedHeaders.length);
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMillis);
        s.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket = s;
        out = s.getOutputStream();
        in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
    }

    private int readResponse() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                line();
            }
            // trailers, then the empty line
            while (!line().isEmpty()) {
                // nothing to keep
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            closing = true;
            while (in.read() >= 0) {
                // a body ended by closing the connection
            }
        }
        if (closing) {
            close();
        }
        return status;
    }

    private long chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** One header line without its CRLF (ISO-8859-1, as HTTP/1.1 headers are). */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed inside the headers");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
            out = null;
            in = null;
        }
    }
}
