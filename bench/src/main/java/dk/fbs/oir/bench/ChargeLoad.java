package dk.fbs.oir.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * FBS' nightly batch as the benchmark posts it: charge i's body, and concurrent clients posting
 * the charges one per request, or in batches (a JSON array per request).
 */
final class ChargeLoad {

    static final LocalDate OCCURRED_ON = LocalDate.now().minusDays(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String authorization;
    private final int clients;
    private final List<String> municipalities;

    ChargeLoad(String authorization, int clients, List<String> municipalities) {
        this.authorization = authorization;
        this.clients = clients;
        this.municipalities = municipalities;
    }

    /** Latencies (per request) and outcomes (per charge) of the posts. */
    static final class Intake {
        final int requests;
        final long[] serviceNanos;
        final long[] responseNanos;
        final AtomicInteger errors = new AtomicInteger();
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final AtomicReference<String> firstError = new AtomicReference<>();
        volatile long endNanos;

        Intake(int requests) {
            this.requests = requests;
            serviceNanos = new long[requests];
            responseNanos = new long[requests];
        }

        private void count(int status, String error) {
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (error != null) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, error);
            }
        }
    }

    /**
     * Posts charges {@code 0..n-1} with the configured clients, one per request to {@code single},
     * or {@code batchSize} per request to {@code batch} when that is given. With a rate (requests
     * per second), request r is due at {@code r / rate}; its response time is measured from then
     * (so a slow server cannot hide its queue: no coordinated omission), its service time from
     * when it was sent.
     */
    Intake post(URI single, URI batch, int batchSize, String prefix, int n, double rate) throws InterruptedException {
        int perRequest = batch == null ? 1 : batchSize;
        int requests = (n + perRequest - 1) / perRequest;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        Intake intake = new Intake(requests);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < Math.min(clients, requests); c++) {
            Thread client = new Thread(
                    () -> {
                        int r;
                        while ((r = next.getAndIncrement()) < requests) {
                            long due = rate > 0 ? t0 + (long) (r * 1e9 / rate) : System.nanoTime();
                            long wait;
                            while ((wait = due - System.nanoTime()) > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            int from = r * perRequest;
                            int to = Math.min(n, from + perRequest);
                            long sent = System.nanoTime();
                            if (batch == null) {
                                single(http, single, prefix, from, intake);
                            } else {
                                batch(http, batch, prefix, from, to, intake);
                            }
                            long done = System.nanoTime();
                            intake.serviceNanos[r] = done - sent;
                            intake.responseNanos[r] = done - due;
                        }
                    },
                    "bench-client-" + c);
            client.start();
            threads.add(client);
        }
        for (Thread client : threads) {
            client.join();
        }
        intake.endNanos = System.nanoTime();
        return intake;
    }

    private void single(HttpClient http, URI uri, String prefix, int i, Intake intake) {
        try {
            HttpResponse<String> response =
                    http.send(request(uri, body(prefix, i)), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            intake.count(status, status == 202 ? null : status + " " + response.body());
        } catch (IOException | InterruptedException e) {
            intake.count(-1, e.toString());
        }
    }

    /** A batch's answer is 200 with each charge's own status: those are counted. */
    private void batch(HttpClient http, URI uri, String prefix, int from, int to, Intake intake) {
        String body =
                IntStream.range(from, to).mapToObj(i -> body(prefix, i)).collect(Collectors.joining(",", "[", "]"));
        try {
            HttpResponse<String> response = http.send(request(uri, body), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                for (int i = from; i < to; i++) {
                    intake.count(response.statusCode(), response.statusCode() + " " + response.body());
                }
                return;
            }
            for (JsonNode result : JSON.readTree(response.body()).path("results")) {
                int status = result.path("status").asInt();
                intake.count(status, status == 202 ? null : result.toString());
            }
        } catch (IOException | InterruptedException e) {
            for (int i = from; i < to; i++) {
                intake.count(-1, e.toString());
            }
        }
    }

    private HttpRequest request(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Debtor i's CPR number: valid (the first six digits a date), one the simulator knows (not ending 0000). */
    static String cpr(int i) {
        return String.format(
                Locale.ROOT, "%02d%02d%02d%04d", 1 + i % 28, 1 + (i / 28) % 12, 50 + (i / 336) % 50, 1000 + i % 9000);
    }

    /** Charge i's amount in øre: 20.00 to 499.99 kroner. */
    static long amountOre(int i) {
        return (20 + i % 480) * 100L + i % 100;
    }

    /** Charge i, of a municipality round robin. */
    String body(String prefix, int i) {
        String municipality = municipalities.get(i % municipalities.size());
        long amount = amountOre(i);
        return """
        {"fbsChargeId":"BENCH-%s-%07d","municipalityCode":"%s","debtor":{"cpr":"%s","name":"Benchmark Borger %d"},\
        "type":"OVERDUE_FEE","amount":"%d.%02d","description":"Overskredet lånetid",\
        "materialId":"870970-basis:%08d","branch":"Hovedbiblioteket","occurredOn":"%s"}""".formatted(prefix, i, municipality, cpr(i), i, amount / 100, amount % 100, i, OCCURRED_ON);
    }
}
