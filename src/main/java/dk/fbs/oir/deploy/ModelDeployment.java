package dk.fbs.oir.deploy;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.stereotype.Service;

/**
 * Deploys a changed BPMN or DMN file into the running application, as the jar's own deployment
 * would (same deployment name, source and resource path, deploy-changed-only): an unchanged file
 * makes no new version. The file should then also go into processes/ or dmn/ for the next release,
 * or the next start deploys the jar's older file as yet another version.
 */
@Service
public class ModelDeployment {

  /** The process archive of META-INF/processes.xml, and Camunda's source of process application deployments. */
  static final String ARCHIVE = "fbs-oir-debtor";
  static final String SOURCE = "process application";

  private final RepositoryService repository;

  public ModelDeployment(RepositoryService repository) {
    this.repository = repository;
  }

  public record Deployed(String deploymentId, List<String> newVersions) {}

  public Deployed deploy(String fileName, byte[] content) {
    if (!fileName.matches("[a-z0-9-]+\\.(bpmn|dmn)")) {
      throw new IllegalArgumentException("A model file is named like charge.bpmn or reminder-policy.dmn, not '"
          + fileName + "'");
    }
    String resource = (fileName.endsWith(".bpmn") ? "processes/" : "dmn/") + fileName;
    DeploymentWithDefinitions deployment = repository.createDeployment()
        .name(ARCHIVE)
        .source(SOURCE)
        .enableDuplicateFiltering(true)
        .addInputStream(resource, new ByteArrayInputStream(content))
        .deployWithResult();
    // an unchanged file is filtered out: the deployment then has no definitions at all (null)
    List<String> versions = new java.util.ArrayList<>();
    java.util.Optional.ofNullable(deployment.getDeployedProcessDefinitions())
        .ifPresent(list -> list.forEach(d -> versions.add(describe(d))));
    java.util.Optional.ofNullable(deployment.getDeployedDecisionDefinitions())
        .ifPresent(list -> list.forEach(d -> versions.add(describe(d))));
    return new Deployed(deployment.getId(), versions);
  }

  private static String describe(ResourceDefinition definition) {
    return definition.getKey() + " version " + definition.getVersion();
  }
}
