package com.coachway.document;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Memory stays bounded by construction: no code of the service reads a body or a file whole.
 * Bodies are read through {@code MultipartReader} in 64 KB reads and files streamed from GridFS
 * (LargeFilesTest shows the chunks arriving in MongoDB while an upload is still being sent).
 */
class NoWholeBodyTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.coachway.document");

    @Test
    void nothing_reads_a_stream_whole() {
        noClasses().should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("InputStream.readAllBytes/transferTo a byte array",
                        call -> call.getTargetOwner().isAssignableTo(java.io.InputStream.class) && call.getName().equals("readAllBytes")
                                || call.getTargetOwner().isAssignableTo(java.io.ByteArrayOutputStream.class) && call.getName().equals("toByteArray")))
                .because("an upload or a download may be 25 MB; stream it").check(classes);
    }

    @Test
    void no_handler_asks_javalin_for_the_whole_body_or_its_parsed_parts() {
        noClasses().should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("Context body/bytes/uploaded files/form params",
                        call -> call.getTargetOwner().isAssignableTo(io.javalin.http.Context.class)
                                && call.getName().matches("body|bodyAsBytes|bodyAsClass|bodyStreamAsClass|bodyInputStream|uploadedFile|uploadedFiles|uploadedFileMap|formParam|formParams|formParamMap")))
                .because("Javalin would hold the body in memory or spool its parts to disk").check(classes);
    }
}
