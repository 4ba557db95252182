package dk.fbs.oir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.fbs.oir.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class RememberedLoginsTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger checks = new AtomicInteger();
    private final RememberedLogins logins = new RememberedLogins(counting(passwords()), Duration.ofMinutes(5), clock);

    @Test
    void aRepeatedLoginIsCheckedOnceWithTheSameRoles() {
        assertThat(roles(logins.authenticate(login("fbs", "secret")))).containsExactly("ROLE_FBS");
        assertThat(roles(logins.authenticate(login("fbs", "secret")))).containsExactly("ROLE_FBS");
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefused() {
        logins.authenticate(login("fbs", "secret"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> logins.authenticate(login("fbs", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(3);
        assertThatThrownBy(() -> logins.authenticate(login("drift", "secret")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aLoginIsRememberedForFiveMinutes() {
        logins.authenticate(login("fbs", "secret"));
        clock.advance(Duration.ofMinutes(5));
        logins.authenticate(login("fbs", "secret"));
        assertThat(checks).hasValue(2);
    }

    private AuthenticationProvider passwords() {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("fbs")
                        .password(encoder.encode("secret"))
                        .roles("FBS")
                        .build(),
                User.withUsername("drift")
                        .password(encoder.encode("other"))
                        .roles("OPERATOR")
                        .build());
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    private AuthenticationProvider counting(AuthenticationProvider provider) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                checks.incrementAndGet();
                return provider.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return provider.supports(authentication);
            }
        };
    }

    private static UsernamePasswordAuthenticationToken login(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    private static java.util.List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }
}
