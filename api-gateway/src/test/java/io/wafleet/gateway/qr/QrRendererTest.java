package io.wafleet.gateway.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class QrRendererTest {

    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }

    @Test
    void pngDecodesBackToTheText() throws Exception {
        String text = "2@AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/=,aGVsbG8gd29ybGQ=,c2FuZGJveA==,d2FmbGVldA==";
        byte[] png = QrRenderer.png(text);

        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(decode(png)).isEqualTo(text);
    }
}
