package dk.fbs.oir.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dk.fbs.oir.api.ApiProblems.FieldError;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.ErrorResponseException;

/**
 * Reads FBS' batch: a JSON array of 1 to {@value #MAX_CHARGES} charges, each read and validated on its
 * own exactly as {@code POST /api/v1/charges} reads one (the same mapper, the same validator, the same
 * problem details), so a charge that does not even bind is a 400 for that charge only. A body that is
 * not such an array is a 400 for the whole request.
 */
@Component
class ChargeBatchReader {

    static final int MAX_CHARGES = 1000;
    /** How deep the array's elements may nest before the whole body is refused; each charge has the mapper's own limit. */
    private static final int MAX_SPLIT_DEPTH = 10_000;

    /** Finds the elements only: names given twice and long numbers are each element's reader's to refuse. */
    private static final JsonFactory SPLITTER = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_SPLIT_DEPTH)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private final ObjectReader charges;
    private final ObjectMapper lenient = new ObjectMapper(SPLITTER);
    private final SpringValidatorAdapter validator;

    ChargeBatchReader(ObjectMapper mapper, Validator validator) {
        this.charges = mapper.readerFor(ChargeRequest.class);
        this.validator = new SpringValidatorAdapter(validator);
    }

    /** One element of the batch: the valid request, or the problem that makes it a 400. */
    record Element(String fbsChargeId, ChargeRequest request, ProblemDetail problem) {}

    /** The elements in their order; a body that is no array of 1 to 1000 is an {@link ErrorResponseException}. */
    List<Element> read(String body) {
        return split(body).stream().map(this::element).toList();
    }

    private Element element(String json) {
        ChargeRequest request;
        try {
            request = charges.readValue(json);
        } catch (JsonProcessingException unreadable) {
            return refused(idIn(json), List.of(ApiProblems.unreadable(unreadable)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (request == null) {
            return refused(null, List.of(ApiProblems.unreadable(null)));
        }
        BindingResult errors = new BeanPropertyBindingResult(request, "chargeRequest");
        validator.validate(request, errors);
        return errors.hasErrors()
                ? refused(request.fbsChargeId(), ApiProblems.fieldErrors(errors))
                : new Element(request.fbsChargeId(), request, null);
    }

    private static Element refused(String fbsChargeId, List<FieldError> errors) {
        return new Element(fbsChargeId, null, ApiProblems.invalid(errors));
    }

    /** The fbsChargeId of an element that could not be read, where it has one as text. */
    private String idIn(String json) {
        try {
            JsonNode id = lenient.readTree(json).path("fbsChargeId");
            return id.isTextual() ? id.textValue() : null;
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }

    /** Each element's own JSON text, in order. */
    private static List<String> split(String body) {
        try (JsonParser parser = SPLITTER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw refused("must be a JSON array of charges");
            }
            List<String> elements = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (elements.size() == MAX_CHARGES) {
                    throw refused("must hold at most " + MAX_CHARGES + " charges");
                }
                int start = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                parser.finishToken();
                elements.add(
                        body.substring(start, (int) parser.currentLocation().getCharOffset()));
            }
            if (parser.nextToken() != null) {
                throw refused("must be one JSON array, with nothing after it");
            }
            if (elements.isEmpty()) {
                throw refused("must hold at least one charge");
            }
            return elements;
        } catch (JsonProcessingException unreadable) {
            throw new ErrorResponseException(
                    HttpStatus.BAD_REQUEST,
                    ApiProblems.invalid(List.of(ApiProblems.unreadable(unreadable))),
                    unreadable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ErrorResponseException refused(String message) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST, ApiProblems.invalid(List.of(new FieldError("(body)", message))), null);
    }
}
