package io.switchboard.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;
import io.switchboard.core.csv.CsvWriter;

class CsvTest {

    private static List<CsvRecord> read(String text, int maxField) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(text), maxField)) {
            CsvRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        List<CsvRecord> records = read("name,note\r\n\"Smith, Jane\",\"said \"\"hi\"\"\nthen left\"\r\nLi Wei,\n", 100);
        assertEquals(3, records.size());
        assertEquals(List.of("name", "note"), records.get(0).fields());
        assertEquals(List.of("Smith, Jane", "said \"hi\"\nthen left"), records.get(1).fields());
        assertEquals(2, records.get(1).line());
        assertEquals(4, records.get(2).line(), "line numbers count the line break inside the quoted field");
        assertEquals(List.of("Li Wei", ""), records.get(2).fields());
    }

    @Test
    void badRecordsAreReportedWithTheirLineAndReadingGoesOn() throws IOException {
        List<CsvRecord> records = read("a,b\nx\"y,z\n\"ok\"junk,1\n" + "c," + "z".repeat(50) + "\nlast,row\n", 20);
        assertEquals(5, records.size());
        assertTrue(records.get(1).error().contains("stray quote"), records.get(1).error());
        assertEquals(2, records.get(1).line());
        assertTrue(records.get(2).error().contains("after a closing quote"), records.get(2).error());
        assertTrue(records.get(3).error().contains("longer than 20"), records.get(3).error());
        assertEquals(4, records.get(3).line());
        assertNull(records.get(4).error());
        assertEquals(List.of("last", "row"), records.get(4).fields());
    }

    @Test
    void unterminatedQuoteAtTheEndIsAnError() throws IOException {
        List<CsvRecord> records = read("a\n\"never closed,\nmore\n", 100);
        assertEquals(2, records.size());
        assertTrue(records.get(1).error().contains("unterminated"), records.get(1).error());
    }

    @Test
    void blankLinesAreSkipped() throws IOException {
        assertEquals(2, read("a\n\n\r\nb\n", 100).size());
    }

    @Test
    void writerRoundTripsThroughTheReader() throws IOException {
        StringWriter out = new StringWriter();
        try (CsvWriter writer = new CsvWriter(out)) {
            writer.write("plain", "with, comma", "with \"quote\"", "two\nlines", "", "\u738b\u5c0f\u660e");
        }
        assertEquals("plain,\"with, comma\",\"with \"\"quote\"\"\",\"two\nlines\",,\u738b\u5c0f\u660e\r\n", out.toString());
        assertEquals(List.of("plain", "with, comma", "with \"quote\"", "two\nlines", "", "\u738b\u5c0f\u660e"),
                read(out.toString(), 100).get(0).fields());
    }
}
