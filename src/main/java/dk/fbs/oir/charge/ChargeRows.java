package dk.fbs.oir.charge;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.DunningMode;
import dk.fbs.oir.routing.Route;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

/** The ledger's rows as records: a charge, and an entry of its timeline. */
final class ChargeRows {

    static final RowMapper<TimelineEntry> TIMELINE_ENTRY = new DataClassRowMapper<>(TimelineEntry.class);

    static final RowMapper<Charge> CHARGE = ChargeRows::charge;

    private static Charge charge(ResultSet rs, int row) throws SQLException {
        String route = rs.getString("route");
        String mode = rs.getString("dunning_mode");
        return new Charge(
                rs.getString("fbs_charge_id"),
                rs.getString("municipality_code"),
                rs.getString("debtor_cpr"),
                rs.getString("debtor_name"),
                ChargeType.valueOf(rs.getString("charge_type")),
                Money.ofOre(rs.getLong("amount_ore")),
                Money.ofOre(rs.getLong("balance_ore")),
                rs.getString("description"),
                rs.getString("material_id"),
                rs.getString("branch"),
                rs.getObject("occurred_on", LocalDate.class),
                route == null ? null : Route.valueOf(route),
                mode == null ? null : DunningMode.valueOf(mode),
                ChargeStatus.valueOf(rs.getString("status")),
                rs.getString("debtor_system_claim_id"),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("last_pay_date", LocalDate.class),
                rs.getString("payment_reference"),
                rs.getObject("awaiting_update_since", OffsetDateTime.class),
                rs.getString("request_hash"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("last_confirmed_at", OffsetDateTime.class));
    }

    private ChargeRows() {}
}
