package dk.fbs.oir.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The machine clients of {@code /api}: FBS (role {@code FBS}), debtor systems pushing notifications
 * ({@code DEBTOR_SYSTEM}) and operators ({@code OPERATOR}). Passwords in Spring's encoded form,
 * e.g. {@code {bcrypt}$2a$10$…}. None by default: without configuration every call is refused.
 * From the environment: {@code SECURITY_CLIENTS_0_USERNAME}, {@code SECURITY_CLIENTS_0_PASSWORD},
 * {@code SECURITY_CLIENTS_0_ROLES_0}.
 */
@ConfigurationProperties("security")
public class ApiClientsProperties {

    private List<Client> clients = new ArrayList<>();

    /**
     * The cost of the bcrypt hashes this application makes itself (the simulator's own client, and
     * the hash it compares against for an unknown user); hashes given in configuration keep their own.
     */
    private int bcryptStrength = 10;

    public int getBcryptStrength() {
        return bcryptStrength;
    }

    public void setBcryptStrength(int bcryptStrength) {
        this.bcryptStrength = bcryptStrength;
    }

    public List<Client> getClients() {
        return clients;
    }

    public void setClients(List<Client> clients) {
        this.clients = clients;
    }

    public static class Client {
        private String username;
        private String password;
        private List<String> roles = new ArrayList<>();

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }
}
