import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Applies each sql/<schema>/ folder with Flyway (into schema <schema>, as the services do at start)
 * to a throwaway embedded PostgreSQL, then generates jOOQ classes for all schemas at once.
 * Usage: GenerateJooq <sql-root> <output-dir> <package> <this-source-file>
 *
 * Generating from a live server keeps the classes faithful to everything PostgreSQL supports;
 * the inputs are hashed so an unchanged sql/ costs a JVM start, not a database start.
 */
public class GenerateJooq {
    /**
     * Schemas whose migrations read other schemas (analytics' views over charter, payment, finance
     * …): applied after every other schema, whose tables they need, instead of alphabetically
     * first. A new reporting schema of that kind joins this list.
     */
    static final List<String> READ_OTHER_SCHEMAS = List.of("analytics");

    /** Alphabetical, except that the schemas reading others come last. */
    static final Comparator<Path> APPLY_ORDER = Comparator
            .comparing((Path dir) -> READ_OTHER_SCHEMAS.contains(dir.getFileName().toString()))
            .thenComparing(Comparator.naturalOrder());

    public static void main(String[] args) throws Exception {
        Path sqlRoot = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]).toAbsolutePath().normalize();
        String pkg = args[2];
        List<Path> schemaDirs;
        try (Stream<Path> s = Files.list(sqlRoot)) {
            schemaDirs = s.filter(Files::isDirectory).sorted(APPLY_ORDER).toList();
        }
        if (schemaDirs.isEmpty()) throw new IllegalStateException("no schema folders under " + sqlRoot);

        String inputs = inputsHash(sqlRoot, Path.of(args[3]));
        Path stamp = out.resolve(".inputs-sha256");
        if (Files.exists(stamp) && Files.readString(stamp).equals(inputs)) {
            System.out.println("[codegen] jOOQ classes are up to date with " + sqlRoot);
            return;
        }
        deleteTree(out);

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            var ds = pg.getPostgresDatabase();
            for (Path dir : schemaDirs) {
                String schema = dir.getFileName().toString();
                var result = Flyway.configure().dataSource(ds)
                        .schemas(schema).defaultSchema(schema).createSchemas(true)
                        .locations("filesystem:" + dir).load().migrate();
                System.out.println("[codegen] schema " + schema + ": " + result.migrationsExecuted + " migration(s)");
            }
            // One run per schema, each into <package>.<schema>: the package never depends on how many schemas exist.
            for (Path dir : schemaDirs) {
                String schema = dir.getFileName().toString();
                var database = new Database()
                        .withName("org.jooq.meta.postgres.PostgresDatabase")
                        .withExcludes("flyway_schema_history")
                        .withSchemata(new SchemaMappingType().withInputSchema(schema));
                var config = new Configuration()
                        .withJdbc(new Jdbc().withDriver("org.postgresql.Driver")
                                .withUrl(pg.getJdbcUrl("postgres", "postgres"))
                                .withUser("postgres").withPassword("postgres"))
                        .withGenerator(new Generator()
                                .withDatabase(database)
                                .withGenerate(new Generate()
                                        .withJavaTimeTypes(true)
                                        .withRecords(true)
                                        .withPojos(false)
                                        .withDaos(false)
                                        .withGeneratedAnnotation(false)
                                        .withComments(true))
                                .withTarget(new Target().withPackageName(pkg + "." + schema)
                                        .withDirectory(out.toString()).withClean(false)));
                GenerationTool.generate(config);
            }
        }
        Files.createDirectories(out);
        Files.writeString(stamp, inputs);
        System.out.println("[codegen] generated jOOQ classes for " + schemaDirs.size() + " schema(s) into " + out);
    }

    /** Hash of every file under sql/ (path and content) and of this generator's own source. */
    static String inputsHash(Path sqlRoot, Path generatorSource) throws Exception {
        var md = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> s = Files.walk(sqlRoot)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            md.update(sqlRoot.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
        }
        md.update(Files.readAllBytes(generatorSource));
        md.update(org.jooq.Constants.FULL_VERSION.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
