package ru.appealdesk.e2e;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.EndToEndTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import of portal exports through HTTP (PRODUCT.md §11): a workbook, the same file again, a file with bad rows, a
 * truncated file, the samples. The volume is imported at the service by ImportVolumeTest.
 */
class ImportTest extends EndToEndTest {

    @Test
    void aWorkbookComesInOnceAndAReImportChangesNothing() throws Exception {
        // given an export in the generic layout
        byte[] file = workbook("IMP-2026-", 20);

        // when it is imported
        JsonNode first = upload("DOBRODEL", "export.xlsx", file);

        // then every row is registered, and the same file again finds them all present
        assertThat(first.get("layout").asText()).isEqualTo("GENERIC");
        assertThat(first.get("created").asInt()).isEqualTo(20);
        assertThat(first.get("refused").asInt()).isZero();
        JsonNode again = upload("DOBRODEL", "export.xlsx", file);
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("present").asInt()).isEqualTo(20);
        long id = first.get("results").get(19).get("id").asLong();
        assertThat(again.get("results").get(19).get("id").asLong()).isEqualTo(id);
        JsonNode one = appeal(id);
        assertThat(one.get("externalId").asText()).isEqualTo("IMP-2026-20");
        assertThat(one.get("category").asText()).isEqualTo("education");
        assertThat(one.get("receivedAt").asText()).isEqualTo("2026-03-02T09:00:00+03:00");
        assertThat(one.get("history").findValuesAsText("type").stream().filter("ASSIGNED"::equals)).hasSize(1);
    }

    @Test
    void badRowsAreNamedAndTheGoodOnesComeIn() throws Exception {
        // given the portals' operative report layout with two good rows and three bad ones
        String csv = "\uFEFFНомер;Адрес;Район;Категория ЕЦУР;Подкатегория ЕЦУР;ЕЦУР факт;Исполнитель;Текст;"
                + "Дата создания;Срок;Статус\r\n"
                + "ECUR-IM-1;ул. Солнцева, 5;Руза;Дороги;Ямы на дорогах;Да;Иванов;Яма у дома 5;02.03.2026 10:15;"
                + "12.03.2026;Открыто\r\n"
                + "ECUR-IM-2;ул. Федеративная, 1;;Отходы;;Нет;;\"Мусор; не вывозят\";02.03.2026;;\r\n"
                + "ECUR-IM-3;ул. Ленина, 2;;Дороги;;;;;02.03.2026;;\r\n"
                + "ECUR-IM-4;ул. Ленина, 3;;Дороги;;;;Яма;31.02.2026;;\r\n"
                + "ECUR IM 5;ул. Ленина, 4;;Дороги;;;;Яма;02.03.2026;;\r\n";

        // when it is imported as ЕЦУР
        JsonNode result = upload("ECUR", "operative.csv", csv.getBytes(StandardCharsets.UTF_8));

        // then the good rows are in, mapped to routing.yml codes, and each bad row is named with its reason
        assertThat(result.get("layout").asText()).isEqualTo("PORTAL_EXPORT");
        assertThat(result.get("created").asInt()).isEqualTo(2);
        assertThat(result.get("refused").asInt()).isEqualTo(3);
        JsonNode rows = result.get("results");
        assertThat(appeal(rows.get(0).get("id").asLong()).get("category").asText()).isEqualTo("roads");
        JsonNode waste = appeal(rows.get(1).get("id").asLong());
        assertThat(waste.get("category").asText()).isEqualTo("waste");
        assertThat(waste.get("text").asText()).isEqualTo("Мусор; не вывозят");
        assertThat(waste.get("address").asText()).isEqualTo("ул. Федеративная, 1");
        assertThat(appeal(rows.get(0).get("id").asLong()).get("address").asText()).isEqualTo("ул. Солнцева, 5, Руза");
        assertThat(rows.get(2).get("row").asInt()).isEqualTo(4);
        assertThat(rows.get(2).get("reason").asText()).contains("text");
        assertThat(rows.get(3).get("reason").asText()).contains("31.02.2026");
        assertThat(rows.get(4).get("reason").asText()).contains("externalId");
    }

    @Test
    void aTruncatedFileIsRefusedWholeAndNothingComesIn() throws Exception {
        byte[] file = workbook("IMT-2026-", 100);
        byte[] truncated = Arrays.copyOf(file, file.length / 2);

        HttpResponse<String> refused = post("DOBRODEL", "export.xlsx", truncated);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("nothing was imported");
        // nothing of it came in: the whole file afterwards creates all 100
        assertThat(upload("DOBRODEL", "export.xlsx", file).get("created").asInt()).isEqualTo(100);
        assertThat(post("DOBRODEL", "export.csv", "Номер;Адрес\r\n1;2\r\n".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theSampleExportOfEverySourceImportsCleanly() throws Exception {
        String[][] samples = {{"DOBRODEL", "dobrodel.csv"}, {"POS", "pos.csv"}, {"ECUR", "ecur.csv"},
                {"INCIDENT", "incident.csv"}, {"OTHER", "other.csv"}};
        for (String[] sample : samples) {
            byte[] content = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/samples", sample[1]));
            JsonNode result = upload(sample[0], sample[1], content);
            assertThat(result.get("refused").asInt()).as(sample[1] + ": " + result).isZero();
            assertThat(result.get("created").asInt() + result.get("present").asInt()).isPositive();
            for (JsonNode row : result.get("results")) {
                assertThat(appeal(row.get("id").asLong()).get("category").asText()).as(sample[1])
                        .isIn("roads", "heating", "lighting", "waste", "education", "benefits", "snow", "other");
            }
        }
    }

    private static byte[] workbook(String prefix, int rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Выгрузка");
            String[] headers = {"Номер", "Категория", "Текст", "Адрес", "Дата поступления", "Приоритет",
                    "Заявитель", "Телефон", "E-mail"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            for (int n = 1; n <= rows; n++) {
                Row row = sheet.createRow(n);
                row.createCell(0).setCellValue(prefix + n);
                row.createCell(1).setCellValue(n % 2 == 0 ? "education" : "Детские сады");
                row.createCell(2).setCellValue("Не работает отопление в группе № " + n);
                row.createCell(3).setCellValue("г. Руза, ул. Школьная, " + n);
                row.createCell(4).setCellValue("02.03.2026 09:00");
                row.createCell(5).setCellValue("Обычный");
                row.createCell(6).setCellValue("Заявитель " + n);
                row.createCell(7).setCellValue("+7 999 000-00-00");
                row.createCell(8).setCellValue("a" + n + "@example.ru");
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private JsonNode upload(String source, String name, byte[] content) throws Exception {
        HttpResponse<String> response = post(source, name, content);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String source, String name, byte[] content) throws Exception {
        String boundary = "----appealdesk" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
                        + "/api/appeals/import?source=" + source))
                .header("Authorization", "Bearer " + Api.TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(java.time.Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
