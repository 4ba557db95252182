package dk.fbs.oir.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request to {@code /api} larger than any real charge (default 64 KiB) is refused with 413
 * before it is read, so an oversized body cannot tie up memory; a body without a declared length
 * (chunked) is cut off at the same size and then fails as unreadable (400). FBS' batch
 * ({@code /api/v1/charge-batches}, at most 1,000 charges) has its own limit, default 8 MiB: 8 KiB
 * a charge, where one with every text at its longest and escaped is under 7 KiB.
 */
@Configuration
class RequestSizeLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiRequestSizeLimit(
            @Value("${api.max-request-bytes:65536}") long maxRequestBytes,
            @Value("${api.max-batch-request-bytes:8388608}") long maxBatchBytes) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        boolean hasBody = "POST".equals(request.getMethod()) || "PUT".equals(request.getMethod());
                        long maxBytes =
                                request.getRequestURI().equals(request.getContextPath() + ChargeBatchController.PATH)
                                        ? maxBatchBytes
                                        : maxRequestBytes;
                        long length = request.getContentLengthLong();
                        boolean model = "application/octet-stream"
                                .equals(request.getContentType()); // operators' BPMN/DMN files
                        if (hasBody && !model && length > maxBytes) {
                            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                            response.setContentType("application/problem+json");
                            response.getWriter()
                                    .write("{\"title\":\"Request body too large\",\"status\":413,\"detail\":\"At most "
                                            + maxBytes + " bytes\"}");
                            return;
                        }
                        chain.doFilter(
                                hasBody && !model && length < 0 ? new Capped(request, maxBytes) : request, response);
                    }
                });
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** A body of unknown length, read no further than the limit. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long maxBytes;

        Capped(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                /** Reads in blocks (InputStream's own would go byte by byte, and swallow the error after the first). */
                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int bytes) throws IOException {
                    read += bytes;
                    if (read > maxBytes) {
                        throw new IOException("Request body larger than " + maxBytes + " bytes");
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
