package dk.fbs.oir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A debtor system on a free loopback port that stands between our CXF client and the simulator:
 * it passes every SOAP call on to the simulator's endpoint, except an OpretFordring for a charge
 * it was told to answer itself, which gets the (hostile) answer it was given.
 */
public final class FakeDebtorSystem implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
    private volatile String forwardTo;

    private FakeDebtorSystem(HttpServer server) {
        this.server = server;
    }

    public static FakeDebtorSystem start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeDebtorSystem fake = new FakeDebtorSystem(server);
            server.createContext("/", fake::handle);
            server.setExecutor(fake.threads);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/debitor";
    }

    /** Where calls go that are not answered here, e.g. the simulator's endpoint for this system. */
    public void forwardTo(String url) {
        forwardTo = url;
    }

    /** From now on an OpretFordring for this charge is answered with {@code soapResponse} (HTTP 200, text/xml). */
    public void answerOpretFordring(String fbsChargeId, String soapResponse) {
        answered.put(fbsChargeId, new AtomicInteger());
        answers.put(fbsChargeId, soapResponse);
    }

    /** How many OpretFordring calls for the charge got the hostile answer. */
    public int timesAnswered(String fbsChargeId) {
        AtomicInteger n = answered.get(fbsChargeId);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String text = new String(request, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> answer : answers.entrySet()) {
                if (text.contains("OpretFordringAnmodning") && text.contains(">" + answer.getKey() + "<")) {
                    answered.get(answer.getKey()).incrementAndGet();
                    respond(
                            exchange,
                            200,
                            "text/xml; charset=UTF-8",
                            answer.getValue().getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            if (forwardTo == null) {
                respond(exchange, 503, "text/plain", new byte[0]);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(forwardTo))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request));
            for (String header : new String[] {"Content-Type", "SOAPAction"}) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    forward.header(header, value);
                }
            }
            HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            respond(
                    exchange,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("text/xml"),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
