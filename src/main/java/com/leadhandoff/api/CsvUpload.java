package com.leadhandoff.api;

import com.leadhandoff.api.ApiProblems.FieldError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file (UTF-8, a header row), checked whole while it is read, never copied to a file: valid UTF-8, only
 * known columns (each once), the required ones among them, the same number of fields on every line, no row longer than
 * 64 Ki characters, at least one row and at most a maximum. A file that fails is refused with every problem found
 * ({@link InvalidRequestException}, 400); the caller keeps nothing of it. Used by the lead and the account imports.
 */
public final class CsvUpload {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();

  /** A row longer than this cannot be a lead or an account (the API refuses bodies over 64 KiB). */
  static final int MAX_ROW_CHARS = 65_536;

  private CsvUpload() {}

  /**
   * Reads the upload and checks it as it goes, handing each row to the handler (which may store it: the caller's
   * transaction rolls back when a later row fails the check); answers the number of rows. A body that passes the size
   * limit or arrives too slowly is the body limit's exception ({@link BodySizeLimitFilter}), not a bad file.
   */
  public static int check(InputStream csv, List<String> columns, List<String> required, int maxRows, RowHandler handler)
      throws IOException {
    try (Reader reader = strictUtf8(csv); CSVParser parser = FORMAT.parse(reader)) {
      List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
      List<FieldError> errors = new ArrayList<>();
      Set<String> unknown = header.stream().filter(h -> !columns.contains(h)).collect(Collectors.toCollection(TreeSet::new));
      if (!unknown.isEmpty()) {
        errors.add(new FieldError("header", "unknown column(s) " + unknown + "; known: " + columns));
      }
      header.stream().filter(h -> header.indexOf(h) != header.lastIndexOf(h)).distinct()
          .forEach(twice -> errors.add(new FieldError("header", "column " + twice + " appears more than once")));
      for (String column : required) {
        if (!header.contains(column)) {
          errors.add(new FieldError("header", "column " + column + " is required"));
        }
      }
      if (!errors.isEmpty()) {
        throw new InvalidRequestException(errors);
      }
      int rows = 0;
      for (CSVRecord record : parser) {
        rows++;
        if (record.size() != header.size()) {
          throw new InvalidRequestException(List.of(new FieldError("row " + rows,
              "has " + record.size() + " fields, the header has " + header.size())));
        }
        if (rows > maxRows) {
          throw new InvalidRequestException(List.of(new FieldError("file", "has more than " + maxRows + " rows; split it")));
        }
        Map<String, String> cells = new LinkedHashMap<>();
        int length = 0;
        for (int i = 0; i < header.size(); i++) {
          cells.put(header.get(i), record.get(i));
          length += record.get(i).length();
        }
        if (length > MAX_ROW_CHARS) {
          throw new InvalidRequestException(List.of(new FieldError("row " + rows, "is longer than " + MAX_ROW_CHARS + " characters")));
        }
        handler.row(rows, cells);
      }
      if (rows == 0) {
        throw new InvalidRequestException(List.of(new FieldError("file", "has a header but no rows")));
      }
      return rows;
    } catch (CharacterCodingException notUtf8) {
      throw new InvalidRequestException(List.of(new FieldError("file", "is not UTF-8 text")));
    } catch (CSVException malformedHeader) {
      throw new InvalidRequestException(List.of(new FieldError("file", "is not a CSV file with a header row: " + malformedHeader.getMessage())));
    } catch (IllegalArgumentException | UncheckedIOException | IllegalStateException malformed) {
      if (malformed.getCause() instanceof BodySizeLimitFilter.BodyTooLargeException
          || malformed.getCause() instanceof BodySizeLimitFilter.BodyReadTimeoutException) {
        throw (IOException) malformed.getCause();
      }
      Throwable cause = malformed.getCause() instanceof CharacterCodingException ? malformed.getCause() : malformed;
      throw new InvalidRequestException(List.of(new FieldError("file",
          cause instanceof CharacterCodingException ? "is not UTF-8 text" : "is not a CSV file with a header row: " + malformed.getMessage())));
    }
  }

  /** A row of the file: its 1-based number (the header not counted) and its cells by lower-case column, in the file's order. */
  public interface RowHandler {
    void row(int number, Map<String, String> cells);
  }

  private static Reader strictUtf8(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
  }
}
