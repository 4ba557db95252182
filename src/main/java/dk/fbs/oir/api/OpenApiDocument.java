package dk.fbs.oir.api;

import dk.fbs.oir.routing.Route;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.math.BigDecimal;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api} ({@code /v3/api-docs}) describes itself: title, version, the
 * HTTP Basic login every operation needs, and the RFC 7807 problem details of its errors. It is
 * kept as {@code docs/openapi.json}; {@code OpenApiDocumentTest} fails when the served document
 * differs, so a change of FBS' contract is always deliberate.
 */
@Configuration
class OpenApiDocument {

    /** The contract's version: the {@code v1} of its paths. Fields are added, never renamed. */
    static final String VERSION = "1";

    private static final String BASIC = "basicAuth";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    static {
        // how MoneyOutput writes every amount of an answer (a request's amount says more in its own schema)
        SpringDocUtils.getConfig()
                .replaceWithSchema(
                        BigDecimal.class,
                        new StringSchema()
                                .pattern("^-?\\d+\\.\\d{2}$")
                                .example("125.00")
                                .description("DKK as a decimal string with two places"));
        // a route is a debtor system's name or FBS_INTERNAL: listed from the one register of debtor systems
        SpringDocUtils.getConfig()
                .replaceWithSchema(
                        Route.class,
                        new StringSchema()
                                ._enum(Route.values().stream().map(Route::name).toList()));
    }

    @Bean
    OpenAPI fbsContract() {
        return new OpenAPI()
                .info(new Info()
                        .title("FBS debitorintegration gennem ØiR")
                        .version(VERSION)
                        .description(
                                "FBS hands its fees and replacement charges over and reads where each stands; operators and"
                                        + " debtor systems use the rest. Money is kroner as a decimal string with two places (\"125.00\") in"
                                        + " every answer, and digits with at most two decimals in every request. Errors are RFC 7807 problem"
                                        + " details (application/problem+json); a 400 names each bad field in `errors` and `detail`. The CPR"
                                        + " number only ever travels in a request body, and answers show it masked."))
                .servers(List.of(new Server().url("/").description("this application")))
                .components(
                        new Components()
                                .addSecuritySchemes(
                                        BASIC,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("basic")
                                                .description(
                                                        "HTTP Basic over TLS; each client has a role: FBS for charges and debtor search,"
                                                                + " DEBTOR_SYSTEM for notifications, OPERATOR for parked events, deployments and reconciliation")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** The error answers each operation can give, added where the operation does not describe them itself. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problem());
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> addProblems(path, method, operation)));
        };
    }

    private static void addProblems(String path, HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (takesInput(operation)) {
            responses.putIfAbsent("400", problem("Invalid request: `errors` names each bad field"));
        }
        responses.putIfAbsent("401", new ApiResponse().description("No or wrong login (HTTP Basic)"));
        responses.putIfAbsent("403", new ApiResponse().description("The client's role may not do this"));
        if (path.contains("{fbsChargeId}")) {
            responses.putIfAbsent("404", problem("Unknown charge"));
        }
        if (method == HttpMethod.POST && path.startsWith("/api/v1/charges")) {
            responses.putIfAbsent("409", problem("Not possible for this charge now (see the operation's description)"));
        }
        responses.putIfAbsent("500", problem("Not handled; nothing was changed"));
    }

    /** A body, or a parameter that is checked (an unknown fbsChargeId is a 404, not a 400). */
    private static boolean takesInput(Operation operation) {
        return operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && operation.getParameters().stream().anyMatch(p -> !"fbsChargeId".equals(p.getName())));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("RFC 7807 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("amount " + MoneyInput.MESSAGE))
                .addProperty("instance", new StringSchema().example("/api/v1/charges"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("each bad field (400 only)")
                                .items(new ObjectSchema()
                                        .addProperty(
                                                "field",
                                                new StringSchema()
                                                        .description("JSON path of the field")
                                                        .example("amount"))
                                        .addProperty("message", new StringSchema().example(MoneyInput.MESSAGE))));
    }
}
