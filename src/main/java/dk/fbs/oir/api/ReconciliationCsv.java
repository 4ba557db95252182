package dk.fbs.oir.api;

import dk.fbs.oir.api.ReconciliationController.DifferenceView;
import dk.fbs.oir.api.ReconciliationController.ReportView;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A report's differences as CSV (semicolon-separated, as Danish spreadsheets expect), with a totals header. */
final class ReconciliationCsv {

    private ReconciliationCsv() {}

    static String of(ReportView r) {
        StringBuilder out = new StringBuilder();
        out.append(row(
                "kommune",
                "dag",
                "debitorsystem",
                "fordringer_os",
                "fordringer_debitorsystem",
                "saldo_os",
                "saldo_debitorsystem",
                "saldodifference",
                "afventer",
                "differencer"));
        out.append(row(
                r.municipalityCode(),
                r.day().toString(),
                r.debtorSystem(),
                String.valueOf(r.ours().claims()),
                String.valueOf(r.theirs().claims()),
                r.ours().balance().toPlainString(),
                r.theirs().balance().toPlainString(),
                r.balanceDifference().toPlainString(),
                String.valueOf(r.pending()),
                String.valueOf(r.differences())));
        out.append("\r\n");
        out.append(row(
                "id",
                "art",
                "gebyr",
                "fordring",
                "postering",
                "os",
                "debitorsystem",
                "beloeb",
                "set_foerste_gang",
                "tilstand",
                "afgoerelse",
                "begrundelse",
                "afgjort_af"));
        for (DifferenceView d : r.differenceList()) {
            out.append(row(
                    String.valueOf(d.id()),
                    d.kindText(),
                    d.fbsChargeId(),
                    d.claimId(),
                    d.postingId(),
                    d.ours(),
                    d.theirs(),
                    d.amount() == null ? "" : d.amount().toPlainString(),
                    d.firstSeenOn().toString(),
                    d.state(),
                    d.resolution(),
                    d.note(),
                    d.resolvedBy()));
        }
        return out.toString();
    }

    private static String row(String... cells) {
        return Arrays.stream(cells).map(ReconciliationCsv::cell).collect(Collectors.joining(";")) + "\r\n";
    }

    /** Quoted; a text a spreadsheet would run as a formula is prefixed with an apostrophe. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
                ? "'" + value
                : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
