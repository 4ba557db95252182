package dk.fbs.oir;

import static dk.fbs.oir.HostileInputTest.*;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Hostile SOAP: requests to the simulated debtor systems, and a debtor system's hostile answers to our client ({@link HostileInputTest}'s table). */
final class HostileSoapCases {

    /** Requests to the simulated debtor systems; every operation that takes input, on every endpoint. */
    static List<Row> soapRequests() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + LEAK_TEXT.toUri() + "\">"
                + "<!ENTITY amt SYSTEM \"" + LEAK_AMOUNT.toUri() + "\">]>";
        String parameterEntity =
                "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY % p SYSTEM \"" + LEAK_TEXT.toUri() + "\"> %p;]>";
        String internalEntity = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY amt \"1.00\">]>";
        String laughs = "<?xml version=\"1.0\"?>" + LAUGHS;
        DebtorSystem kmd = DebtorSystem.KMD_OPUS;
        DebtorSystem p15 = DebtorSystem.PRISME_2015;
        DebtorSystem p09 = DebtorSystem.PRISME_2009;
        DebtorSystem eg = DebtorSystem.EG_OS_INDSIGT;
        return List.of(
                soap(kmd, "external entity in OpretFordring", f -> xxe + opret(f, "125.00", "&x;", "0101901234")),
                soap(
                        p15,
                        "external entity in HentFordring",
                        f -> xxe
                                + envelope("<t:HentFordringAnmodning>" + kontekst(f)
                                        + "<t:FordringId>&x;</t:FordringId></t:HentFordringAnmodning>")),
                soap(
                        p09,
                        "external entity as the amount of RegistrerIndbetaling",
                        f -> xxe + indbetaling(f, "&amt;", "BIBLIOTEK")),
                soap(eg, "external entity as the amount of KrediterFordring", f -> xxe + krediter(f, "&amt;")),
                soap(kmd, "parameter entity (out-of-band XXE)", f -> parameterEntity + krediter(f, "1.00")),
                soap(p09, "internal entity as the amount", f -> internalEntity + indbetaling(f, "&amt;", "BIBLIOTEK")),
                soap(
                        kmd,
                        "entity expansion in HentFordring",
                        f -> laughs
                                + envelope("<t:HentFordringAnmodning>" + kontekst(f)
                                        + "<t:FordringId>&l9;</t:FordringId></t:HentFordringAnmodning>")),
                soap(eg, "entity expansion in OpretFordring", f -> laughs + opret(f, "125.00", "&l9;", "0101901234")),
                soap(
                        p15,
                        "XInclude of a file",
                        f -> opret(
                                f,
                                "125.00",
                                "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\"" + " href=\""
                                        + LEAK_TEXT.toUri() + "\" parse=\"text\"/>",
                                "0101901234")),
                soap(kmd, "not XML", f -> "<soapenv:Envelope"),
                soap(p15, "empty body", f -> ""),
                soap(p09, "not SOAP", f -> "{\"FordringId\":\"" + f.claimId() + "\"}"),
                soap(kmd, "three decimals", f -> opret(f, "12.345", "x", "0101901234")),
                soap(kmd, "negative amount", f -> opret(f, "-5.00", "x", "0101901234")),
                soap(kmd, "amount not a number", f -> opret(f, "mange", "x", "0101901234")),
                soap(
                        kmd,
                        "expressions as reference and amount",
                        f -> opret(f, "#{1+1}", "x", "0101901234")
                                .replaceFirst("<t:IdempotensReference>[^<]*<", "<t:IdempotensReference>\\${1+1}<")),
                soap(
                        kmd,
                        "unknown municipality",
                        f -> opret(f, "125.00", "x", "0101901234")
                                .replace("<t:Kommunekode>101<", "<t:Kommunekode>999<")),
                soap(p15, "amount of 14 digits", f -> opret(f, "12345678901234.00", "x", "0101901234")),
                soap(p15, "zero amount", f -> opret(f, "0.00", "x", "0101901234")),
                soap(p15, "description of 200 kB", f -> opret(f, "125.00", "x".repeat(200_000), "0101901234")),
                soap(p09, "malformed CPR", f -> opret(f, "125.00", "x", "01019O1234")),
                soap(
                        eg,
                        "impossible date",
                        f -> opret(f, "125.00", "x", "0101901234").replace("2026-11-20", "2026-02-30")),
                soap(
                        p15,
                        "CPR with SQL in SoegDebitorFordringer",
                        f -> envelope(
                                "<t:SoegDebitorFordringerAnmodning>" + kontekst(f)
                                        + "<t:CprNummer>1111111111' OR '1'='1</t:CprNummer></t:SoegDebitorFordringerAnmodning>")),
                soap(
                        p09,
                        "claim id with SQL in HentFordring",
                        f -> envelope("<t:HentFordringAnmodning>" + kontekst(f)
                                + "<t:FordringId>x' OR '1'='1</t:FordringId></t:HentFordringAnmodning>")),
                soap(p09, "zero payment", f -> indbetaling(f, "0.00", "BIBLIOTEK")),
                soap(eg, "unknown place of payment", f -> indbetaling(f, "1.00", "KONTANT")),
                soap(kmd, "negative credit", f -> krediter(f, "-5.00")),
                soap(eg, "credit larger than the balance", f -> krediter(f, "125.01")),
                soap(
                        p15,
                        "write-off of another municipality's claim",
                        f -> envelope("<t:AfskrivFordringAnmodning>"
                                + kontekst(f).replace(">" + f.municipality() + "<", ">101<") + "<t:FordringId>"
                                + f.claimId()
                                + "</t:FordringId><t:Aarsag>x</t:Aarsag></t:AfskrivFordringAnmodning>")),
                soap(kmd, "reminder number 0", f -> rykker(f, "0", "100.00", "2026-12-31")),
                soap(p09, "reminder number beyond int", f -> rykker(f, "99999999999999999999", "100.00", "2026-12-31")),
                soap(eg, "negative reminder fee", f -> rykker(f, "1", "-100.00", "2026-12-31")),
                soap(p15, "impossible new last day to pay", f -> rykker(f, "1", "100.00", "2026-02-30")),
                soap(
                        kmd,
                        "impossible limitation date",
                        f -> envelope(
                                "<t:OverdragTilInddrivelseAnmodning>" + kontekst(f)
                                        + "<t:FordringId>" + f.claimId()
                                        + "</t:FordringId><t:PsrmFordringstype>GEBYR</t:PsrmFordringstype>"
                                        + "<t:Foraeldelsesdato>2029-13-01</t:Foraeldelsesdato></t:OverdragTilInddrivelseAnmodning>")),
                soap(
                        eg,
                        "sequence number with SQL",
                        f -> envelope(
                                "<t:HentHaendelserAnmodning>" + kontekst(f)
                                        + "<t:EfterLoebenummer>0 OR 1=1</t:EfterLoebenummer><t:MaksAntal>10</t:MaksAntal></t:HentHaendelserAnmodning>")),
                soap(
                        p09,
                        "batch size beyond int",
                        f -> envelope(
                                "<t:HentHaendelserAnmodning>" + kontekst(f)
                                        + "<t:EfterLoebenummer>0</t:EfterLoebenummer><t:MaksAntal>99999999999</t:MaksAntal></t:HentHaendelserAnmodning>")),
                soap(
                        kmd,
                        "impossible reconciliation date",
                        f -> envelope("<t:HentAfstemningAnmodning>" + kontekst(f)
                                + "<t:Dato>2026-13-01</t:Dato></t:HentAfstemningAnmodning>")));
    }

    /** A debtor system answers our OpretFordring; our client must refuse the answer and the job end in an incident. */
    static List<Row> debtorSystemAnswers() {
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + LEAK_TEXT.toUri() + "\">]>";
        return List.of(
                hostileAnswer(
                        "external entity as the claim id", id -> doctype + answer(id, "&x;", "125.00", "125.00", "x")),
                hostileAnswer(
                        "parameter entity (out-of-band XXE)",
                        id -> "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY % p SYSTEM \"" + LEAK_TEXT.toUri()
                                + "\"> %p;]>" + answer(id, "EG-173-AAAA0001", "125.00", "125.00", "x")),
                hostileAnswer(
                        "internal entity as the balance",
                        id -> "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY s \"125.00\">]>"
                                + answer(id, "EG-173-AAAA0002", "125.00", "&s;", "x")),
                hostileAnswer(
                        "entity expansion",
                        id -> "<?xml version=\"1.0\"?>" + LAUGHS
                                + answer(id, "EG-173-AAAA0003", "125.00", "125.00", "&l9;")),
                hostileAnswer(
                        "malformed XML",
                        id -> answer(id, "EG-173-AAAA0004", "125.00", "125.00", "x")
                                .substring(0, 300)),
                hostileAnswer(
                        "an HTML page instead of SOAP", id -> "<html><body><h1>Vedligeholdelse</h1></body></html>"),
                hostileAnswer(
                        "a principal ten times ours", id -> answer(id, "EG-173-AAAA0005", "1250.00", "1250.00", "x")),
                hostileAnswer("a negative principal", id -> answer(id, "EG-173-AAAA0006", "-125.00", "-125.00", "x")),
                hostileAnswer("an over-precise balance", id -> answer(id, "EG-173-AAAA0007", "125.00", "125.001", "x")),
                hostileAnswer(
                        "the claim of another charge",
                        id -> answer("OTHER-CHARGE-1", "EG-173-AAAA0008", "125.00", "125.00", "x")));
    }

    // ---------------------------------------------------------------- SOAP bodies

    /** Nine levels of ten: a billion "lol"s if a parser expanded them. */
    static final String LAUGHS = "<!DOCTYPE e [<!ENTITY l0 \"lol\">"
            + java.util.stream.IntStream.rangeClosed(1, 9)
                    .mapToObj(i -> "<!ENTITY l" + i + " \"" + ("&l" + (i - 1) + ";").repeat(10) + "\">")
                    .collect(Collectors.joining())
            + "]>";

    static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:t=\"urn:fbs-oir:debitor:1\">"
                + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    static String kontekst(Fixture f) {
        return "<t:Kontekst><t:Kommunekode>" + f.municipality() + "</t:Kommunekode><t:IdempotensReference>hostile/"
                + UUID.randomUUID() + "</t:IdempotensReference></t:Kontekst>";
    }

    static String opret(Fixture f, String amount, String description, String cpr) {
        return opret(f, "HOSTILE-" + UUID.randomUUID(), amount, description, cpr, "X");
    }

    static String opret(Fixture f, String fbsChargeId, String amount, String description, String cpr, String name) {
        return envelope("<t:OpretFordringAnmodning>" + kontekst(f) + "<t:FagsystemFordringId>" + fbsChargeId
                + "</t:FagsystemFordringId><t:Debitor><t:CprNummer>" + cpr + "</t:CprNummer><t:Navn>" + name
                + "</t:Navn>"
                + "</t:Debitor><t:Fordringsart>GEBYR</t:Fordringsart><t:Hovedstol>" + amount
                + "</t:Hovedstol><t:Beskrivelse>"
                + description
                + "</t:Beskrivelse><t:Stiftelsesdato>2026-11-20</t:Stiftelsesdato></t:OpretFordringAnmodning>");
    }

    static String indbetaling(Fixture f, String amount, String place) {
        return envelope("<t:RegistrerIndbetalingAnmodning>" + kontekst(f) + "<t:FordringId>" + f.claimId()
                + "</t:FordringId><t:Beloeb>" + amount + "</t:Beloeb><t:Betalingsdato>2026-11-20</t:Betalingsdato>"
                + "<t:Betalingssted>" + place + "</t:Betalingssted></t:RegistrerIndbetalingAnmodning>");
    }

    static String krediter(Fixture f, String amount) {
        return envelope("<t:KrediterFordringAnmodning>" + kontekst(f) + "<t:FordringId>" + f.claimId()
                + "</t:FordringId><t:Beloeb>" + amount
                + "</t:Beloeb><t:Aarsag>x</t:Aarsag></t:KrediterFordringAnmodning>");
    }

    static String rykker(Fixture f, String number, String fee, String lastPayDate) {
        return envelope("<t:SendRykkerAnmodning>" + kontekst(f) + "<t:FordringId>" + f.claimId() + "</t:FordringId>"
                + "<t:RykkerNummer>" + number + "</t:RykkerNummer><t:Rykkergebyr>" + fee + "</t:Rykkergebyr>"
                + "<t:NySidsteBetalingsdag>" + lastPayDate + "</t:NySidsteBetalingsdag></t:SendRykkerAnmodning>");
    }

    /** A debtor system's answer to OpretFordring, as the WSDL describes it. */
    static String answer(String fbsChargeId, String claimId, String principal, String balance, String text) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<t:OpretFordringSvar xmlns:t=\"urn:fbs-oir:debitor:1\"><t:Fordring><t:FordringId>" + claimId
                + "</t:FordringId><t:FagsystemFordringId>" + fbsChargeId + "</t:FagsystemFordringId><t:Kommunekode>"
                + FAKED_MUNICIPALITY + "</t:Kommunekode><t:Fordringsart>GEBYR</t:Fordringsart><t:Hovedstol>" + principal
                + "</t:Hovedstol><t:Saldo>" + balance + "</t:Saldo><t:Tilstand>REGISTRERET</t:Tilstand><t:Beskrivelse>"
                + text
                + "</t:Beskrivelse><t:Stiftelsesdato>2026-11-20</t:Stiftelsesdato><t:AntalRykkere>0</t:AntalRykkere>"
                + "<t:SenestAendret>2026-11-20T10:00:00Z</t:SenestAendret></t:Fordring></t:OpretFordringSvar>"
                + "</soap:Body></soap:Envelope>";
    }

    private HostileSoapCases() {}
}
