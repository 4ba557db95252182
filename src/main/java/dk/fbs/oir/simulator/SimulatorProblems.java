package dk.fbs.oir.simulator;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The simulator's REST controls answer a refused request with 409 and the debtor system's code and text. */
@RestControllerAdvice(basePackageClasses = SimulatorProblems.class)
@Profile("simulator")
class SimulatorProblems {

    @ExceptionHandler(SimulatorRejection.class)
    ProblemDetail rejected(SimulatorRejection rejection) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, rejection.code() + ": " + rejection.getMessage());
    }
}
