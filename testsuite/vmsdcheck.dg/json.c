/* -fdiagnostics-format=json carries the finding, its rule id, its notes
   and the fix-it.  */
/* { dg-options "-fdiagnostics-format=json" } */
#include "vmstate.h"

static const VMStateDescription vmstate_sipi = {
    .name = "apic_sipi",
};

const VMStateDescription vmstate_apic = {
    .name = "apic",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,
        NULL
    },
};
/* GCC 12 prints the members in this order.  */
/* { dg-message "\"kind\": \"warning\"\[^\\n\]*\"children\": \\\[.\"kind\": \"note\", \"fixits\": \\\[\[^\\n\]*\"string\": \"\\\\\"apic/sipi\\\\\"\"\[^\\n\]*\"line\": 7\[^\\n\]*\"message\": \"subsection \\'apic_sipi\\' is defined here\"., .\"kind\": \"note\"\[^\\n\]*\"message\": \"if the name is new, rename it as suggested\[^\\n\]*\"line\": 13\[^\\n\]*\"column\": 9..\\\], \"message\": \"subsection \\'apic_sipi\\' of \\'apic\\' is not named \\'apic\\' followed by \\'/\\' and a non-empty rest \\\[subsection-separator\\\]\"" "" { target *-*-* } 0 } */
