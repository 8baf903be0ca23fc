package com.leadhandoff.reporting;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Writes a report as CSV (header row, then one line per row) for spreadsheets, as a download named after the report and
 * range. Text that a spreadsheet would run as a formula (OWASP CSV injection: a cell starting with = + - @, tab or
 * carriage return, e.g. a campaign named {@code =HYPERLINK(...)}) is written with a leading apostrophe, so it shows as
 * text; numbers stay numbers.
 */
@Component
class ReportCsvConverter extends AbstractHttpMessageConverter<ReportTable> {

  static final String TEXT_CSV_VALUE = "text/csv";

  ReportCsvConverter() {
    super(StandardCharsets.UTF_8, MediaType.parseMediaType(TEXT_CSV_VALUE));
  }

  @Override
  protected boolean supports(Class<?> type) {
    return ReportTable.class.equals(type);
  }

  @Override
  protected boolean canRead(MediaType mediaType) {
    return false;
  }

  @Override
  protected ReportTable readInternal(Class<? extends ReportTable> type, HttpInputMessage input) {
    throw new HttpMessageNotReadableException("Reports are not uploaded", input);
  }

  @Override
  protected void writeInternal(ReportTable table, HttpOutputMessage output) throws IOException {
    output.getHeaders().setContentDisposition(ContentDisposition.attachment()
        .filename(table.report() + "-" + table.from() + "-" + table.to() + ".csv").build());
    Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
    try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(table.columns().toArray(String[]::new)).get())) {
      for (Map<String, Object> row : table.rows()) {
        csv.printRecord(table.columns().stream().map(column -> asText(row.get(column))).toList());
      }
    }
  }

  private static Object asText(Object value) {
    if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return value;
  }
}
