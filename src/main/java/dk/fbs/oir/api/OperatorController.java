package dk.fbs.oir.api;

import dk.fbs.oir.debtorsystem.ConnectionCheck;
import dk.fbs.oir.deploy.InstanceMigration;
import dk.fbs.oir.deploy.ModelDeployment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Operators' commands (role OPERATOR). */
@RestController
@RequestMapping("/api/v1/operator")
@Tag(name = "Operators")
public class OperatorController {

    private final InstanceMigration migration;
    private final ModelDeployment deployment;
    private final ConnectionCheck connections;

    public OperatorController(InstanceMigration migration, ModelDeployment deployment, ConnectionCheck connections) {
        this.migration = migration;
        this.deployment = deployment;
        this.connections = connections;
    }

    @PostMapping("/connection-checks")
    @Operation(
            summary = "Check every ØiR endpoint with one read-only call",
            description =
                    "Over each endpoint's security (on Serviceplatformen: mutual TLS with the function certificate"
                            + " and the check municipality as authority), reads the events of oir.endpoints.<system>.check-municipality"
                            + " without changing anything. Answers OK, FAILED with the reason, or NOT_CONFIGURED per debtor system.")
    public List<ConnectionCheck.CheckResult> checkConnections() {
        return connections.checkAll();
    }

    @PostMapping(path = "/deployments", consumes = "application/octet-stream")
    @Operation(
            summary = "Deploy a changed BPMN or DMN file without a new jar",
            description =
                    "curl -u drift:… --data-binary @processes/charge.bpmn -H 'Content-Type: application/octet-stream'"
                            + " '…/api/v1/operator/deployments?file=charge.bpmn'. Deploy-changed-only: an unchanged file makes no new"
                            + " version. Answers the new versions.")
    public ModelDeployment.Deployed deploy(@RequestParam String file, @RequestBody byte[] content) {
        try {
            return deployment.deploy(file, content);
        } catch (IllegalArgumentException badName) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, badName.getMessage());
        }
    }

    public record MigrationRequest(@NotBlank String processDefinitionKey) {}

    @PostMapping("/migrations")
    @Operation(
            summary = "Move running instances to the newest version of their process",
            description = "Instance by instance with a Camunda migration plan mapping equal activity ids; reports the"
                    + " instances that cannot be moved and why, and leaves them untouched on their version.")
    public InstanceMigration.Report migrate(@Valid @RequestBody MigrationRequest request) {
        try {
            return migration.migrateToLatest(request.processDefinitionKey());
        } catch (IllegalArgumentException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.getMessage());
        }
    }
}
