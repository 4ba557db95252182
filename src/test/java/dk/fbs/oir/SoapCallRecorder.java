package dk.fbs.oir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every SOAP call that reaches the simulated debtor systems, before anything else sees it
 * (also calls refused by the fault DOWN): when, which application node sent it (the {@code node}
 * query parameter a test puts in that node's ØiR endpoint URLs) and its idempotency reference. So a
 * test can tell a request that was deduplicated from one that was sent only once. Bodies are not
 * kept: they carry CPR numbers. Add to a test with {@code @Import(SoapCallRecorder.Registration.class)}.
 */
public class SoapCallRecorder extends OncePerRequestFilter {

    private static final Pattern REFERENCE = Pattern.compile("IdempotensReference>([^<]*)</");
    private static final Pattern NODE = Pattern.compile("(?:^|&)node=([^&]*)");

    /** One call; {@code answered} once the simulator has answered it (or failed to). */
    public record Call(Instant at, String node, String idempotencyRef, AtomicBoolean answered) {
        public boolean creates() {
            return idempotencyRef != null && idempotencyRef.contains("/opret/");
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** Every call so far with this idempotency reference, in order. */
    public List<Call> calls(String idempotencyRef) {
        return calls.stream()
                .filter(c -> idempotencyRef.equals(c.idempotencyRef()))
                .toList();
    }

    /** Every call so far. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Calls that have arrived and not yet been answered. */
    public List<Call> inFlight() {
        return calls.stream().filter(c -> !c.answered().get()).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        Matcher reference = REFERENCE.matcher(new String(body, StandardCharsets.UTF_8));
        Matcher node = NODE.matcher(request.getQueryString() == null ? "" : request.getQueryString());
        Call call = new Call(
                Instant.now(),
                node.find() ? node.group(1) : null,
                reference.find() ? reference.group(1) : null,
                new AtomicBoolean());
        calls.add(call);
        try {
            chain.doFilter(new Replayed(request, body), response);
        } finally {
            call.answered().set(true);
        }
    }

    /** The request with its body, already read, to read once more. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new DelegatingServletInputStream(new ByteArrayInputStream(body));
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {
        @Bean
        SoapCallRecorder soapCallRecorder() {
            return new SoapCallRecorder();
        }

        @Bean
        FilterRegistrationBean<SoapCallRecorder> soapCallRecorderRegistration(SoapCallRecorder recorder) {
            FilterRegistrationBean<SoapCallRecorder> registration = new FilterRegistrationBean<>(recorder);
            registration.addUrlPatterns("/services/simulator/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
