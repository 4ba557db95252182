package dk.fbs.oir.serviceplatform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secured demo of the profile {@code serviceplatformen}: where its test CA and certificates are
 * made at first start, their password, and the HTTPS port of the simulated Serviceplatformen
 * (0: any free port, published as {@code local.serviceplatform.port}).
 */
@ConfigurationProperties("serviceplatform.demo")
public class DemoSettings {

    private Path directory = Path.of("data", "serviceplatform");
    private String password;
    private int port = 8443;

    public Path getDirectory() {
        return directory;
    }

    public void setDirectory(Path directory) {
        this.directory = directory;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }
}
