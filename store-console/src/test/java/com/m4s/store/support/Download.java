package com.m4s.store.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A file a test downloads from the service as a browser would (a GET with the user's token and language). */
public record Download(int status, String contentType, String contentDisposition, byte[] body) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static Download get(int port, String path, String token, String language) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language)
                .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
                        + " application/problem+json")
                .timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body read back as an Excel workbook. */
    public XSSFWorkbook workbook() {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
