/* The compat database: loading, layering, lookups and every error. */
#define _POSIX_C_SOURCE 200809L
#include "unit.h"
#include "db-file.h"

#include "compatdb.h"

#define HEADER "{ \"format\": \"vmsdcheck-allowlist\", \"version\": 1, "

/* Load TEXT into a fresh database; return the error text ("" if none). */
static const char *load(struct vmsd_compatdb *db, const char *text)
{
    static char error[512];
    char *path = write_temp_file(text);
    error[0] = '\0';
    if (!vmsd_compatdb_load(db, path, error, sizeof error)) {
        /* Drop the temporary path so checks can compare the rest. */
        char *after = strstr(error, path) ? error + strlen(path) : error;
        memmove(error, after, strlen(after) + 1);
    }
    unlink(path);
    free(path);
    return error;
}

static void test_good_and_layered(void)
{
    struct vmsd_compatdb db;
    vmsd_compatdb_init(&db);
    CHECK_STR(load(&db, HEADER "\"entries\": [ { \"parent\": \"apic\", "
                   "\"subsection\": \"apic_sipi\", \"reason\": \"legacy\", "
                   "\"where\": \"hw/intc/apic.c:10\" } ] }"), "");
    CHECK_STR(load(&db, HEADER "\"provenance\": { \"qemu\": \"11.0\" }, "
                   "\"entries\": [ { \"parent\": \"apic\", \"subsection\": "
                   "\"apic_sipi\", \"reason\": \"again, downstream\" }, "
                   "{ \"parent\": \"vga\", \"subsection\": \"vga.endian\", "
                   "\"reason\": \"legacy\" } ] }"), "");
    CHECK(db.n_entries == 3);
    CHECK(db.n_files == 2);
    CHECK_STR(db.entries[0].where, "hw/intc/apic.c:10");
    CHECK_STR(db.entries[2].file, db.files[1]);

    /* The lowest layer's entry is the one found; each layer's by file. */
    CHECK(vmsd_compatdb_find(&db, "apic", "apic_sipi") == &db.entries[0]);
    CHECK(vmsd_compatdb_find_in(&db, db.files[1], "apic", "apic_sipi")
          == &db.entries[1]);
    CHECK(vmsd_compatdb_find_in(&db, db.files[0], "vga", "vga.endian")
          == NULL);
    CHECK(vmsd_compatdb_find(&db, "vga", "vga.endian") == &db.entries[2]);
    CHECK(!vmsd_compatdb_find(&db, "apic2", "apic_sipi"));
    CHECK(!vmsd_compatdb_find(&db, "apic", "apic_sip"));
    CHECK(!vmsd_compatdb_find(NULL, "apic", "apic_sipi"));
    vmsd_compatdb_free(&db);
}

/* Each entry's line is where its object starts, however its names are
 * spelled and whatever strings around it hold. */
static void test_lines(void)
{
    struct vmsd_compatdb db;
    vmsd_compatdb_init(&db);
    CHECK_STR(load(&db,
        "{\n"
        "  \"format\": \"vmsdcheck-allowlist\", \"version\": 1,\n"
        "  \"provenance\": { \"note\": \"\\\"entries\\\": [ { [\",\n"
        "                  \"more\": { \"entries\": [ 1 ] } },\n"
        "  \"entries\": [\n"
        "    { \"parent\": \"a\", \"subsection\": \"a\\u005fb\",\n"
        "      \"reason\": \"{ \\\"subsection\\\": \\\"a_b\\\" }\" },\n"
        "\n"
        "    {\n"
        "      \"parent\": \"x\", \"subsection\": \"a_b\", \"reason\": \"r\" },"
        " { \"parent\": \"y\", \"subsection\": \"y\\/z\", \"reason\": \"r\" }\n"
        "  ]\n"
        "}\n"), "");
    CHECK(db.n_entries == 3);
    CHECK_STR(db.entries[0].subsection, "a_b");
    CHECK(db.entries[0].line == 6);
    CHECK(db.entries[1].line == 9);
    CHECK(db.entries[2].line == 10);
    vmsd_compatdb_free(&db);
}

