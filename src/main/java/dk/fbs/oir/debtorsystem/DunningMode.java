package dk.fbs.oir.debtorsystem;

/**
 * Who runs the collection after the invoice. Chosen per municipality (or debtor system) in
 * {@code dmn/dunning-mode.dmn}; a charge keeps the mode it started with.
 */
public enum DunningMode {
    /**
     * The normal mode: the municipality's finance function runs it in its debtor system (reminders with
     * its own fees and deadlines, the transfer to PSRM on its own clock); our process follows its events.
     */
    DEBTOR_LED,
    /** Our process asks the debtor system for each step, following our DMN (SF1590_B_04's debitorkontoanmodning). */
    FBS_LED
}
