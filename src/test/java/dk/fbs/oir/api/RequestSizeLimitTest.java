package dk.fbs.oir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletRequest;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The batch has its own, larger limit; every other path keeps the single charge's, with or without a length. */
class RequestSizeLimitTest {

    private static final int LIMIT = 100;
    private static final int BATCH_LIMIT = 1000;
    private final Filter filter =
            new RequestSizeLimit().apiRequestSizeLimit(LIMIT, BATCH_LIMIT).getFilter();

    @ParameterizedTest(name = "{0} with {1} bytes: passed {2}")
    @CsvSource({
        "/api/v1/charge-batches, 1000, true",
        "/api/v1/charge-batches, 1001, false",
        "/api/v1/charges,        100,  true",
        "/api/v1/charges,        101,  false",
        "/api/v1/charge-batches/x, 101, false",
        "/api/v1/debtors/search, 1000, false"
    })
    void aBodyOfDeclaredLength(String path, int bytes, boolean passed) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(post(path, bytes, false), response, chain);

        assertThat(chain.getRequest() != null).isEqualTo(passed);
        assertThat(response.getStatus()).isEqualTo(passed ? 200 : 413);
    }

    @ParameterizedTest(name = "{0} with {1} bytes, no length: read {2}")
    @CsvSource({
        "/api/v1/charge-batches, 1000, true",
        "/api/v1/charge-batches, 1001, false",
        "/api/v1/charges,        101,  false"
    })
    void aBodyWithoutLengthIsCutOffAtTheLimit(String path, int bytes, boolean read) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(post(path, bytes, true), new MockHttpServletResponse(), chain);

        ServletRequest passed = chain.getRequest();
        if (read) {
            assertThat(passed.getInputStream().readAllBytes()).hasSize(bytes);
        } else {
            assertThatThrownBy(() -> passed.getInputStream().readAllBytes()).isInstanceOf(IOException.class);
        }
    }

    private static MockHttpServletRequest post(String path, int bytes, boolean chunked) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return chunked ? -1 : super.getContentLengthLong();
            }
        };
        request.setContentType("application/json");
        request.setContent(new byte[bytes]);
        return request;
    }
}
