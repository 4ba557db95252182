package dk.fbs.oir.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a form asks for is what the server checks: required, one of the choices, length, format. */
class TaskFormsTest {

    private static final String FORM = """
      {"id": "Form_Test", "components": [
        {"type": "text", "id": "Text_Intro", "text": "Hej"},
        {"type": "group", "id": "Group_Facts", "components": [
          {"type": "textfield", "id": "Field_Balance", "key": "factBalance", "label": "Restsaldo", "readonly": true}]},
        {"type": "radio", "id": "Field_Decision", "key": "decision", "label": "Beslutning",
         "values": [{"label": "Ja", "value": "YES"}, {"label": "Nej", "value": "NO"}], "validate": {"required": true}},
        {"type": "textfield", "id": "Field_Code", "key": "code", "label": "Kode",
         "validate": {"pattern": "^[0-9]{4}$", "maxLength": 4}},
        {"type": "select", "id": "Field_Wave", "key": "wave", "label": "Bølge", "valuesKey": "waveChoices"},
        {"type": "textfield", "id": "Field_Old", "key": "old", "label": "Gammel", "disabled": true}]}
      """;

    private final TaskForms.Form form = form();

    @Test
    void readOnlyFieldsAreShownAndDisabledOnesIgnored() {
        assertThat(form.shown()).containsExactly("factBalance");
        assertThat(form.inputs()).extracting(TaskForms.Input::key).containsExactly("decision", "code", "wave");
    }

    @Test
    void everyRuleOfTheFormIsChecked() {
        assertThat(problems(Map.of())).containsExactly("Udfyld 'Beslutning'");
        assertThat(problems(Map.of("decision", "MAYBE"))).containsExactly("Vælg en af mulighederne under 'Beslutning'");
        assertThat(problems(Map.of("decision", "YES", "code", "12345"))).containsExactly("'Kode' må højst være 4 tegn");
        assertThat(problems(Map.of("decision", "YES", "code", "12a4")))
                .containsExactly("'Kode' har ikke det rigtige format");
        assertThat(problems(Map.of("decision", "NO", "code", "1234"))).isEmpty();
    }

    @Test
    void choicesFromAVariableAreTheTasksOwn() {
        String choices =
                "[{\"label\": \"Bølge 5: 1. marts 2027\", \"value\": 5}, {\"label\": \"Bølge 6\", \"value\": 6}]";
        assertThat(problems(Map.of("decision", "YES", "wave", 6L, "waveChoices", choices)))
                .isEmpty();
        assertThat(problems(Map.of("decision", "YES", "wave", 7L, "waveChoices", choices)))
                .containsExactly("Vælg en af mulighederne under 'Bølge'");
        assertThat(problems(Map.of("decision", "YES", "wave", 5L)))
                .as("no choices offered")
                .containsExactly("Vælg en af mulighederne under 'Bølge'");
        assertThat(problems(Map.of("decision", "YES", "wave", "5", "waveChoices", "[\"5\", \"6\"]")))
                .isEmpty();
    }

    private java.util.List<String> problems(Map<String, Object> values) {
        return TaskForms.problems(form.inputs(), values::get);
    }

    private static TaskForms.Form form() {
        try {
            return TaskForms.of(new ObjectMapper().readTree(FORM));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
