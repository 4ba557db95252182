package dk.fbs.oir.security;

import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Expressions in queries are code the engine evaluates for whoever sends them, beyond the reach of
 * authorizations. Camunda 7.24 (the last community release) has no validation hook for them, so
 * this filter stands in front of {@code /engine-rest} and the webapps' APIs: any {@code ${…}} or
 * {@code #{…}} in a query string or body — nested {@code orQueries} and JSON unicode escapes
 * included — is refused with 400 unless it is one of the Tasklist helpers on the allow-list.
 */
@Configuration
public class QueryExpressionGuard {

    /** The start of an expression, also when written with JSON unicode escapes or spaces. */
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
    /** Allowed: currentUser(), currentUserGroups(), now(), and dateTime() with plus/minus steps. */
    private static final Pattern ALLOWED = Pattern.compile("\\$\\{(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
            + "|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\d{1,4}\\))*"
            + "(\\.toDate\\(\\))?)}");

    private static final int MAX_BODY = 1 << 20;
    /**
     * Bodies that carry data, not queries: variable values the engine stores and never evaluates
     * (a caseworker may well type "${" in a note). Their query strings are still checked.
     */
    private static final Pattern DATA_BODY = Pattern.compile(
            ".*/(submit-form|complete|resolve|variables(/.*)?|localVariables(/.*)?|start|message|signal|modification"
                    + "|deployment/create)$");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> queryExpressionFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        if (isForm(request)) { // the container parses the body into parameters: check those
                            String parameters = String.join(
                                    "\n",
                                    request.getParameterMap().values().stream()
                                            .flatMap(Arrays::stream)
                                            .toList());
                            Optional<String> refused = firstForbidden(parameters);
                            if (refused.isPresent()) {
                                refuse(
                                        response,
                                        HttpServletResponse.SC_BAD_REQUEST,
                                        "Expression not allowed: " + refused.get());
                                return;
                            }
                            chain.doFilter(request, response);
                            return;
                        }
                        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
                        if (body.length > MAX_BODY) {
                            refuse(
                                    response,
                                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                                    "The request body is too large");
                            return;
                        }
                        String query = request.getQueryString() == null
                                ? ""
                                : URLDecoder.decode(
                                        request.getQueryString().replace("+", "%2B"), StandardCharsets.UTF_8);
                        boolean dataBody =
                                DATA_BODY.matcher(request.getRequestURI()).matches();
                        Optional<String> refused = firstForbidden(query)
                                .or(() -> dataBody
                                        ? Optional.empty()
                                        : firstForbidden(new String(body, StandardCharsets.UTF_8)));
                        if (refused.isPresent()) {
                            refuse(
                                    response,
                                    HttpServletResponse.SC_BAD_REQUEST,
                                    "Expression not allowed in a query: " + refused.get()
                                            + ". Allowed: ${currentUser()}, ${currentUserGroups()}, ${now()}, ${dateTime()…}");
                            return;
                        }
                        chain.doFilter(new CachedBodyRequest(request, body), response);
                    }
                });
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Integer.MIN_VALUE + 200);
        return registration;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/"));
    }

    /** The first expression in the text that is not on the allow-list, shortened for the answer. */
    static Optional<String> firstForbidden(String text) {
        String normalized = text.replaceAll("(?i)\\\\u0024", "\\$")
                .replaceAll("(?i)\\\\u0023", "#")
                .replaceAll("(?i)\\\\u007b", "{");
        Matcher start = EXPRESSION.matcher(normalized);
        while (start.find()) {
            int end = normalized.indexOf('}', start.end());
            String expression =
                    end < 0 ? normalized.substring(start.start()) : normalized.substring(start.start(), end + 1);
            if (!ALLOWED.matcher(expression).matches()) {
                return Optional.of(expression.length() > 80 ? expression.substring(0, 80) + "…" : expression);
            }
        }
        return Optional.empty();
    }

    private static void refuse(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"title\":\"Refused\",\"status\":" + status + ",\"detail\":" + TextNode.valueOf(detail) + "}");
    }

    /** Serves a body that was read ahead once more. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
