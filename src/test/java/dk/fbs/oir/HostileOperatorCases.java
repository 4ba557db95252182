package dk.fbs.oir;

import static dk.fbs.oir.HostileInputTest.*;
import static dk.fbs.oir.HostileSoapCases.*;

import java.util.List;

/** Hostile input to the endpoints of debtor systems, operators and project leaders ({@link HostileInputTest}'s table). */
final class HostileOperatorCases {

    static List<Row> debtorsAndOperators() {
        String search = "{\"cpr\":\"0101901234\",\"municipalityCode\":\"101\"}";
        String notification = "{\"municipalityCode\":\"101\"}";
        String bpmn =
                "<?xml version=\"1.0\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                        + " targetNamespace=\"x\"><bpmn:process id=\"hostile\" isExecutable=\"true\">%s</bpmn:process></bpmn:definitions>";
        return List.of(
                json(
                        "debtor search",
                        "malformed CPR",
                        "fbs",
                        "/api/v1/debtors/search",
                        search,
                        "cpr",
                        b -> b.put("cpr", "01019O1234")),
                json(
                        "debtor search",
                        "CPR with SQL",
                        "fbs",
                        "/api/v1/debtors/search",
                        search,
                        "cpr",
                        b -> b.put("cpr", "1111111111' OR '1'='1")),
                json(
                        "debtor search",
                        "unknown municipality",
                        "fbs",
                        "/api/v1/debtors/search",
                        search,
                        "municipalityCode",
                        b -> b.put("municipalityCode", "999")),
                json(
                        "debtor search",
                        "municipality with markup",
                        "fbs",
                        "/api/v1/debtors/search",
                        search,
                        "municipalityCode",
                        b -> b.put("municipalityCode", "<b>101</b>")),
                json(
                        "debtor search",
                        "unknown field",
                        "fbs",
                        "/api/v1/debtors/search",
                        search,
                        "name",
                        b -> b.put("name", "Jens")),
                json(
                        "notification",
                        "unknown municipality",
                        "operator",
                        "/api/v1/debtor-systems/KMD_OPUS/notifications",
                        notification,
                        "municipalityCode",
                        b -> b.put("municipalityCode", "999")),
                json(
                        "notification",
                        "municipality with SQL",
                        "operator",
                        "/api/v1/debtor-systems/KMD_OPUS/notifications",
                        notification,
                        "municipalityCode",
                        b -> b.put("municipalityCode", "1 OR 1=1")),
                raw(
                        "notification",
                        "unknown debtor system in the path",
                        "operator",
                        "/api/v1/debtor-systems/NO_SUCH_SYSTEM/notifications",
                        "application/json",
                        id -> notification,
                        400,
                        "debtorSystem"),
                raw(
                        "deployment",
                        "file name with a path",
                        "operator",
                        "/api/v1/operator/deployments?file=../../charge.bpmn",
                        "application/octet-stream",
                        id -> bpmn.formatted(""),
                        400,
                        null),
                raw(
                        "deployment",
                        "BPMN with an external entity",
                        "operator",
                        "/api/v1/operator/deployments?file=hostile.bpmn",
                        "application/octet-stream",
                        id -> bpmn.formatted("<bpmn:startEvent id=\"s\" name=\"&x;\"/>")
                                .replace(
                                        "<bpmn:definitions",
                                        "<!DOCTYPE d [<!ENTITY x SYSTEM \"" + LEAK_TEXT.toUri()
                                                + "\">]><bpmn:definitions"),
                        400,
                        null),
                raw(
                        "deployment",
                        "DMN with entity expansion",
                        "operator",
                        "/api/v1/operator/deployments?file=hostile.dmn",
                        "application/octet-stream",
                        id -> "<?xml version=\"1.0\"?>" + LAUGHS
                                + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"&l9;\""
                                + " namespace=\"x\"/>",
                        400,
                        null),
                raw(
                        "deployment",
                        "not XML",
                        "operator",
                        "/api/v1/operator/deployments?file=hostile.bpmn",
                        "application/octet-stream",
                        id -> "<bpmn:definitions",
                        400,
                        null),
                raw(
                        "deployment",
                        "BPMN with a script",
                        "operator",
                        "/api/v1/operator/deployments?file=hostile.bpmn",
                        "application/octet-stream",
                        id -> bpmn.formatted(
                                "<bpmn:startEvent id=\"s\"/><bpmn:scriptTask id=\"t\""
                                        + " scriptFormat=\"javascript\"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>"),
                        400,
                        null),
                raw(
                        "migration",
                        "missing processDefinitionKey",
                        "operator",
                        "/api/v1/operator/migrations",
                        "application/json",
                        id -> "{}",
                        400,
                        "processDefinitionKey"),
                raw(
                        "migration",
                        "an expression as processDefinitionKey",
                        "operator",
                        "/api/v1/operator/migrations",
                        "application/json",
                        id -> "{\"processDefinitionKey\":\"${7*7}\"}",
                        404,
                        null),
                raw(
                        "reconciliation",
                        "missing municipalityCode",
                        "operator",
                        "/api/v1/reconciliations",
                        "application/json",
                        id -> "{\"day\":\"2026-11-20\"}",
                        400,
                        "municipalityCode"),
                raw(
                        "reconciliation",
                        "unknown municipality",
                        "operator",
                        "/api/v1/reconciliations",
                        "application/json",
                        id -> "{\"municipalityCode\":\"999\",\"day\":\"2026-11-20\"}",
                        400,
                        "municipalityCode"),
                raw(
                        "reconciliation",
                        "an expression as municipalityCode",
                        "operator",
                        "/api/v1/reconciliations",
                        "application/json",
                        id -> "{\"municipalityCode\":\"${7*7}\",\"day\":\"2026-11-20\"}",
                        400,
                        "municipalityCode"),
                raw(
                        "reconciliation",
                        "impossible day",
                        "operator",
                        "/api/v1/reconciliations",
                        "application/json",
                        id -> "{\"municipalityCode\":\"101\",\"day\":\"2026-02-30\"}",
                        400,
                        "day"),
                raw(
                        "reconciliation",
                        "a day in the future",
                        "operator",
                        "/api/v1/reconciliations",
                        "application/json",
                        id -> "{\"municipalityCode\":\"101\",\"day\":\"2999-01-01\"}",
                        400,
                        "day"),
                raw(
                        "reconciliation",
                        "a day before go-live",
                        "operator",
                        "/api/v1/reconciliations",
                        "application/json",
                        id -> "{\"municipalityCode\":\"561\",\"day\":\"2020-01-01\"}",
                        400,
                        "day"),
                raw(
                        "onboarding",
                        "missing municipalityCode",
                        "operator",
                        "/api/v1/onboardings",
                        "application/json",
                        id -> "{}",
                        400,
                        "municipalityCode"),
                raw(
                        "onboarding",
                        "unknown municipality",
                        "operator",
                        "/api/v1/onboardings",
                        "application/json",
                        id -> "{\"municipalityCode\":\"999\"}",
                        400,
                        "municipalityCode"),
                raw(
                        "onboarding",
                        "an expression as municipalityCode",
                        "operator",
                        "/api/v1/onboardings",
                        "application/json",
                        id -> "{\"municipalityCode\":\"${7*7}\"}",
                        400,
                        "municipalityCode"),
                raw(
                        "onboarding",
                        "an unknown field",
                        "operator",
                        "/api/v1/onboardings",
                        "application/json",
                        id -> "{\"municipalityCode\":\"155\",\"wave\":5}",
                        400,
                        "wave"));
    }

    private HostileOperatorCases() {}
}
