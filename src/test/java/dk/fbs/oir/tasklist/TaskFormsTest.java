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
        {"type": "textfield", "id": "Field_Old", "key": "old", "label": "Gammel", "disabled": true}]}
      """;

  private final TaskForms.Form form = form();

  @Test
  void readOnlyFieldsAreShownAndDisabledOnesIgnored() {
    assertThat(form.shown()).containsExactly("factBalance");
    assertThat(form.inputs()).extracting(TaskForms.Input::key).containsExactly("decision", "code");
  }

  @Test
  void everyRuleOfTheFormIsChecked() {
    assertThat(problems(Map.of())).containsExactly("Udfyld 'Beslutning'");
    assertThat(problems(Map.of("decision", "MAYBE"))).containsExactly("Vælg en af mulighederne under 'Beslutning'");
    assertThat(problems(Map.of("decision", "YES", "code", "12345"))).containsExactly("'Kode' må højst være 4 tegn");
    assertThat(problems(Map.of("decision", "YES", "code", "12a4"))).containsExactly("'Kode' har ikke det rigtige format");
    assertThat(problems(Map.of("decision", "NO", "code", "1234"))).isEmpty();
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
