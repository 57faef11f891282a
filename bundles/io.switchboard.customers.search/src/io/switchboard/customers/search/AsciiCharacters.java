package io.switchboard.customers.search;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Which ASCII characters a customer's words hold, as two 64-bit masks in doc values, for queries of one character.
 * Indexing the twenty-odd distinct characters of every customer as terms cost about a third of all the terms
 * indexed; two numbers per customer cost next to nothing, and checking a bit of each customer's mask is as quick
 * as reading the postings of a character most customers have.
 */
final class AsciiCharacters {

    static final String LOW = "ascii_0_63";
    static final String HIGH = "ascii_64_127";

    private long low;
    private long high;

    void clear() {
        low = 0;
        high = 0;
    }

    /** Notes the character if it is ASCII; says whether it was. */
    boolean add(int character) {
        if (character >= 128) {
            return false;
        }
        if (character < 64) {
            low |= 1L << character;
        } else {
            high |= 1L << character;
        }
        return true;
    }

    void addTo(Document doc) {
        if (low != 0) {
            doc.add(new NumericDocValuesField(LOW, low));
        }
        if (high != 0) {
            doc.add(new NumericDocValuesField(HIGH, high));
        }
    }

    static boolean isAscii(int character) {
        return character < 128;
    }

    /** Customers whose words hold the ASCII character. */
    static Query containing(char character) {
        return new Containing(character);
    }

    private static final class Containing extends Query {

        private final char character;

        Containing(char character) {
            this.character = character;
        }

        private String field() {
            return character < 64 ? LOW : HIGH;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            long bit = 1L << character;
            return new ConstantScoreWeight(this, boost) {
                @Override
                public Scorer scorer(LeafReaderContext context) throws IOException {
                    NumericDocValues masks = DocValues.getNumeric(context.reader(), field());
                    TwoPhaseIterator matching = new TwoPhaseIterator(masks) {
                        @Override
                        public boolean matches() throws IOException {
                            return (masks.longValue() & bit) != 0;
                        }

                        @Override
                        public float matchCost() {
                            return 1;
                        }
                    };
                    return new ConstantScoreScorer(this, score(), scoreMode, matching);
                }

                @Override
                public boolean isCacheable(LeafReaderContext context) {
                    return DocValues.isCacheable(context, field());
                }
            };
        }

        @Override
        public void visit(QueryVisitor visitor) {
            if (visitor.acceptField(field())) {
                visitor.visitLeaf(this);
            }
        }

        @Override
        public String toString(String field) {
            return "ascii:" + character;
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && ((Containing) other).character == character;
        }

        @Override
        public int hashCode() {
            return Objects.hash(classHash(), character);
        }
    }
}
