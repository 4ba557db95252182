package dk.fbs.oir.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** security.bcrypt-strength sets the cost of the hashes we make; configured passwords keep their own form. */
class PasswordEncoderTest {

    private final PasswordEncoder encoder = encoder(4);

    @Test
    void newHashesAreBcryptOfTheConfiguredCost() {
        String hash = encoder.encode("secret");
        assertThat(hash).startsWith("{bcrypt}$2a$04$");
        assertThat(encoder.matches("secret", hash)).isTrue();
        assertThat(encoder(10).encode("secret")).startsWith("{bcrypt}$2a$10$");
    }

    @Test
    void configuredPasswordsKeepTheirOwnForm() {
        assertThat(encoder.matches("secret", "{bcrypt}" + new BCryptPasswordEncoder(10).encode("secret")))
                .isTrue();
        assertThat(encoder.matches("secret", "{noop}secret")).isTrue();
        assertThat(encoder.matches("wrong", "{noop}secret")).isFalse();
    }

    private static PasswordEncoder encoder(int strength) {
        ApiClientsProperties properties = new ApiClientsProperties();
        properties.setBcryptStrength(strength);
        return new SecurityConfiguration().passwordEncoder(properties);
    }
}
