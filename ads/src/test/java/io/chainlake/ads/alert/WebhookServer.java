package io.chainlake.ads.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local chat-bot webhook for tests: records every POST and answers the first {@code failures} of them with
 * {@code failureStatus}, then 200.
 */
public final class WebhookServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Received(long nanoTime, String idempotencyKey, String body, int answeredWith) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft;
    private final int failureStatus;

    public WebhookServer(int failures, int failureStatus) {
        this.failuresLeft = new AtomicInteger(failures);
        this.failureStatus = failureStatus;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? failureStatus : 200;
            synchronized (received) {
                received.add(new Received(System.nanoTime(), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        body, status));
            }
            byte[] answer = (status == 200 ? "ok" : "try later").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public static WebhookServer accepting() {
        return new WebhookServer(0, 200);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=secret");
    }

    public WebhookSettings settings(int maxAttempts, Duration backoff) {
        return new WebhookSettings(url(), maxAttempts, backoff, Duration.ofSeconds(5));
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> accepted() {
        return received().stream().filter(r -> r.answeredWith() == 200).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
