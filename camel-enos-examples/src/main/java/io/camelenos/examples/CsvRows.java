package io.camelenos.examples;

import org.apache.camel.dataformat.csv.CsvDataFormat;
import org.apache.commons.csv.CSVFormat;

/** The CSV handling the examples share: how input files are read and how lines are written. */
final class CsvRows {

    /** RFC 4180 quoting (a field with a comma, a quote, a CR or an LF is quoted), lines ended by LF as before. */
    private static final CSVFormat OUTPUT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private CsvRows() {
    }

    /** A header-first CSV read lazily, one map per row, blank lines skipped and fields trimmed. */
    static CsvDataFormat input() {
        CsvDataFormat csv = new CsvDataFormat();
        csv.setUseMaps(true);
        csv.setLazyLoad(true);
        csv.setIgnoreEmptyLines(true);
        csv.setTrim(true);
        return csv;
    }

    /** One CSV line of the fields, each quoted as it needs, ended by a line feed; a null field is empty. */
    static String line(Object... fields) {
        return OUTPUT.format(fields) + OUTPUT.getRecordSeparator();
    }
}
