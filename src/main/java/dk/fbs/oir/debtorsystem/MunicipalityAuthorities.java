package dk.fbs.oir.debtorsystem;

/** The municipality as an authority on Serviceplatformen: its CVR number, from the municipality register. */
public interface MunicipalityAuthorities {

    /** The municipality's CVR number (8 digits); an unknown municipality or one without a CVR number is an error. */
    String cvr(String municipalityCode);
}
