package com.coachway.cli.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coachway.cli.text.TextTable.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void text_is_left_aligned_amounts_right_aligned_and_columns_as_wide_as_their_widest_cell() {
        var table = new TextTable(List.of(Column.left("Client"), Column.right("Total")))
                .row(List.of("Zoë Tours", "75.25"))
                .row(List.of("A", "12345678.91"))
                .rule()
                .row(List.of("TOTAL", "12345754.16"));

        assertEquals(List.of(
                "Client           Total",
                "---------  -----------",
                "Zoë Tours        75.25",
                "A          12345678.91",
                "---------  -----------",
                "TOTAL      12345754.16"), table.lines());
    }

    @Test
    void a_heading_wider_than_its_cells_sets_the_width_and_lines_have_no_trailing_spaces() {
        var table = new TextTable(List.of(Column.left("Code"), Column.left("Account name"))).row(List.of("1000", "cash"));

        assertEquals(List.of("Code  Account name", "----  ------------", "1000  cash"), table.lines());
    }

    @Test
    void a_row_with_the_wrong_number_of_cells_is_a_programming_error() {
        var table = new TextTable(List.of(Column.left("A"), Column.right("B")));

        assertThrows(IllegalArgumentException.class, () -> table.row(List.of("only one")));
    }
}
