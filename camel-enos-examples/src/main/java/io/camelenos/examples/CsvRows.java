package io.camelenos.examples;

import org.apache.camel.dataformat.csv.CsvDataFormat;

/** The CSV handling the examples share: how input files are read and how fields are written. */
final class CsvRows {

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

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
