package dk.fbs.oir.bench;

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

/** FBS' nightly batch as the benchmark posts it: charge i's body, and concurrent clients posting them. */
final class ChargeLoad {

    static final LocalDate OCCURRED_ON = LocalDate.now().minusDays(1);

    private final URI chargesUri;
    private final String authorization;
    private final int clients;
    private final List<String> municipalities;

    ChargeLoad(URI chargesUri, String authorization, int clients, List<String> municipalities) {
        this.chargesUri = chargesUri;
        this.authorization = authorization;
        this.clients = clients;
        this.municipalities = municipalities;
    }

    /** Latencies and outcomes of the posts. */
    static final class Intake {
        final long[] serviceNanos;
        final long[] responseNanos;
        final AtomicInteger errors = new AtomicInteger();
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final AtomicReference<String> firstError = new AtomicReference<>();
        volatile long endNanos;

        Intake(int n) {
            serviceNanos = new long[n];
            responseNanos = new long[n];
        }
    }

    /**
     * Posts charges {@code 0..n-1} with the configured clients. With a rate, request i is due at
     * {@code i / rate}; its response time is measured from then (so a slow server cannot hide its
     * queue: no coordinated omission), its service time from when it was sent.
     */
    Intake post(String prefix, int n, double rate) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        Intake intake = new Intake(n);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(
                    () -> {
                        int i;
                        while ((i = next.getAndIncrement()) < n) {
                            long due = rate > 0 ? t0 + (long) (i * 1e9 / rate) : System.nanoTime();
                            long wait;
                            while ((wait = due - System.nanoTime()) > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            String municipality = municipalities.get(i % municipalities.size());
                            HttpRequest request = HttpRequest.newBuilder(chargesUri)
                                    .header("Authorization", authorization)
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(60))
                                    .POST(HttpRequest.BodyPublishers.ofString(body(prefix, i, municipality)))
                                    .build();
                            long sent = System.nanoTime();
                            int status;
                            String error = null;
                            try {
                                HttpResponse<String> response =
                                        http.send(request, HttpResponse.BodyHandlers.ofString());
                                status = response.statusCode();
                                if (status != 202) {
                                    error = status + " " + response.body();
                                }
                            } catch (IOException | InterruptedException e) {
                                status = -1;
                                error = e.toString();
                            }
                            long done = System.nanoTime();
                            intake.serviceNanos[i] = done - sent;
                            intake.responseNanos[i] = done - due;
                            intake.statuses
                                    .computeIfAbsent(status, s -> new AtomicInteger())
                                    .incrementAndGet();
                            if (error != null) {
                                intake.errors.incrementAndGet();
                                intake.firstError.compareAndSet(null, error);
                            }
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

    /** Debtor i's CPR number: valid (the first six digits a date), one the simulator knows (not ending 0000). */
    static String cpr(int i) {
        return String.format(
                Locale.ROOT, "%02d%02d%02d%04d", 1 + i % 28, 1 + (i / 28) % 12, 50 + (i / 336) % 50, 1000 + i % 9000);
    }

    /** Charge i's amount in øre: 20.00 to 499.99 kroner. */
    static long amountOre(int i) {
        return (20 + i % 480) * 100L + i % 100;
    }

    static String body(String prefix, int i, String municipality) {
        long amount = amountOre(i);
        return """
        {"fbsChargeId":"BENCH-%s-%07d","municipalityCode":"%s","debtor":{"cpr":"%s","name":"Benchmark Borger %d"},\
        "type":"OVERDUE_FEE","amount":"%d.%02d","description":"Overskredet lånetid",\
        "materialId":"870970-basis:%08d","branch":"Hovedbiblioteket","occurredOn":"%s"}""".formatted(prefix, i, municipality, cpr(i), i, amount / 100, amount % 100, i, OCCURRED_ON);
    }
}
