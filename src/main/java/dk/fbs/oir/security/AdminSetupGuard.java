package dk.fbs.oir.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Admin webapp's first-run setup ({@code /camunda/api/admin/setup/**}) creates an administrator
 * without logging in. It answers 403 whenever an administrator exists, and always outside the
 * embedded demo: the initial administrator comes only from configuration (CAMUNDA_BPM_ADMINUSER_*).
 */
@Configuration
public class AdminSetupGuard {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> adminSetupFilter(IdentityService identity, Environment environment) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
                boolean adminExists = identity.createUserQuery()
                                .memberOfGroup(Groups.CAMUNDA_ADMIN)
                                .count()
                        > 0;
                if (!demo || adminExists) {
                    response.sendError(
                            HttpServletResponse.SC_FORBIDDEN, "The initial administrator comes from configuration");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setOrder(Integer.MIN_VALUE + 100);
        return registration;
    }
}
