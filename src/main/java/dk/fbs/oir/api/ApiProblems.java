package dk.fbs.oir.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.fbs.oir.charge.ChargeConflictException;
import dk.fbs.oir.charge.ChargeNotFoundException;
import dk.fbs.oir.charge.ChargeStateException;
import dk.fbs.oir.routing.UnknownMunicipalityException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 7807 problem details for {@code /api}: every 400 names each bad field in {@code errors}
 * ({@code [{"field":"amount","message":"..."}]}) and in {@code detail}. Never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** One bad field. {@code field} is a JSON path such as {@code debtor.cpr}. */
    record FieldError(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(fieldErrors(ex.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(unreadable(ex.getCause()))));
    }

    /** The bad fields of a request that was read but did not pass its validation. */
    static List<FieldError> fieldErrors(BindingResult result) {
        return result.getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }

    /** Why a body could not be read into its request ({@code cause}: the parser's or binder's error, or null). */
    static FieldError unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "is not a field of this request");
        } else if (cause instanceof InvalidFormatException format && format.getTargetType() == BigDecimal.class) {
            return new FieldError(path(format), MoneyInput.MESSAGE);
        } else if (cause instanceof InvalidFormatException format) {
            return new FieldError(
                    path(format),
                    "has the wrong type or format: expected "
                            + format.getTargetType().getSimpleName() + describeEnum(format.getTargetType()));
        } else if (cause instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            return new FieldError(path(mapping), "has the wrong type");
        } else if (cause instanceof JsonParseException parse && duplicate(parse) != null) {
            return new FieldError(duplicate(parse), "is given more than once");
        } else if (cause instanceof JsonProcessingException parse) {
            var location = parse.getLocation();
            return new FieldError(
                    "(body)",
                    "is not valid JSON"
                            + (location == null
                                    ? ""
                                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
        return new FieldError("(body)", "is missing or unreadable");
    }

    /** The answer the single-charge endpoint gives for this exception, for a charge of a batch. */
    ResponseEntity<ProblemDetail> answer(RuntimeException ex) {
        if (ex instanceof UnknownMunicipalityException unknown) {
            return unknownMunicipality(unknown);
        } else if (ex instanceof ChargeConflictException conflict) {
            return conflict(conflict);
        }
        return unexpected(ex);
    }

    /** A path variable or parameter of the wrong type, e.g. an unknown debtor system in the path. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Class<?> type = ex.getRequiredType();
        return ResponseEntity.badRequest()
                .body(invalid(List.of(new FieldError(
                        ex.getPropertyName(),
                        "has the wrong type or format"
                                + (type == null ? "" : ": expected " + type.getSimpleName() + describeEnum(type))))));
    }

    @ExceptionHandler(UnknownMunicipalityException.class)
    ResponseEntity<ProblemDetail> unknownMunicipality(UnknownMunicipalityException ex) {
        return ResponseEntity.badRequest()
                .body(invalid(List.of(new FieldError(
                        "municipalityCode", "'" + ex.municipalityCode() + "' is not a known municipality code"))));
    }

    @ExceptionHandler(ChargeConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ChargeConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "Another charge with this fbsChargeId was already received; a charge cannot be changed by posting it again");
        problem.setTitle("Charge already exists");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(ChargeStateException.class)
    ResponseEntity<ProblemDetail> wrongState(ChargeStateException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Not possible in the charge's state");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(ChargeNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ChargeNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Unknown charge");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /** Anything unexpected: logged for the operator, a plain 500 for the client, no internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error in the FBS API", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be handled; nothing was changed. Try again later or contact the operator.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : ex.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    /** The field a parser refused because it came twice (JSON's names should be unique), or null. */
    private static String duplicate(JsonParseException ex) {
        if (!String.valueOf(ex.getOriginalMessage()).startsWith("Duplicate field")) {
            return null;
        }
        var context = ex.getProcessor() == null ? null : ex.getProcessor().getParsingContext();
        StringBuilder path = new StringBuilder();
        for (var c = context; c != null; c = c.getParent()) {
            if (c.getCurrentName() != null) {
                path.insert(0, path.isEmpty() ? c.getCurrentName() : c.getCurrentName() + ".");
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String describeEnum(Class<?> type) {
        if (!type.isEnum()) {
            return "";
        }
        return " (one of "
                + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")) + ")";
    }
}
