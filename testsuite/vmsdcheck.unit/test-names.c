/* The naming rule and the suggested rename. */
#include "unit.h"

#include "names.h"

#include <stdlib.h>

static void check_suggestion(const char *name, const char *parent,
                             const char *want)
{
    char *got = vmsd_suggest_name(name, parent);
    CHECK_STR(got, want);
    free(got);
}

int main(void)
{
    /* What the loader accepts: a longer name that starts with the parent. */
    CHECK(vmsd_name_extends("apic/sipi", "apic"));
    CHECK(vmsd_name_extends("apic_sipi", "apic"));
    CHECK(!vmsd_name_extends("apic", "apic"));
    CHECK(!vmsd_name_extends("ap", "apic"));
    CHECK(!vmsd_name_extends("timer/x", "apic"));

    /* The intended rule: parent + "/" + a non-empty rest. */
    CHECK(vmsd_name_follows_rule("apic/sipi", "apic"));
    CHECK(vmsd_name_follows_rule("cpu/cet/shstk", "cpu/cet"));
    CHECK(!vmsd_name_follows_rule("apic_sipi", "apic"));
    CHECK(!vmsd_name_follows_rule("apic/", "apic"));
    CHECK(!vmsd_name_follows_rule("cpu/cet_shstk", "cpu/cet"));

    /* The three kinds every rule and the allowlist tools go by. */
    CHECK(vmsd_name_kind("apic/sipi", "apic") == VMSD_NAME_FOLLOWS_RULE);
    CHECK(vmsd_name_kind("apic_sipi", "apic") == VMSD_NAME_LEGACY);
    CHECK(vmsd_name_kind("apic/", "apic") == VMSD_NAME_LEGACY);
    CHECK(vmsd_name_kind("timer/x", "apic") == VMSD_NAME_UNLOADABLE);
    CHECK(vmsd_name_kind("apic", "apic") == VMSD_NAME_UNLOADABLE);
    CHECK(!vmsd_name_follows_rule("ide bmdma_current", "ide bmdma"));
    CHECK(vmsd_name_follows_rule("ide bmdma/current", "ide bmdma"));

    check_suggestion("apic_sipi", "apic", "apic/sipi");
    check_suggestion("vga.endian", "vga", "vga/endian");
    check_suggestion("cpu/cet_shstk", "cpu/cet", "cpu/cet/shstk");
    check_suggestion("ide bmdma_current", "ide bmdma", "ide bmdma/current");
    check_suggestion("timer", "apic", "apic/timer");
    check_suggestion("apic/", "apic", NULL);
    check_suggestion("apic_", "apic", NULL);
    check_suggestion("apic", "apic", NULL);

    totals();
    return 0;
}
