package com.leadhandoff.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report as a table: what it is, the days it covers, how it is grouped, its columns in order and one row
 * per group. The same table is served as JSON and, for spreadsheets, as CSV ({@code Accept: text/csv}).
 */
public record ReportTable(String report, LocalDate from, LocalDate to, String groupBy, List<String> columns,
    List<Map<String, Object>> rows) {}
