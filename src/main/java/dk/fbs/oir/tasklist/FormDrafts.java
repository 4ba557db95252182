package dk.fbs.oir.tasklist;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist keeps a form's draft ("Gem") in the browser's local storage until the task is completed,
 * with everything the form submits: the decision, notes, a corrected name or CPR number, and the
 * facts it shows. Caseworkers share computers, so no draft outlives a login: the answers to
 * Camunda's login and logout ({@code /camunda/api/admin/auth/user/<engine>/login/<app>},
 * {@code …/logout}) tell the browser to clear the site's storage ({@code Clear-Site-Data: "storage"}).
 * A draft therefore lasts while its author stays logged in; after a logout, or a new login on the
 * same computer, the task opens with an empty form.
 */
@Configuration
public class FormDrafts {

    static final String AUTH = "/camunda/api/admin/auth/user/";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> formDraftsClearedAtLoginAndLogout() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new ClearStorage());
        registration.addUrlPatterns(AUTH + "*");
        return registration;
    }

    static class ClearStorage extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if ("POST".equals(request.getMethod())
                    && path.startsWith(AUTH)
                    && (path.endsWith("/logout") || path.contains("/login/"))) {
                response.setHeader("Clear-Site-Data", "\"storage\"");
            }
            chain.doFilter(request, response);
        }
    }
}
