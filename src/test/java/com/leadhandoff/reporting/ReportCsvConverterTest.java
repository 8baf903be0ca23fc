package com.leadhandoff.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.http.MockHttpOutputMessage;

/** A report cell a spreadsheet would run as a formula (OWASP CSV injection) comes out as text. */
class ReportCsvConverterTest {

  @ParameterizedTest(name = "{0} is written as {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      =HYPERLINK("http://evil.example","campaign") | '=HYPERLINK("http://evil.example","campaign")
      +SUM(1,2)                                      | '+SUM(1,2)
      -2+3                                           | '-2+3
      @cmd                                           | '@cmd
      spring-webinar                                 | spring-webinar
      a=b                                            | a=b
      """)
  void formulaTriggersAreWrittenAsText(String campaign, String written) throws Exception {
    assertThat(cellsOf(Map.of("campaign", campaign, "leads", 3))).containsExactly(written, "3");
  }

  @ParameterizedTest(name = "a cell starting with {0}")
  @CsvSource({"'\t'", "'\r'"})
  void tabAndCarriageReturnAreTriggersToo(String start) throws Exception {
    assertThat(cellsOf(Map.of("campaign", start + "=1+1", "leads", 3)).get(0)).isEqualTo("'" + start + "=1+1");
  }

  @ParameterizedTest(name = "the number {0}")
  @CsvSource({"-4", "0"})
  void negativeNumbersStayNumbers(int figure) throws Exception {
    assertThat(cellsOf(Map.of("campaign", "q1", "leads", figure))).containsExactly("q1", String.valueOf(figure));
  }

  private static List<String> cellsOf(Map<String, Object> row) throws Exception {
    ReportTable table = new ReportTable("funnel", LocalDate.of(2031, 3, 1), LocalDate.of(2031, 3, 31), "campaign",
        List.of("campaign", "leads"), List.of(row));
    MockHttpOutputMessage output = new MockHttpOutputMessage();
    new ReportCsvConverter().write(table, null, output);
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(output.getBodyAsString(StandardCharsets.UTF_8))).getRecords();
    return records.get(0).toList();
  }
}
