package io.camelenos.examples;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lines the examples write read back, field for field, through a CSV parser. */
class CsvRowsTest {

    private static final String AWKWARD = "a \"quoted\", comma\r\nCRLF\rCR\nLF";

    @Test
    void fieldsWithLineBreaksQuotesAndCommasRoundTrip() throws IOException {
        String line = CsvRows.line(7, "plain", AWKWARD, "", null, ",");

        List<CSVRecord> records = parse(line);

        assertEquals(1, records.size(), line);
        assertEquals(List.of("7", "plain", AWKWARD, "", "", ","), records.get(0).toList());
        assertEquals('\n', line.charAt(line.length() - 1));
    }

    @Test
    void aTelemetryRowWithATextValueRoundTrips() throws IOException {
        ObjectNode record = new ObjectMapper().createObjectNode().put("assetId", "as,1").put("timestamp", 0L)
                .put("status", AWKWARD).put("localtime", "1970-01-01 08:00:00");

        List<CSVRecord> records = parse(TelemetryRows.HEADER + TelemetryRows.row(record, "status"));

        assertEquals(2, records.size());
        assertEquals(List.of("1970-01-01T00:00:00Z", "as,1", "status", AWKWARD, "1970-01-01 08:00:00"),
                records.get(1).toList());
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }
}
