package dk.fbs.oir.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Service;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Deploys a changed BPMN or DMN file into the running application, as the jar's own deployment
 * would (same deployment name, source and resource path, deploy-changed-only): an unchanged file
 * makes no new version. The file should then also go into processes/ or dmn/ for the next release,
 * or the next start deploys the jar's older file as yet another version. A process goes out with
 * the jar's forms (forms/*.form): its user tasks bind the Camunda Form of their own deployment.
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
            throw new IllegalArgumentException(
                    "A model file is named like charge.bpmn or reminder-policy.dmn, not '" + fileName + "'");
        }
        String resource = (fileName.endsWith(".bpmn") ? "processes/" : "dmn/") + fileName;
        requireWellFormed(fileName, content);
        DeploymentWithDefinitions deployment;
        try {
            if (fileName.endsWith(".dmn")) {
                requireNewVersionTags(content);
            }
            var builder = repository
                    .createDeployment()
                    .name(ARCHIVE)
                    .source(SOURCE)
                    .addInputStream(resource, new ByteArrayInputStream(content));
            if (fileName.endsWith(".bpmn")) {
                // the forms go out with every new version of a process (deploy-changed-only would leave the
                // unchanged forms out, and its user tasks without them); an unchanged process makes none
                if (Arrays.equals(content, latestProcessFile(resource))) {
                    return new Deployed(null, List.of());
                }
                forms().forEach((name, form) -> builder.addInputStream(name, new ByteArrayInputStream(form)));
            } else {
                builder.enableDuplicateFiltering(true);
            }
            deployment = builder.deployWithResult();
        } catch (ParseException | ModelException invalid) {
            throw new IllegalArgumentException(fileName + " is not a valid model: " + invalid.getMessage(), invalid);
        }
        // an unchanged file is filtered out: the deployment then has no definitions at all (null)
        List<String> versions = new ArrayList<>();
        Optional.ofNullable(deployment.getDeployedProcessDefinitions())
                .ifPresent(list -> list.forEach(d -> versions.add(describe(d))));
        Optional.ofNullable(deployment.getDeployedDecisionDefinitions())
                .ifPresent(list -> list.forEach(d -> versions.add(describe(d))));
        return new Deployed(deployment.getId(), versions);
    }

    /** The file of the process's latest version, or null before its first. */
    private byte[] latestProcessFile(String resource) {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionResourceName(resource)
                .orderByProcessDefinitionVersion()
                .desc()
                .listPage(0, 1)
                .stream()
                .findFirst()
                .map(latest -> {
                    try (var in = repository.getResourceAsStream(latest.getDeploymentId(), resource)) {
                        return in.readAllBytes();
                    } catch (IOException e) {
                        throw new IllegalStateException("The deployed " + resource + " cannot be read", e);
                    }
                })
                .orElse(null);
    }

    /** The jar's forms by resource name (forms/…), as the process application deploys them. */
    private static java.util.Map<String, byte[]> forms() {
        java.util.Map<String, byte[]> forms = new java.util.TreeMap<>();
        try {
            for (var form : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources("classpath*:forms/*.form")) {
                forms.put("forms/" + form.getFilename(), form.getContentAsByteArray());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The forms of the jar cannot be read", e);
        }
        return forms;
    }

    /** Well-formed XML without a DOCTYPE, so no entity is ever resolved or expanded, before any model parser sees it. */
    private static void requireWellFormed(String fileName, byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no "[Fatal Error]" on stderr
            builder.parse(new ByteArrayInputStream(content));
        } catch (SAXException | IOException notXml) {
            throw new IllegalArgumentException(
                    fileName + " is not well-formed XML without a DOCTYPE: " + notXml.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Processes bind their decisions by version tag, so running charges keep the rules they started
     * with: a changed decision must carry a new tag (and the BPMN's decisionRefVersionTag follow it).
     */
    private void requireNewVersionTags(byte[] content) {
        var model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            DecisionDefinition latest = repository
                    .createDecisionDefinitionQuery()
                    .decisionDefinitionKey(decision.getId())
                    .latestVersion()
                    .singleResult();
            if (latest == null
                    || decision.getVersionTag() == null
                    || !decision.getVersionTag().equals(latest.getVersionTag())) {
                continue;
            }
            byte[] deployed;
            try (var in = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
                deployed = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (!Arrays.equals(deployed, content)) {
                throw new IllegalArgumentException(
                        "Decision '" + decision.getId() + "' changed but keeps versionTag " + decision.getVersionTag()
                                + ": raise camunda:versionTag, and decisionRefVersionTag in the BPMN with it");
            }
        }
    }

    private static String describe(ResourceDefinition definition) {
        return definition.getKey() + " version " + definition.getVersion();
    }
}
