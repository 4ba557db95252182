package dk.fbs.oir.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** No form draft outlives a login on a shared computer: login and logout clear the browser's storage. */
class FormDraftsTest {

    @Test
    void loginAndLogoutClearTheBrowsersStorage() throws Exception {
        assertThat(clearSiteData("POST", "/camunda/api/admin/auth/user/default/login/tasklist"))
                .isEqualTo("\"storage\"");
        assertThat(clearSiteData("POST", "/camunda/api/admin/auth/user/default/logout"))
                .isEqualTo("\"storage\"");
    }

    @Test
    void otherRequestsKeepIt() throws Exception {
        assertThat(clearSiteData("GET", "/camunda/api/admin/auth/user/default")).isNull();
        assertThat(clearSiteData("POST", "/camunda/api/engine/engine/default/task/1/submit-form"))
                .isNull();
    }

    private static String clearSiteData(String method, String uri) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new FormDrafts.ClearStorage().doFilter(request, response, new MockFilterChain());
        return response.getHeader("Clear-Site-Data");
    }
}
