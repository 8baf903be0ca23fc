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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
 * An uploaded CSV file (UTF-8, a header row), checked whole before any row is used: valid UTF-8, only known columns,
 * the required ones among them, the same number of fields on every line, at least one row and at most a maximum. A
 * file that fails is refused with every problem found ({@link InvalidRequestException}, 400). Used by the lead and
 * the account imports.
 */
public final class CsvUpload {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();

  private CsvUpload() {}

  /** Copies the upload to the file and checks it; answers the number of rows. */
  public static int copyAndCheck(InputStream csv, Path file, List<String> columns, List<String> required, int maxRows)
      throws IOException {
    try (InputStream in = csv) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    try (Reader reader = strictUtf8(file); CSVParser parser = FORMAT.parse(reader)) {
      List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
      List<FieldError> errors = new ArrayList<>();
      Set<String> unknown = header.stream().filter(h -> !columns.contains(h)).collect(Collectors.toCollection(TreeSet::new));
      if (!unknown.isEmpty()) {
        errors.add(new FieldError("header", "unknown column(s) " + unknown + "; known: " + columns));
      }
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
      Throwable cause = malformed.getCause() instanceof CharacterCodingException ? malformed.getCause() : malformed;
      throw new InvalidRequestException(List.of(new FieldError("file",
          cause instanceof CharacterCodingException ? "is not UTF-8 text" : "is not a CSV file with a header row: " + malformed.getMessage())));
    }
  }

  /** A row of a checked file: its 1-based number (the header not counted) and its cells by lower-case column. */
  public interface RowHandler {
    void row(int number, Map<String, String> cells);
  }

  /** Reads a checked file row by row. */
  public static void read(Path file, RowHandler handler) throws IOException {
    int row = 0;
    try (Reader reader = strictUtf8(file); CSVParser parser = FORMAT.parse(reader)) {
      for (CSVRecord record : parser) {
        handler.row(++row, record.toMap().entrySet().stream()
            .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue)));
      }
    }
  }

  private static Reader strictUtf8(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
  }
}
