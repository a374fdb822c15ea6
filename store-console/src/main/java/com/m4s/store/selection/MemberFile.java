package com.m4s.store.selection;

import com.m4s.platform.web.ApiException;
import com.m4s.store.export.SheetFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded list of members (a point campaign's, a gift distribution's): CSV or .xlsx with a header row naming
 * 手机号 (phone) and/or 车牌号 (plate), a note in brackets after the name allowed; one member a line. Lines are
 * matched by {@link MemberSelection#match} as the DMS import matches customers (decision 0030): phone first, then
 * plate. A file that cannot be read, or names neither column, is refused whole (422 {@code member-file-*}); a line
 * that matches nobody is reported with its reason and the rest are taken.
 */
public final class MemberFile {

    /** A data line: its row as Excel shows it (the header is row 1) and what it names. */
    public record Line(int rowNo, @Nullable String phone, @Nullable String plate) {

        /** What the line said, for the report. */
        public String value() {
            return phone != null ? phone : plate != null ? plate : "";
        }
    }

    private MemberFile() {
    }

    /** The file's lines, at most {@code maxLines} (422 {@code member-file-too-long} for more). */
    public static List<Line> read(String fileName, byte[] content, int maxLines) {
        SheetFile.Format format = SheetFile.Format.of(fileName)
                .orElseThrow(() -> new ApiException.Unprocessable("member-file-type"));
        List<List<String>> table;
        try {
            table = SheetFile.read(content, format);
        } catch (SheetFile.Unreadable e) {
            throw new ApiException.Unprocessable("member-file-unreadable");
        }
        if (table.isEmpty()) {
            throw new ApiException.Unprocessable("member-file-empty");
        }
        int phone = -1;
        int plate = -1;
        List<String> header = table.getFirst();
        for (int i = 0; i < header.size(); i++) {
            String name = name(header.get(i));
            if (phone < 0 && (name.equals("手机号") || name.equals("phone"))) {
                phone = i;
            } else if (plate < 0 && (name.equals("车牌号") || name.equals("plate"))) {
                plate = i;
            }
        }
        if (phone < 0 && plate < 0) {
            throw new ApiException.Unprocessable("member-file-columns");
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> row = table.get(r);
            String p = cell(row, phone);
            String v = cell(row, plate);
            if (p == null && v == null && row.stream().allMatch(String::isBlank)) {
                continue;
            }
            lines.add(new Line(r + 1, p, v == null ? null : v.replace(" ", "").toUpperCase(Locale.ROOT)));
        }
        if (lines.isEmpty()) {
            throw new ApiException.Unprocessable("member-file-empty");
        }
        if (lines.size() > maxLines) {
            throw new ApiException.Unprocessable("member-file-too-long", maxLines);
        }
        return lines;
    }

    private static String name(String cell) {
        String name = cell.strip();
        int note = name.indexOf('(');
        int wide = name.indexOf('（');
        int at = note < 0 ? wide : wide < 0 ? note : Math.min(note, wide);
        return (at > 0 ? name.substring(0, at).strip() : name).toLowerCase(Locale.ROOT);
    }

    private static @Nullable String cell(List<String> row, int column) {
        if (column < 0 || column >= row.size() || row.get(column).isBlank()) {
            return null;
        }
        return row.get(column).strip();
    }
}
