package dk.fbs.oir.bench;

import dk.fbs.oir.Application;

/** The simulated debtor systems' JVM of the benchmark (see {@link SimulatorProcess}): the application itself. */
public final class DebtorSystems {

    private DebtorSystems() {}

    public static void main(String[] args) {
        Application.main(args);
    }
}
