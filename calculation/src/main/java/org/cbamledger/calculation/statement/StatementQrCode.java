package org.cbamledger.calculation.statement;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cbamledger.calculation.core.CalculationException;

/** A QR code drawn as filled PDF rectangles (vector, so it stays sharp and the bytes stay deterministic). */
final class StatementQrCode {
    private static final int QUIET_ZONE_MODULES = 4;

    private StatementQrCode() {}

    /** Draws {@code payload} as a square QR code of {@code sizePoints} whose top left corner is at (left, top). */
    static void draw(PdfTextLayout.Area area, String payload, float left, float sizePoints) throws IOException, CalculationException {
        BitMatrix matrix = encode(payload);
        float module = sizePoints / matrix.getWidth();
        area.stream().setNonStrokingColor(0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    area.stream().addRect(left + column * module, area.top() - (row + 1) * module, module, module);
                }
            }
        }
        area.stream().fill();
    }

    private static BitMatrix encode(String payload) throws CalculationException {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, QUIET_ZONE_MODULES));
        } catch (WriterException e) {
            throw new CalculationException("cannot encode the statement's QR code: " + e.getMessage(), e);
        }
    }
}
