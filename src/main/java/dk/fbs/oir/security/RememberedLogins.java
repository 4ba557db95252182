package dk.fbs.oir.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic for machine clients without paying a bcrypt check on every request. The API is
 * stateless, so every request of FBS' nightly batch carries the password, and bcrypt (deliberately
 * slow: about 60 ms of CPU each, see bench/README.md) would cap the whole machine at a few dozen
 * requests a second. After a successful check the client's credentials are remembered for a
 * short time as an HMAC under a key made up at start (never the password itself); the same
 * credentials then pass at the cost of one HMAC. A wrong password is never remembered, so it always
 * takes the full check and guessing stays as slow as bcrypt makes it.
 */
public class RememberedLogins implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Remembered> logins = new ConcurrentHashMap<>();

    private record Remembered(byte[] mac, Authentication authentication, Instant until) {}

    public RememberedLogins(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String username = authentication.getName();
        byte[] mac = mac(username, password);
        Instant now = clock.instant();
        Remembered remembered = logins.get(username);
        if (remembered != null && now.isBefore(remembered.until()) && MessageDigest.isEqual(remembered.mac(), mac)) {
            Authentication known = remembered.authentication();
            return UsernamePasswordAuthenticationToken.authenticated(
                    known.getPrincipal(), null, known.getAuthorities());
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            logins.put(username, new Remembered(mac, result, now.plus(ttl)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private byte[] mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
