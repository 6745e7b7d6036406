package com.coachway.finance.statements;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A statement as a one-column Letter PDF (Apache PDFBox): the company, the client and period, the
 * opening balance, a row per line (date, kind, reference, amount, running balance) continuing on
 * as many pages as it takes with the column heads repeated, and the closing balance. Every figure
 * is the JSON statement's, written as 1,234.56 (negative: -1,234.56).
 */
public final class StatementPdf {
    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 54;
    private static final float SIZE = 10;
    private static final float LEADING = 15;
    // column x positions: date, kind, reference at the left; amount and balance right-aligned
    private static final float KIND_X = MARGIN + 72;
    private static final float REFERENCE_X = MARGIN + 150;
    private static final float AMOUNT_RIGHT = 460;
    private static final float BALANCE_RIGHT = PDRectangle.LETTER.getWidth() - MARGIN;

    private StatementPdf() {
    }

    public static String money(BigDecimal amount) {
        return String.format(Locale.US, "%,.2f", amount);
    }

    public static byte[] render(String company, Statement s) {
        try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            var page = new Pages(doc);
            page.text(BOLD, 16, MARGIN, company);
            page.skip(6);
            page.text(BOLD, 12, MARGIN, "Statement of account");
            page.text(REGULAR, SIZE, MARGIN, "Client: " + (s.clientName() == null ? "" : s.clientName()) + " (" + s.clientId() + ")");
            page.text(REGULAR, SIZE, MARGIN, "Period: " + s.from() + " to " + s.to());
            page.skip(6);
            page.row(BOLD, "Opening balance", "", "", "", money(s.openingBalance()));
            page.skip(4);
            page.heads();
            for (Statement.Line l : s.lines()) {
                page.row(REGULAR, l.date().toString(), l.kind(), l.reference(), money(l.amount()), money(l.balance()));
            }
            page.skip(4);
            page.row(BOLD, "Closing balance", "", "", "", money(s.closingBalance()));
            page.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page being written, and a fresh one (column heads repeated) when this one is full. */
    private static final class Pages {
        private final PDDocument doc;
        private PDPageContentStream content;
        private float y;
        private int number;

        Pages(PDDocument doc) throws IOException {
            this.doc = doc;
            next();
        }

        private void next() throws IOException {
            if (content != null) close();
            var page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            number++;
            y = PDRectangle.LETTER.getHeight() - MARGIN;
            place(REGULAR, 8, BALANCE_RIGHT - width(REGULAR, 8, "Page " + number), MARGIN / 2, "Page " + number);
        }

        void heads() throws IOException {
            row(BOLD, "Date", "Kind", "Reference", "Amount", "Balance");
        }

        void text(PDFont font, float size, float x, String text) throws IOException {
            room(false);
            place(font, size, x, y, text);
            y -= size + 5;
        }

        void row(PDFont font, String date, String kind, String reference, String amount, String balance) throws IOException {
            room(true);
            place(font, SIZE, MARGIN, y, date);
            place(font, SIZE, KIND_X, y, kind);
            place(font, SIZE, REFERENCE_X, y, clip(font, reference, AMOUNT_RIGHT - 70 - REFERENCE_X));
            place(font, SIZE, AMOUNT_RIGHT - width(font, SIZE, amount), y, amount);
            place(font, SIZE, BALANCE_RIGHT - width(font, SIZE, balance), y, balance);
            y -= LEADING;
        }

        void skip(float points) {
            y -= points;
        }

        private void room(boolean tableRow) throws IOException {
            if (y > MARGIN + LEADING) return;
            next();
            if (tableRow) heads();
        }

        private void place(PDFont font, float size, float x, float at, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, at);
            content.showText(printable(font, text));
            content.endText();
        }

        void close() throws IOException {
            content.close();
        }
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(printable(font, text)) / 1000 * size;
    }

    private static String clip(PDFont font, String text, float max) throws IOException {
        String t = text == null ? "" : text;
        while (!t.isEmpty() && width(font, SIZE, t) > max) t = t.substring(0, t.length() - 1);
        return t;
    }

    /** The standard fonts encode WinAnsi only: any other character (a name in another script) shows as '?'. */
    private static String printable(PDFont font, String text) {
        if (text == null) return "";
        var sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String c = Character.isISOControl(cp) ? " " : Character.toString(cp);
            try {
                font.encode(c);
                sb.append(c);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }
}