static void test_errors(void)
{
    struct vmsd_compatdb db;
    char error[512];
    vmsd_compatdb_init(&db);

    CHECK_STR(load(&db, "{\n  \"format\": \"vmsdcheck-allowlist\",\n  "
                   "\"version\": 1,\n  \"entries\": [ , ]\n}\n"),
              ":4:16: unexpected token near ','");
    CHECK_STR(load(&db, "[]"), ": the top level must be an object");
    CHECK_STR(load(&db, "{ \"format\": \"other\", \"version\": 1, "
                   "\"entries\": [] }"),
              ": \"format\" must be \"vmsdcheck-allowlist\"");
    CHECK_STR(load(&db, HEADER "\"entries\": {} }"),
              ": \"entries\" must be an array");
    CHECK_STR(load(&db, HEADER "\"entries\": [], \"extra\": 1 }"),
              ": unknown key \"extra\" (the top level has format, version, "
              "provenance, released, entries)");
    /* Names from the file are shown escaped, as in every message. */
    CHECK_STR(load(&db, HEADER "\"entries\": [], \"x\\u001b[2J\": 1 }"),
              ": unknown key \"x\\x1b[2J\" (the top level has format, "
              "version, provenance, released, entries)");
    CHECK_STR(load(&db, HEADER "\"entries\": [ { \"parent\": \"a\", "
                   "\"subsection\": \"a\\u0007\", \"reason\": \"r\" }, "
                   "{ \"parent\": \"a\", \"subsection\": \"a\\u0007\", "
                   "\"reason\": \"r\", \"\\u001b\": 1 } ] }"),
              ": entries[1]: unknown key \"\\x1b\" (an entry has parent, "
              "subsection, reason, where, since)");
    CHECK_STR(load(&db, HEADER "\"entries\": [ { \"parent\": \"a\", "
                   "\"subsection\": \"a\\u0007\", \"reason\": \"r\" }, "
                   "{ \"parent\": \"a\", \"subsection\": \"a\\u0007\", "
                   "\"reason\": \"r\" } ] }"),
              ": entries[1]: parent \"a\", subsection \"a\\x07\" is listed "
              "already at entries[0]");
    CHECK_STR(load(&db, HEADER "\"entries\": [ 3 ] }"),
              ": entries[0]: not an object");
    CHECK_STR(load(&db, HEADER "\"entries\": [ { \"parent\": \"a\", "
                   "\"subsection\": \"a_b\" } ] }"),
              ": entries[0]: \"reason\" must be a non-empty string");
    CHECK_STR(load(&db, HEADER "\"entries\": [ { \"parent\": \"a\", "
                   "\"subsection\": \"a_b\", \"reason\": \"r\", "
                   "\"where\": 3 } ] }"),
              ": entries[0]: \"where\" must be a string");
    CHECK_STR(load(&db, "{ \"format\": \"vmsdcheck-allowlist\", \"version\": "
                   "1, \"version\": 1, \"entries\": [] }"),
              ":1:58: duplicate object key near '\"version\"'");
    CHECK(db.n_entries == 0);   /* nothing from a failed load */

    CHECK(!vmsd_compatdb_load(&db, "/nonexistent/db.json", error,
                              sizeof error));
    CHECK(strstr(error, "/nonexistent/db.json: unable to read") == error);
    vmsd_compatdb_free(&db);
}

/* 'since' and 'released': a release "MAJOR.MINOR", or (since)
 * "unreleased"; both optional, kept per entry and per file. */
static void test_since(void)
{
    struct vmsd_compatdb db;
    vmsd_compatdb_init(&db);
    CHECK_STR(load(&db, HEADER "\"released\": \"11.0\", \"entries\": [ "
                   "{ \"parent\": \"apic\", \"subsection\": \"apic_sipi\", "
                   "\"reason\": \"r\", \"since\": \"2.2\" }, "
                   "{ \"parent\": \"a\", \"subsection\": \"a-b\", "
                   "\"reason\": \"r\", \"since\": \"unreleased\" }, "
                   "{ \"parent\": \"c\", \"subsection\": \"c-d\", "
                   "\"reason\": \"r\" } ] }"), "");
    CHECK(db.n_entries == 3);
    CHECK_STR(db.entries[0].since, "2.2");
    CHECK_STR(db.entries[1].since, VMSD_COMPATDB_UNRELEASED);
    CHECK_STR(db.entries[2].since, NULL);
    CHECK_STR(db.released[0], "11.0");
    CHECK_STR(load(&db, HEADER "\"entries\": [] }"), "");
    CHECK_STR(db.released[1], NULL);
    vmsd_compatdb_free(&db);

    vmsd_compatdb_init(&db);
    static const char *const bad[] = { "2", "2.", ".2", "2.2.0", "02.2",
                                       "2.02", "v2.2", "12345.0", "-1.0",
                                       "2.2 ", "" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[256];
        snprintf(text, sizeof text, HEADER "\"entries\": [ { \"parent\": "
                 "\"a\", \"subsection\": \"a-b\", \"reason\": \"r\", "
                 "\"since\": \"%s\" } ] }", bad[i]);
        CHECK_STR(load(&db, text), ": entries[0]: \"since\" must be a "
                  "release, \"MAJOR.MINOR\", or \"unreleased\"");
        snprintf(text, sizeof text, HEADER "\"released\": \"%s\", "
                 "\"entries\": [] }", bad[i]);
        CHECK_STR(load(&db, text), ": \"released\" must be a release, "
                  "\"MAJOR.MINOR\"");
    }
    CHECK_STR(load(&db, HEADER "\"released\": \"unreleased\", "
                   "\"entries\": [] }"),
              ": \"released\" must be a release, \"MAJOR.MINOR\"");
    CHECK_STR(load(&db, HEADER "\"entries\": [ { \"parent\": \"a\", "
                   "\"subsection\": \"a-b\", \"reason\": \"r\", "
                   "\"since\": 2.2 } ] }"),
              ": entries[0]: \"since\" must be a release, \"MAJOR.MINOR\", "
              "or \"unreleased\"");
    CHECK(db.n_entries == 0 && db.n_files == 0);

    int major = -1, minor = -1;
    CHECK(vmsd_compatdb_release("0.15", &major, &minor)
          && major == 0 && minor == 15);
    CHECK(vmsd_compatdb_release("9999.9999", &major, &minor)
          && major == 9999 && minor == 9999);
    vmsd_compatdb_free(&db);
}

int main(void)
{
    test_good_and_layered();
    test_since();
    test_lines();
    test_errors();
    totals();
    return 0;
}
